import { useId, type ChangeEvent } from 'react';
import { FOCUS_RING } from '@/components/button';
import { READABLE_EXTENSIONS } from '@/lib/image-format/readable-formats';

const LABEL = `inline-flex cursor-pointer items-center rounded-md px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 ${FOCUS_RING}`;

/** The file picker (many files) and, on devices with one, the camera. */
export function FileButtons({ onFiles }: { onFiles: (files: File[]) => void }) {
  const pickId = useId();
  const cameraId = useId();
  const take = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  return (
    <div className="flex flex-wrap justify-center gap-2">
      <label
        htmlFor={pickId}
        className={`${LABEL} bg-blue-700 text-white hover:bg-blue-800 dark:bg-blue-500 dark:text-slate-950`}
      >
        Choose images…
        <input
          id={pickId}
          data-testid="file-input"
          type="file"
          accept={['image/*', ...READABLE_EXTENSIONS].join(',')}
          multiple
          onChange={take}
          className="sr-only"
        />
      </label>
      <label
        htmlFor={cameraId}
        className={`${LABEL} border border-slate-300 bg-white hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800`}
      >
        Take a photo
        <input id={cameraId} type="file" accept="image/*" capture="environment" onChange={take} className="sr-only" />
      </label>
    </div>
  );
}
