import type { CellClass } from '@/core/model-spec';
import type { Box } from '@/core/rgba-image';

/** One image of the bundled practice set (public/practice/manifest.json). */
export interface PracticeItem {
  readonly id: string;
  readonly file: string;
  readonly label: CellClass;
  /** The white cell, in the image's pixels. */
  readonly box: Box;
  readonly width: number;
  readonly height: number;
  readonly source: string;
}

const BASE = `${import.meta.env.BASE_URL}practice/`;

export function practiceImageUrl(item: PracticeItem): string {
  return `${BASE}${item.file}`;
}

/**
 * A neutrophil's form, from its PBC file name (BNE_ band, SNE_ segmented): the atlas shows both,
 * as a differential counts both. Undefined for other classes.
 */
export function neutrophilForm(item: PracticeItem): 'band' | 'segmented' | undefined {
  const file = item.source.split('/').pop() ?? '';
  return file.startsWith('BNE_') ? 'band' : file.startsWith('SNE_') ? 'segmented' : undefined;
}

let cached: Promise<PracticeItem[]> | undefined;

/** The practice set's manifest, fetched once from the app's own origin (precached for offline use). */
export function loadPracticeSet(): Promise<PracticeItem[]> {
  cached ??= fetch(`${BASE}manifest.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`The practice set could not be loaded (HTTP ${r.status}).`);
      return r.json() as Promise<{ items: PracticeItem[] }>;
    })
    .then((m) => m.items)
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}
