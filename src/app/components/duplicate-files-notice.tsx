import { Button } from '@/components/button';
import { MAIN_ID } from '@/app/components/skip-link';
import { useDuplicateFiles } from '@/app/stores/duplicate-files-store';
import { addDuplicatesAnyway, dismissDuplicates } from '@/app/utils/add-new-files';

/** The notice and its focused button go: focus moves first to the page's main content, not the body. */
function thenFocusMain(act: () => void): () => void {
  return () => {
    document.getElementById(MAIN_ID)?.focus();
    act();
  };
}

/** One line where the files were dropped: these bytes are in the case already, so they were not added again. */
export function DuplicateFilesNotice() {
  const files = useDuplicateFiles((s) => s.files);
  if (files.length === 0) return null;
  const [first] = files;
  const what =
    files.length === 1
      ? `${first.name} is already in this case${first.sameAs !== first.name ? ` (as ${first.sameAs})` : ''}`
      : `${files.length} images are already in this case (${files.map((f) => f.name).join(', ')})`;
  return (
    <div
      role="status"
      data-testid="duplicate-files"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="min-w-0 flex-1 break-words">{what}: not added again.</span>
      <Button onClick={thenFocusMain(addDuplicatesAnyway)}>
        {files.length === 1 ? 'Add it anyway' : 'Add them anyway'}
      </Button>
      <Button variant="ghost" onClick={thenFocusMain(dismissDuplicates)}>
        Dismiss
      </Button>
    </div>
  );
}
