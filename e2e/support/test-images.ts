import { readFileSync } from 'node:fs';
import type { CellClass } from '../../src/core/model-spec';
import { fileFromDisk, type FilePayload } from './drop-files';

export const TEST_DIR = '../shared/data/blood-cells/TEST';
/**
 * The model's classes, in the order of its outputs and of the keys 1, 2, …, read from the one spec
 * file (Playwright's loader cannot import JSON modules, so the file is read, not imported).
 */
export const CLASSES: readonly CellClass[] = JSON.parse(readFileSync('src/core/model-spec.json', 'utf8')).classes;

/**
 * Three TEST images per class that the shipped model classifies right. How they were chosen
 * (and how many were passed over) is written next to the list in e2e/fixtures/test-images.json.
 */
export function knownGoodImages(): { cls: (typeof CLASSES)[number]; file: FilePayload }[] {
  const list = JSON.parse(readFileSync('e2e/fixtures/test-images.json', 'utf8')) as {
    images: Partial<Record<(typeof CLASSES)[number], string[]>>;
  };
  // blood-cells/TEST holds no basophils, so that class has no list.
  return CLASSES.flatMap((cls) =>
    (list.images[cls] ?? []).map((f) => ({ cls, file: fileFromDisk(`${TEST_DIR}/${cls}/${f}`, `${cls}-${f}`) })),
  );
}
