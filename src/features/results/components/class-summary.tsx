import { CELL_CLASSES } from '../../../core/model-spec';
import { CLASS_STYLE } from '../../../lib/cell-class-style';
import { summarise } from '../hooks/select-items';
import { useResultsStore } from '../stores/results-store';

/** Counts of cells per class over all analysed images, plus review and problem counts. */
export function ClassSummary() {
  const items = useResultsStore((s) => s.items);
  const s = summarise(items);
  return (
    <section aria-label="Summary" data-testid="summary">
      <dl className="flex flex-wrap gap-2 text-sm">
        {CELL_CLASSES.map((c) => (
          <div key={c} data-testid={`count-${c}`} className={`rounded-md px-2.5 py-1 ${CLASS_STYLE[c].chip}`}>
            <dt className="inline">{CLASS_STYLE[c].label}s </dt>
            <dd className="inline font-semibold tabular-nums">{s.perClass[c]}</dd>
          </div>
        ))}
        <Count label="Cells needing review" value={s.review} />
        <Count label="Images without a cell" value={s.noCell} />
        <Count label="Unreadable files" value={s.problems} />
      </dl>
    </section>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md bg-slate-100 px-2.5 py-1 dark:bg-slate-800">
      <dt className="inline">{label} </dt>
      <dd className="inline font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
