import { CLASS_NAMES } from '@/core/class-names';
import type { CellClass } from '@/core/model-spec';
import { FileChoiceButton } from './file-choice-button';

/** One class's labelled images: a button to choose them and how many are chosen. */
export function ClassFilePicker({
  name,
  files,
  onChange,
}: {
  name: CellClass;
  files: readonly File[];
  onChange: (files: File[]) => void;
}) {
  const label = CLASS_NAMES[name].label;
  const countId = `adapt-count-${name}`;
  return (
    <div className="flex items-center justify-between gap-3 rounded-md border border-slate-300 p-3 dark:border-slate-700">
      <div className="flex flex-col">
        <span className="font-medium">{label}s</span>
        <span className="text-xs text-slate-600 dark:text-slate-400" id={countId} data-testid={countId}>
          {files.length} chosen
        </span>
      </div>
      <FileChoiceButton onFiles={onChange} testId={`adapt-files-${name}`} describedBy={countId}>
        {files.length > 0 ? `Choose other ${label.toLowerCase()} images` : `Choose ${label.toLowerCase()} images`}
      </FileChoiceButton>
    </div>
  );
}
