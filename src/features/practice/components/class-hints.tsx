import type { CellClass } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { CELL_FACTS, hintsFor } from '@/core/cell-facts';

/** What to look for in a class, for the feedback panel. */
export function ClassHints({ cls, title }: { cls: CellClass; title: string }) {
  return (
    <section className="flex flex-col gap-1 text-sm" data-testid={`hints-${cls}`}>
      <h3 className="font-semibold">
        {title}: <span className={`rounded px-1.5 ${CLASS_COLOURS[cls].chip}`}>{CLASS_NAMES[cls].label}</span>
      </h3>
      <ul className="list-disc pl-5 text-slate-700 dark:text-slate-200">
        {hintsFor(cls).map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
      <p className="text-slate-600 dark:text-slate-300">{CELL_FACTS[cls].tellApart}</p>
    </section>
  );
}
