import { modelThatRead } from '@/lib/format/model-that-read';
import type { ResultItem } from '../stores/results-store';
import { CellDetails } from './cell-details';

/** The text half of a card: name, messages and notes, and the cells. */
export function CardBody({ item }: { item: ResultItem }) {
  const r = item.result;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-2 p-3">
      <h3 className="truncate text-sm font-semibold" title={item.name}>
        {item.name}
      </h3>
      {item.message && (
        <p
          data-testid="card-message"
          role={item.status === 'error' ? 'status' : undefined}
          className={`text-sm ${item.status === 'error' ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300'}`}
        >
          {item.message}
        </p>
      )}
      {r?.notes.map((note) => (
        <p key={note} data-testid="card-note" className="text-sm text-amber-800 dark:text-amber-200">
          {note}
        </p>
      ))}
      {r && r.cells.length === 0 && (
        <p data-testid="card-message" className="text-sm text-slate-700 dark:text-slate-200">
          No white blood cell found.
        </p>
      )}
      {r?.modelVersion && (
        <p
          data-testid="card-model"
          data-model-kind={modelThatRead(r.modelVersion).kind}
          className="text-xs text-slate-600 dark:text-slate-400"
        >
          Read by the {modelThatRead(r.modelVersion).text}
        </p>
      )}
      {r && r.cells.length > 0 && (
        <ol className="flex flex-col gap-3">
          {r.cells.map((cell, i) => (
            <CellDetails key={i} cell={cell} index={i} />
          ))}
        </ol>
      )}
    </div>
  );
}
