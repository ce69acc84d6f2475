import { useRef, useState, type DragEvent } from 'react';
import { FOCUS_RING } from '@/components/button';
import { collectDroppedFiles } from '@/lib/files/collect-dropped-files';
import { usePasteFiles } from '../hooks/use-paste-files';
import { FileButtons } from './file-buttons';
import { SampleImagesButton } from './sample-images-button';

/** Where images come in: drag and drop (files or folders), picker, camera, paste, or the sample images. */
export function DropZone({ onFiles, compact }: { onFiles: (files: File[]) => void; compact: boolean }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  usePasteFiles(onFiles);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setOver(false);
    void collectDroppedFiles(e.dataTransfer).then((files) => files.length > 0 && onFiles(files));
  };

  return (
    <section
      aria-label="Add images"
      data-testid="drop-zone"
      onDragEnter={(e) => {
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={onDrop}
      className={`flex items-center justify-center gap-3 rounded-xl border-2 border-dashed text-center motion-safe:transition-colors ${
        // Compact (once there are images): one row, so that the results or the case start high on the page.
        compact ? 'flex-row flex-wrap px-4 py-2' : 'flex-col p-10'
      } ${
        over
          ? 'border-blue-600 bg-blue-50 dark:border-blue-400 dark:bg-blue-950/40'
          : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'
      } ${FOCUS_RING}`}
    >
      <p className={compact ? 'text-sm' : 'text-lg font-medium'}>Drop microscope images or a folder here</p>
      {!compact && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          JPEG, PNG, BMP or WebP, any size — or paste an image with Ctrl+V.
        </p>
      )}
      <FileButtons onFiles={onFiles} />
      <SampleImagesButton onFiles={onFiles} />
    </section>
  );
}
