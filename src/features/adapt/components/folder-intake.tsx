import { useId, useState, type DragEvent } from 'react';
import { CLASS_NAMES } from '@/core/class-names';
import { classFromPath } from '@/lib/files/class-from-path';
import { collectDroppedFiles } from '@/lib/files/collect-dropped-files';
import { CELL_CLASSES } from '@/core/model-spec';
import { FileChoiceButton } from './file-choice-button';

/** Files sorted by the class folder they sit in; the rest are counted, not used. */
export interface SortedFolder {
  readonly perClass: File[][];
  readonly leftOut: number;
}

function sortByClassFolder(files: readonly File[]): SortedFolder {
  const perClass: File[][] = CELL_CLASSES.map(() => []);
  let leftOut = 0;
  for (const file of files) {
    const cls = classFromPath(file.webkitRelativePath || file.name);
    if (cls) perClass[CELL_CLASSES.indexOf(cls)].push(file);
    else leftOut++;
  }
  return { perClass, leftOut };
}

/** A lab's labelled folder — one sub-folder per class — dropped or chosen at once. */
export function FolderIntake({ onFolder }: { onFolder: (sorted: SortedFolder) => void }) {
  const hintId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void collectDroppedFiles(e.dataTransfer).then((files) => onFolder(sortByClassFolder(files)));
  };
  return (
    <section
      aria-label="Labelled folder"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-col gap-2 rounded-md border-2 border-dashed p-4 text-sm ${over ? 'border-blue-600 bg-blue-50 dark:bg-blue-950' : 'border-slate-300 dark:border-slate-700'}`}
    >
      <p id={hintId}>
        Drop your lab&apos;s folder here, with one sub-folder per cell type —{' '}
        {CELL_CLASSES.map((c, i) => (
          <span key={c}>
            {i > 0 && (i === CELL_CLASSES.length - 1 ? ' and ' : ', ')}
            <code>{CLASS_NAMES[c].label.toLowerCase()}</code>
          </span>
        ))}{' '}
        (singular or plural, any capitals; a short name such as <code>IG</code> or <code>NRBC</code>, an immature
        granulocyte&apos;s stage, <code>promyelocyte</code>, <code>myelocyte</code> or <code>metamyelocyte</code>, and{' '}
        <code>erythroblast</code> are read too; a type you have no images of can be left out) — or choose the images of
        each type below.
      </p>
      <div>
        <FileChoiceButton
          folder
          describedBy={hintId}
          testId="adapt-folder"
          onFiles={(files) => onFolder(sortByClassFolder(files))}
        >
          Choose a folder…
        </FileChoiceButton>
      </div>
    </section>
  );
}
