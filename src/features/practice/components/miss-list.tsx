import { OutlinedImage } from '@/components/outlined-image';
import { CLASS_NAMES } from '@/core/class-names';
import type { CellClass } from '@/core/model-spec';
import type { Box } from '@/core/rgba-image';
import { ClassHints } from './class-hints';

/** A misread cell to look at again: the image with the cell outlined, the key's class and the answer given. */
export interface Miss {
  readonly id: string;
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly box: Box;
  readonly truth: CellClass;
  readonly answer: CellClass;
}

/** Every misread cell of a drill or test, each with what to look for in its true class. */
export function MissList({ misses, testId }: { misses: readonly Miss[]; testId: string }) {
  return (
    <section aria-labelledby={`${testId}-title`} className="flex flex-col gap-3 print:hidden">
      <h3 id={`${testId}-title`} className="font-semibold">
        {misses.length === 0 ? 'No misread cells' : `Cells to look at again (${misses.length})`}
      </h3>
      <ul className="flex flex-col gap-4" data-testid={testId}>
        {misses.map((m) => (
          <li
            key={m.id}
            className="grid gap-3 border-b border-slate-200 pb-3 sm:grid-cols-[12rem_minmax(0,1fr)] dark:border-slate-800"
            data-testid="miss"
          >
            <div className="w-48 max-w-full">
              <OutlinedImage
                src={m.url}
                width={m.width}
                height={m.height}
                box={m.box}
                alt={`The ${name(m.truth)} you named ${withArticle(name(m.answer))}`}
              />
            </div>
            <div className="flex flex-col gap-1">
              <p className="text-sm">
                Key: <strong>{CLASS_NAMES[m.truth].label}</strong> · you: {CLASS_NAMES[m.answer].label}
              </p>
              <ClassHints cls={m.truth} title="Look for" />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function name(cls: CellClass): string {
  return CLASS_NAMES[cls].label.toLowerCase();
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}
