import { TableHead } from '@/components/table-head';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';
import { classWeights } from '@/features/practice/utils/scheduler';
import { confusionSentences, FEW_ANSWERS, rightInWords, scoreAnswers } from '@/features/practice/utils/scoring';

/**
 * All answers so far: accuracy per class, the worst confusions, and which class the next session
 * will favour (the scheduler's own weights), so the student sees why questions come as they do.
 */
export function OverallProgress({ answers }: { answers: readonly PracticeAnswer[] }) {
  if (answers.length === 0) return null;
  const s = scoreAnswers(answers);
  const weights = classWeights(answers);
  const total = CELL_CLASSES.reduce((a, c) => a + weights[c], 0);
  const worst = confusionSentences(s).slice(0, 3);
  return (
    <section aria-labelledby="overall-title" className="flex flex-col gap-2 text-sm" data-testid="overall-progress">
      <h3 id="overall-title" className="font-semibold">
        All your answers ({answers.length})
      </h3>
      <table className="max-w-xl tabular-nums">
        <TableHead
          columns={[
            { label: 'Class' },
            { label: 'Accuracy', numeric: true },
            { label: 'Share of next questions', numeric: true },
          ]}
        />
        <tbody>
          {CELL_CLASSES.map((cls) => {
            const { asked, correct } = s.perClass[cls];
            return (
              <tr key={cls} className="border-b border-slate-200 dark:border-slate-800">
                <th scope="row" className="pr-4 text-left font-medium">
                  {CLASS_NAMES[cls].label}
                </th>
                <td className="pr-4 text-right">
                  {asked >= FEW_ANSWERS ? `${rightInWords(correct, asked)} of ${asked}` : rightInWords(correct, asked)}
                </td>
                <td className="text-right">{Math.round((100 * weights[cls]) / total)}%</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {worst.length > 0 && (
        <ul className="list-disc pl-5">
          {worst.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
