import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import type { ModelMetrics } from '@/features/model-card/utils/metrics';
import { plainSummary, type SummarySet } from '../utils/plain-summary';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** How each set is named in the summary's sentence: by its place in training, not its dataset. */
const SET_WORDS: Record<SummarySet, (n: number) => string> = {
  test: (n) => `${n} in 100 cells of the first training lab's held-out images`,
  pbc: (n) => `${n} in 100 of the second training lab's held-out cells`,
  lisc: (n) => `${n} in 100 of a lab it never saw`,
  liscAdapted: (n) => `${n} in 100 of that lab once adapted to it on the Adapt page`,
};

const lower = (cls: keyof typeof CLASS_NAMES) => CLASS_NAMES[cls].label.toLowerCase();

/** The model card's opening: what the model reads, how often it is right, where it is wrong, in plain words. */
export function PlainSummarySection({ m }: { m: ModelMetrics }) {
  const s = plainSummary(m);
  const count = NUMBER_WORDS[CELL_CLASSES.length] ?? String(CELL_CLASSES.length);
  const names = CELL_CLASSES.map((c) => `${lower(c)}s`);
  const target = m.calibration?.reviewTarget;
  return (
    <section
      aria-labelledby="plain-summary-title"
      className="flex max-w-3xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="plain-summary"
    >
      <h3 id="plain-summary-title" className="text-base font-semibold">
        In short
      </h3>
      <p data-testid="summary-reads">
        <strong>What it reads:</strong> microscope images of stained blood smears, and in them the {count} normal types
        of white blood cell: {names.slice(0, -1).join(', ')} and {names[names.length - 1]}. It knows no other cell: a
        blast or an atypical lymphocyte still gets one of these {count} names.
      </p>
      {s.labs.length > 0 && (
        <p data-testid="summary-right">
          <strong>How often it is right:</strong> about{' '}
          {s.labs.map((l, i) => (
            <span key={l.id} data-testid={`summary-lab-${l.id}`} data-per100={l.per100}>
              {i > 0 && (i === s.labs.length - 1 ? ' and ' : ', ')}
              {SET_WORDS[l.id](l.per100)}
            </span>
          ))}
          .
        </p>
      )}
      {s.weakest && (
        <p data-testid="summary-wrong">
          <strong>Where it is wrong:</strong> its weakest type is the{' '}
          <span data-testid="summary-weakest" data-class={s.weakest.cls}>
            {lower(s.weakest.cls)}
          </span>{' '}
          (about {s.weakest.per100} in 100 named right, averaged over these labs)
          {s.confusion && (
            <>
              ; its most common mistake is calling{' '}
              <span
                data-testid="summary-confusion"
                data-truth={s.confusion.truth}
                data-predicted={s.confusion.predicted}
              >
                {lower(s.confusion.truth)}s {lower(s.confusion.predicted)}s
              </span>{' '}
              (about {s.confusion.per100} in 100 {lower(s.confusion.truth)}s)
            </>
          )}
          .
        </p>
      )}
      {typeof target === 'number' && (
        <p data-testid="summary-review">
          <strong>When to look twice:</strong> cells it is unsure of carry a <em>Review</em> mark. It was set so that
          unmarked cells were right at least {Math.round(target * 100)} in 100 times on held-out cells; marked cells
          need your own eye, and unmarked ones can still be wrong.
        </p>
      )}
      <p className="text-slate-600 dark:text-slate-300">
        A teaching and research aid, not a medical device. The figures below say how each number was measured.
      </p>
    </section>
  );
}
