import { Button } from '@/components/button';
import { dismissInterruptedFiles } from '@/features/results/utils/batch-runner';
import { useInterruptedFiles } from '@/lib/storage/unfinished-batch';
import { dismissSaveProblems, saveProblemText, useCaseSaveLog } from '@/app/stores/case-save-log-store';

const BOX = 'flex flex-col gap-2 rounded-lg border px-4 py-3 text-sm';
const WARN = `${BOX} border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100`;
const ERROR = `${BOX} border-red-400 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100`;

/**
 * Work the user may think is safe but is not: files a reload left unanalysed, and images that
 * could not be stored (a full quota). Shown on every page, so on the one the user is looking at.
 */
export function UnsavedWorkNotices() {
  const interrupted = useInterruptedFiles((s) => s.names);
  const problem = saveProblemText(useCaseSaveLog());
  return (
    <>
      {interrupted.length > 0 && (
        <div role="status" data-testid="interrupted-batch" className={WARN}>
          <p className="font-medium">
            {interrupted.length === 1
              ? '1 file was not analysed: the page was left before its turn.'
              : `${interrupted.length} files were not analysed: the page was left before their turn.`}
          </p>
          <ul className="list-inside list-disc break-all" data-testid="interrupted-files">
            {interrupted.map((name, i) => (
              <li key={`${i}:${name}`}>{name}</li>
            ))}
          </ul>
          <p>Add them again to analyse them.</p>
          <div>
            <Button onClick={dismissInterruptedFiles}>Dismiss</Button>
          </div>
        </div>
      )}
      {problem && (
        <div role="alert" data-testid="save-problem" className={ERROR}>
          <p className="font-medium">{problem.title}</p>
          <p>{problem.detail}</p>
          <div>
            <Button onClick={dismissSaveProblems}>Dismiss</Button>
          </div>
        </div>
      )}
    </>
  );
}
