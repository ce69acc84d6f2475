import { TableHead } from '@/components/table-head';
import { useId } from 'react';
import { Button } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { practiceImageUrl } from '@/lib/network/practice-manifest';
import { formatDuration, scoreAnswers } from '@/features/practice/utils/scoring';
import { useTestStore } from '../stores/test-store';
import { MissList } from './miss-list';

/**
 * The finished test as a certificate-style page that prints alone (practice-print.css): the
 * student's name (typed here, stored with the result), date, time taken, score overall and per
 * class, and what the test is and is not.
 */
export function TestCertificate() {
  const { result, items, setName, close } = useTestStore();
  const nameId = useId();
  if (!result) return null;
  const s = scoreAnswers(result.answers);
  const itemById = new Map(items.map((i) => [i.id, i]));
  return (
    <div className="flex flex-col gap-4">
      <section
        aria-labelledby="certificate-title"
        className="practice-print flex max-w-2xl flex-col gap-4 rounded-md border-4 border-double border-slate-400 p-6 dark:border-slate-500"
        data-testid="certificate"
      >
        <p className="text-sm tracking-wide text-slate-600 uppercase dark:text-slate-300">HematoVision · practice</p>
        <h2 id="certificate-title" className="text-2xl font-semibold">
          Proficiency test: blood cell identification
        </h2>
        <div className="flex flex-col gap-1 text-sm print:hidden">
          <label htmlFor={nameId} className="font-medium">
            Name on the certificate
          </label>
          <input
            id={nameId}
            value={result.name ?? ''}
            onChange={(e) => void setName(e.target.value)}
            maxLength={120}
            autoComplete="name"
            data-testid="certificate-name"
            className="max-w-sm rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <p className="hidden text-lg print:block">{result.name || '………………………………………'}</p>
        <p className="text-sm">
          Named <strong className="text-base" data-testid="certificate-score">{`${s.correct} of ${s.total}`}</strong>{' '}
          cells right ({Math.round((100 * s.correct) / Math.max(1, s.total))}%) in{' '}
          {formatDuration(result.endedAt - result.startedAt)}, on {new Date(result.endedAt).toLocaleDateString()}.
        </p>
        <table className="text-sm tabular-nums" data-testid="certificate-per-class">
          <caption className="mb-1 text-left font-semibold">Per class</caption>
          <TableHead
            columns={[{ label: 'Class' }, { label: 'Right', numeric: true }, { label: 'Share', numeric: true }]}
          />
          <tbody>
            {/* The classes this test asked: a test taken before a class was added lists none it never showed. */}
            {CELL_CLASSES.filter((cls) => s.perClass[cls].asked > 0).map((cls) => {
              const { asked, correct } = s.perClass[cls];
              return (
                <tr key={cls} data-class={cls} className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="row" className="pr-4 text-left font-medium">
                    {CLASS_NAMES[cls].label}
                  </th>
                  <td className="pr-4 text-right" data-metric="right">{`${correct} of ${asked}`}</td>
                  <td className="text-right">{asked > 0 ? `${Math.round((100 * correct) / asked)}%` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Test {result.testId}: the same {s.total} cells for everyone, from the PBC dataset (Acevedo et al., Data in
          Brief 2020), with no feedback until the end. Taken and scored on the student’s own device. A practice
          exercise, not an accredited proficiency-testing scheme.
        </p>
      </section>
      <MissList
        testId="test-misses"
        misses={result.answers.flatMap((a) => {
          const item = itemById.get(a.itemId);
          return item && a.answer !== a.truth
            ? [
                {
                  id: item.id,
                  url: practiceImageUrl(item),
                  width: item.width,
                  height: item.height,
                  box: item.box,
                  truth: a.truth,
                  answer: a.answer,
                },
              ]
            : [];
        })}
      />
      <div className="flex flex-wrap gap-2 print:hidden">
        <Button variant="primary" onClick={() => window.print()} data-testid="print-certificate">
          Print the certificate
        </Button>
        <Button onClick={close}>Back to the test</Button>
      </div>
    </div>
  );
}
