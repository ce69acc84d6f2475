import { TableHead } from '@/components/table-head';
import { Button } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { usePracticeStore } from '../stores/practice-store';
import {
  confusionSummary,
  FEW_ANSWERS,
  formatDuration,
  rightInWords,
  scoreAnswers,
} from '@/features/practice/utils/scoring';

/** The end of a session: score, time, per-class accuracy, the student's own confusion table. */
export function SessionSummary() {
  const { answers, startedAt, endedAt, start, quit } = usePracticeStore();
  const s = scoreAnswers(answers);
  const sentences = confusionSummary(s);
  return (
    <section aria-labelledby="summary-title" className="flex flex-col gap-5" data-testid="summary">
      <div>
        <h2 id="summary-title" className="text-lg font-semibold">
          Session finished
        </h2>
        <p className="text-sm">
          Score <strong data-testid="final-score">{`${s.correct} / ${s.total}`}</strong>
          {s.total >= FEW_ANSWERS && ` (${Math.round((100 * s.correct) / s.total)}%)`} · best streak {s.bestStreak} ·
          time {formatDuration(endedAt - startedAt)}
        </p>
      </div>
      <div className="flex flex-wrap items-start gap-8">
        <table className="text-sm tabular-nums" data-testid="per-class">
          <caption className="mb-1 text-left font-semibold">Per class</caption>
          <TableHead
            columns={[
              { label: 'Class' },
              { label: 'Right', numeric: true },
              { label: 'Asked', numeric: true },
              { label: 'Accuracy', numeric: true },
            ]}
          />
          <tbody>
            {CELL_CLASSES.map((cls) => {
              const { asked, correct } = s.perClass[cls];
              return (
                <tr key={cls} data-class={cls} className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="row" className="pr-4 text-left font-medium">
                    {CLASS_NAMES[cls].label}
                  </th>
                  <td className="pr-4 text-right" data-metric="correct">
                    {correct}
                  </td>
                  <td className="pr-4 text-right" data-metric="asked">
                    {asked}
                  </td>
                  <td className="text-right" data-metric="accuracy">
                    {asked >= FEW_ANSWERS ? rightInWords(correct, asked) : asked ? 'too few to say' : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {/* A column per class fits a phone with the rows named short; wider screens name them in full. */}
        <div className="max-w-full overflow-x-auto">
          <table className="text-sm tabular-nums" data-testid="student-confusion">
            <caption className="mb-1 text-left font-semibold">Your answers (rows: true class)</caption>
            <thead>
              <tr>
                <td />
                {CELL_CLASSES.map((a) => (
                  <th key={a} scope="col" className="px-2 text-xs font-medium">
                    {CLASS_NAMES[a].short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CELL_CLASSES.map((t) => (
                <tr key={t} data-class={t}>
                  <th scope="row" className="pr-2 text-left text-xs font-medium">
                    <abbr title={CLASS_NAMES[t].label} className="no-underline sm:hidden">
                      {CLASS_NAMES[t].short}
                    </abbr>
                    <span className="hidden sm:inline">{CLASS_NAMES[t].label}</span>
                  </th>
                  {CELL_CLASSES.map((a) => {
                    const n = s.confusion[t][a];
                    return (
                      <td
                        key={a}
                        data-answer={a}
                        className={`h-9 w-10 border border-white text-center dark:border-slate-950 ${
                          n === 0 ? '' : a === t ? 'bg-blue-200 dark:bg-blue-900' : 'bg-orange-200 dark:bg-orange-900'
                        }`}
                      >
                        {n}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="max-w-2xl text-sm" data-testid="confusion-sentences">
        {sentences.join(' ')}
      </p>
      <div className="flex gap-2">
        <Button variant="primary" onClick={start} autoFocus>
          Practise again
        </Button>
        <Button onClick={quit}>Back to start</Button>
      </div>
    </section>
  );
}
