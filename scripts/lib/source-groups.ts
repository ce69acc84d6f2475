import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/**
 * Sets whose images are augmented copies of fewer cells, and the file that names each image's
 * source cell (file,group; `CLASS/name` as the folder holds it). An interval over such a set must
 * resample source cells, not images. blood-cells TEST's 2,487 images are copies of about 71 cells:
 * `/usr/bin/python3 -m training.match_test_sources` rebuilds its grouping (docs/model.md).
 */
export const SOURCE_GROUP_FILES: Readonly<Record<string, string>> = {
  'blood-cells/TEST': 'training/splits/blood-cells-test-groups.csv',
};

/** Each file's source cell, and where that came from. */
export interface SourceGroups {
  readonly file: string;
  readonly byFile: ReadonlyMap<string, string>;
}

/** Reads a file,group CSV (a header line first). */
export function readSourceGroups(csvPath: string): SourceGroups {
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
  const byFile = new Map<string, string>();
  for (const line of rows) {
    const [file, group] = line.split(',');
    if (!file || !group) throw new Error(`${csvPath}: a row without file and group: ${line}`);
    byFile.set(file, group);
  }
  return { file: csvPath, byFile };
}

/** The grouping of a folder that SOURCE_GROUP_FILES names (by its last folders), when it has one. */
export function sourceGroupsFor(dir: string): SourceGroups | undefined {
  const path = resolve(dir).split(sep).join('/');
  const entry = Object.entries(SOURCE_GROUP_FILES).find(([suffix]) => path.endsWith(`/${suffix}`));
  if (!entry) return undefined;
  if (!existsSync(entry[1])) throw new Error(`${dir} is grouped by source cell in ${entry[1]}, which is missing`);
  return readSourceGroups(entry[1]);
}

/**
 * The group of each file, in order. A file the grouping does not name is a group of its own (an
 * image the matching found no cell in), so it still counts, as one independent reading.
 */
export function groupsOfFiles(files: readonly string[], groups: SourceGroups): { of: string[]; ungrouped: number } {
  let ungrouped = 0;
  const of = files.map((f) => {
    const g = groups.byFile.get(f);
    if (g === undefined) ungrouped++;
    return g ?? `file:${f}`;
  });
  return { of, ungrouped };
}

/** How a report's interval resamples: by source cell where the folder has a grouping. */
export interface FolderGrouping {
  readonly file: string;
  /** Each image's group, in the report's order. */
  readonly of: readonly string[];
  readonly ungrouped: number;
}

/** The source-cell grouping of these files of `dir` (`CLASS/name`), or undefined where it has none. */
export function folderGrouping(dir: string, files: readonly string[]): FolderGrouping | undefined {
  const groups = sourceGroupsFor(dir);
  return groups && { file: groups.file, ...groupsOfFiles(files, groups) };
}
