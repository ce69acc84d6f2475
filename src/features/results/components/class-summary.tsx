import { FOCUS_RING } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { CLASS_COLOURS } from '@/components/class-colours';
import { summarise } from '@/features/results/utils/select-items';
import { useResultsStore, type FilterKey } from '../stores/results-store';

const NEUTRAL = 'bg-slate-100 dark:bg-slate-800';

/** Counts of cells per class over all analysed images, plus review and problem counts; each filters the cards. */
export function ClassSummary() {
  const items = useResultsStore((s) => s.items);
  const filter = useResultsStore((s) => s.filter);
  const setFilter = useResultsStore((s) => s.setFilter);
  const s = summarise(items);
  const chip = (key: FilterKey, label: string, value: number, colour: string, testId?: string) => (
    <li key={label}>
      <button
        type="button"
        data-testid={testId}
        aria-pressed={filter === key}
        title={filter === key ? 'Show all images' : `Show only: ${label.toLowerCase()}`}
        onClick={() => setFilter(filter === key ? 'all' : key)}
        className={`rounded-md px-2.5 py-1 ${colour} ${FOCUS_RING} ${
          filter === key ? 'ring-2 ring-slate-700 dark:ring-slate-200' : ''
        }`}
      >
        {label} <strong className="tabular-nums">{value}</strong>
      </button>
    </li>
  );
  return (
    <section aria-label="Summary (select a count to filter the images)" data-testid="summary">
      <ul className="flex flex-wrap gap-2 text-sm">
        {CELL_CLASSES.map((c) =>
          chip(c, `${CLASS_NAMES[c].label}s`, s.perClass[c], CLASS_COLOURS[c].chip, `count-${c}`),
        )}
        {chip('review', 'Cells needing review', s.review, NEUTRAL)}
        {chip('problems', 'Images without a cell', s.noCell, NEUTRAL)}
        {chip('problems', 'Unreadable files', s.problems, NEUTRAL)}
      </ul>
    </section>
  );
}
