import { useId } from 'react';
import { FOCUS_RING } from '@/components/button';

/** One class's labelled images: a multi-file input and how many are chosen. */
export function ClassFilePicker({
  name,
  files,
  onChange,
}: {
  name: string;
  files: readonly File[];
  onChange: (files: File[]) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1 rounded-md border border-slate-300 p-3 dark:border-slate-700">
      <label htmlFor={id} className="font-medium">
        {name.charAt(0) + name.slice(1).toLowerCase()} images
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept="image/*"
        data-testid={`adapt-files-${name}`}
        className={`text-sm ${FOCUS_RING}`}
        onChange={(e) => onChange(Array.from(e.target.files ?? []))}
      />
      <span className="text-xs text-slate-600 dark:text-slate-400" data-testid={`adapt-count-${name}`}>
        {files.length} chosen
      </span>
    </div>
  );
}
