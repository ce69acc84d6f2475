import { useId, type ChangeEvent, type ReactNode } from 'react';
import { FOCUS_RING } from '@/components/button';

const LABEL = `inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 ${FOCUS_RING}`;

/**
 * A button that opens the file chooser (files, or a whole folder): the native input is there for
 * the keyboard and screen readers, but its "Choose Files / No file chosen" is not shown.
 */
export function FileChoiceButton({
  children,
  onFiles,
  folder = false,
  multiple = true,
  accept = 'image/*',
  testId,
  describedBy,
}: {
  children: ReactNode;
  onFiles: (files: File[]) => void;
  folder?: boolean;
  multiple?: boolean;
  accept?: string;
  testId: string;
  describedBy?: string;
}) {
  const id = useId();
  const take = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Cleared, so that choosing the same files again is heard again.
    e.target.value = '';
    onFiles(files);
  };
  return (
    <label htmlFor={id} className={LABEL}>
      {children}
      <input
        id={id}
        type="file"
        multiple={multiple || folder}
        accept={folder ? undefined : accept}
        {...(folder ? { webkitdirectory: '' } : {})}
        aria-describedby={describedBy}
        data-testid={testId}
        onChange={take}
        className="sr-only"
      />
    </label>
  );
}
