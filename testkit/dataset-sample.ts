import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BLOOD_CELLS_TEST = '../shared/data/blood-cells/TEST';
const PBC = '../shared/data/pbc';
/** Normal blood's five: a set that holds them and none of the model's other two. */
const NORMAL_CLASSES = ['BASOPHIL', 'EOSINOPHIL', 'LYMPHOCYTE', 'MONOCYTE', 'NEUTROPHIL'];

/**
 * A small set of class folders for a test, copied at test time from ../shared/data into a fresh
 * temporary folder: the datasets stay out of the repository, and a test may still hand a script a
 * folder of class folders as a user would.
 */
function classFolders(name: string, files: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), `hv-${name}-`));
  for (const [cls, paths] of Object.entries(files)) {
    mkdirSync(join(root, cls), { recursive: true });
    for (const path of paths) copyFileSync(path, join(root, cls, path.split('/').pop()!));
  }
  return root;
}

let bloodCells: string | undefined;

/** The first two images, by file name, of each class folder of blood-cells TEST (eight distinct cells). */
export function bloodCellsTestSample(): string {
  bloodCells ??= classFolders(
    'blood-cells-test',
    Object.fromEntries(
      readdirSync(BLOOD_CELLS_TEST).map((cls) => [
        cls,
        readdirSync(join(BLOOD_CELLS_TEST, cls))
          .sort()
          .slice(0, 2)
          .map((f) => join(BLOOD_CELLS_TEST, cls, f)),
      ]),
    ),
  );
  return bloodCells;
}

let pbc: string | undefined;

/** One PBC image of each of the five normal classes: the first file of each in the train partition of training/splits/pbc.csv. */
export function pbcTrainSample(): string {
  pbc ??= classFolders(
    'pbc-train',
    Object.fromEntries(NORMAL_CLASSES.map((cls) => [cls, [join(PBC, firstTrainFile(cls))]])),
  );
  return pbc;
}

function firstTrainFile(cls: string): string {
  return readFileSync('training/splits/pbc.csv', 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','))
    .filter(([file, label, partition]) => label === cls && partition === 'train' && file.startsWith(`${cls}/`))
    .map(([file]) => file)
    .sort()[0];
}
