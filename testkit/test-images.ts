import { existsSync, readFileSync } from 'node:fs';
import type { CellClass } from '@/core/model-spec';
import { fileFromDisk, type FilePayload } from './drop-files';

export const TEST_DIR = '../shared/data/blood-cells/TEST';
const PBC_DIR = '../shared/data/pbc';

/**
 * Where the e2e tests take a class's images from: blood-cells TEST, or for a class TEST does not
 * hold (basophils) the PBC images of the test partition of training/splits/pbc.csv.
 */
export function classImageDir(cls: CellClass): string {
  return existsSync(`${TEST_DIR}/${cls}`) ? `${TEST_DIR}/${cls}` : `${PBC_DIR}/${cls}`;
}

/** The file names a class's e2e images may be chosen from (for PBC: its test partition only). */
export function classImageCandidates(cls: CellClass): string[] {
  const dir = classImageDir(cls);
  if (!dir.startsWith(PBC_DIR)) return [];
  return readFileSync('training/splits/pbc.csv', 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .filter(([file, label, partition]) => label === cls && partition === 'test' && file.startsWith(`${cls}/`))
    .map(([file]) => file.slice(cls.length + 1));
}
/**
 * The model's classes, in the order of its outputs and of the keys 1, 2, …, read from the one spec
 * file (read, not imported: this module loads under any of the test runners' loaders, with or
 * without import attributes).
 */
export const CLASSES: readonly CellClass[] = JSON.parse(readFileSync('src/core/model-spec.json', 'utf8')).classes;

/**
 * Three images per class (classImageDir) that the shipped model classifies right. How they were
 * chosen (and how many were passed over) is written next to the list in e2e/fixtures/test-images.json.
 */
export function knownGoodImages(): { cls: (typeof CLASSES)[number]; file: FilePayload }[] {
  const list = JSON.parse(readFileSync('e2e/fixtures/test-images.json', 'utf8')) as {
    images: Partial<Record<(typeof CLASSES)[number], string[]>>;
  };
  return CLASSES.flatMap((cls) =>
    (list.images[cls] ?? []).map((f) => ({ cls, file: fileFromDisk(`${classImageDir(cls)}/${f}`, `${cls}-${f}`) })),
  );
}
