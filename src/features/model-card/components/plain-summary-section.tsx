import { PER_HUNDRED_WHITE_CELLS, WHITE_CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES, classListInWords } from '@/core/class-names';
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

/** How a set is named where the summary counts its false alarms. */
const FALSE_CALL_WORDS: Record<SummarySet, string> = {
  test: "the first training lab's cells",
  pbc: "the second training lab's cells",
  lisc: 'the cells of the lab it never saw',
  liscAdapted: 'that lab once adapted',
};

const lower = (cls: keyof typeof CLASS_NAMES) => CLASS_NAMES[cls].label.toLowerCase();

/** "a, b or c". */
const orList = (xs: readonly string[]) =>
  xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}` : xs.join('');

/** The model card's opening: what the model reads, how often it is right, where it is wrong, in plain words. */
export function PlainSummarySection({ m }: { m: ModelMetrics }) {
  const s = plainSummary(m);
  const count = NUMBER_WORDS[WHITE_CELL_CLASSES.length] ?? String(WHITE_CELL_CLASSES.length);
  const whiteCells = classListInWords(WHITE_CELL_CLASSES).toLowerCase();
  const perHundred = PER_HUNDRED_WHITE_CELLS.length ? classListInWords(PER_HUNDRED_WHITE_CELLS).toLowerCase() : '';
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
        <strong>What it reads:</strong> microscope images of stained blood smears, and in them {count} kinds of white
        blood cell, {whiteCells}
        {perHundred && <>, and {perHundred}, which are not white cells and are counted per 100 white cells</>}. It knows
        no other cell: a blast or an atypical lymphocyte still gets one of these names.
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
      {s.falseCalls.length > 0 && (
        <p data-testid="summary-false-calls">
          <strong>False alarms:</strong> where a lab has no cell of a kind, every cell called that kind is a false
          alarm. It called{' '}
          {s.falseCalls.map((f, i) => (
            <span key={f.id} data-testid={`summary-false-calls-${f.id}`} data-per100={f.per100}>
              {i > 0 && (i === s.falseCalls.length - 1 ? ' and ' : ', ')}
              {f.per100} in 100 of {FALSE_CALL_WORDS[f.id]} (which has no {orList(f.classes.map((c) => `${lower(c)}s`))}
              )
            </span>
          ))}{' '}
          a kind the lab does not have
          {typeof m.falseCallTarget === 'number' && <>; the aim is at most {m.falseCallTarget * 100} in 100</>}.
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
