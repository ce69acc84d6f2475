import type { CellClass } from '@/core/model-spec';

/** Where a sample comes from, as its credit reads (public/samples/SOURCES.md has the full one). */
export interface SampleSource {
  readonly name: string;
  readonly credit: string;
  readonly licence: string;
  readonly url: string;
}

export const SAMPLE_SOURCES = {
  bccd: {
    name: 'BCCD',
    credit: 'BCCD Dataset, Shenggan (2017)',
    licence: 'MIT',
    url: 'https://github.com/Shenggan/BCCD_Dataset',
  },
  pbc: {
    name: 'PBC',
    credit: 'Acevedo et al., Data in Brief 30 (2020) 105474, Hospital Clinic of Barcelona',
    licence: 'CC BY 4.0',
    url: 'https://doi.org/10.1016/j.dib.2020.105474',
  },
} as const satisfies Record<string, SampleSource>;

export interface SampleImage {
  /** The name its result card shows. */
  readonly file: string;
  /**
   * Where it is under public/: a file the app ships anyway, a practice-set cell or a piece of a
   * count-drill field, so the samples add no image of their own.
   */
  readonly path: string;
  readonly kind: 'field' | 'cell';
  /** The white cells in it, as the dataset labels them. */
  readonly cells: readonly CellClass[];
  readonly source: keyof typeof SAMPLE_SOURCES;
}

/** The sample images (public/samples/SOURCES.md): two smear fields and one single cell per class. */
export const SAMPLE_IMAGES: readonly SampleImage[] = [
  {
    file: 'bccd-field-00016.jpg',
    path: 'drill-fields/bccd-00016.jpg',
    kind: 'field',
    cells: ['NEUTROPHIL'],
    source: 'bccd',
  },
  {
    file: 'bccd-field-00021.jpg',
    path: 'drill-fields/bccd-00021.jpg',
    kind: 'field',
    cells: ['LYMPHOCYTE'],
    source: 'bccd',
  },
  { file: 'pbc-basophil.jpg', path: 'practice/basophil-01.jpg', kind: 'cell', cells: ['BASOPHIL'], source: 'pbc' },
  {
    file: 'pbc-eosinophil.jpg',
    path: 'practice/eosinophil-01.jpg',
    kind: 'cell',
    cells: ['EOSINOPHIL'],
    source: 'pbc',
  },
  {
    file: 'pbc-lymphocyte.jpg',
    path: 'practice/lymphocyte-01.jpg',
    kind: 'cell',
    cells: ['LYMPHOCYTE'],
    source: 'pbc',
  },
  { file: 'pbc-monocyte.jpg', path: 'practice/monocyte-01.jpg', kind: 'cell', cells: ['MONOCYTE'], source: 'pbc' },
  {
    file: 'pbc-neutrophil.jpg',
    path: 'practice/neutrophil-27.jpg',
    kind: 'cell',
    cells: ['NEUTROPHIL'],
    source: 'pbc',
  },
  { file: 'pbc-immature-granulocyte.jpg', path: 'practice/ig-04.jpg', kind: 'cell', cells: ['IG'], source: 'pbc' },
  {
    file: 'pbc-erythroblast.jpg',
    path: 'practice/erythroblast-02.jpg',
    kind: 'cell',
    cells: ['ERYTHROBLAST'],
    source: 'pbc',
  },
];

/**
 * The samples as Files, fetched from the app's own origin (and its offline cache), so they go
 * through the same intake as a user's own images.
 */
export async function fetchSampleFiles(base: string, samples = SAMPLE_IMAGES): Promise<File[]> {
  return Promise.all(
    samples.map(async (s) => {
      const response = await fetch(`${base}${s.path}`);
      if (!response.ok) throw new Error(`${s.file}: HTTP ${response.status}`);
      return new File([await response.blob()], s.file, { type: 'image/jpeg' });
    }),
  );
}
