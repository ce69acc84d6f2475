import { useId, type ChangeEvent } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { dismissInterruptedFiles, pickInterruptedFilesAgain } from '@/features/results/utils/batch-runner';
import { READABLE_EXTENSIONS } from '@/lib/image-format/readable-formats';
import { useInterruptedFiles } from '@/lib/storage/unfinished-batch';
import { dismissSaveProblems, saveProblemText, useCaseSaveLog } from '@/app/stores/case-save-log-store';

const BOX = 'flex flex-col gap-2 rounded-lg border px-4 py-3 text-sm';
const WARN = `${BOX} border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100`;
const PICK = `inline-flex cursor-pointer items-center rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 dark:bg-amber-400 dark:text-slate-950 ${FOCUS_RING}`;
const ERROR = `${BOX} border-red-400 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100`;

/**
 * Work the user may think is safe but is not: files an earlier page (a reload, a closed tab) left
 * unanalysed, and images that could not be stored (a full quota). Shown on every page, so on the
 * one the user is looking at.
 */
export function UnsavedWorkNotices() {
  const interrupted = useInterruptedFiles((s) => s.files);
  const unknownPicked = useInterruptedFiles((s) => s.unknownPicked);
  const pickId = useId();
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length > 0) void pickInterruptedFilesAgain(files);
  };
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
            {interrupted.map((f) => (
              <li key={f.key} data-name={f.name}>
                {f.name}
                {f.wasAnalysing && (
                  <span className="text-amber-800 dark:text-amber-300"> (its analysis had begun)</span>
                )}
              </li>
            ))}
          </ul>
          <p>Choose them again and those of the list are analysed; the others stay listed.</p>
          {unknownPicked > 0 && (
            <p data-testid="interrupted-unknown">
              {unknownPicked === 1
                ? '1 chosen file is not in the list (by name and size) and was not added.'
                : `${unknownPicked} chosen files are not in the list (by name and size) and were not added.`}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <label htmlFor={pickId} className={PICK}>
              Choose these files again…
              <input
                id={pickId}
                data-testid="interrupted-pick"
                type="file"
                accept={['image/*', ...READABLE_EXTENSIONS].join(',')}
                multiple
                onChange={pick}
                className="sr-only"
              />
            </label>
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
