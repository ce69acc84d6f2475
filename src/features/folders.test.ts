import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** What each subfolder of a feature may hold (docs/architecture.md); a unit test sits beside its file. */
const FEATURE_FOLDERS: Record<string, RegExp> = {
  components: /^[\w-]+\.(tsx|css)$/,
  hooks: /^use-[\w-]+\.ts$/,
  stores: /^[\w-]+-store\.ts$/,
  utils: /^[\w-]+\.ts$/,
};

/** A unit test names the file it tests: `x.test.ts`, or `x.aspect.test.ts` for one aspect of it. */
const testedFile = (name: string) => name.replace(/(\.[\w-]+)?\.test\.ts$/, '.ts');

describe('folders named for what they hold', () => {
  it('keeps every file of a feature in components/, hooks/, stores/ or utils/, as each allows', () => {
    const misplaced = filesUnder(join(SRC, 'features')).filter((path) => {
      const parts = path.split('/');
      if (parts.length === 1) return path !== 'folders.test.ts';
      const [, folder, name, ...deeper] = parts;
      const allowed = FEATURE_FOLDERS[folder];
      return !allowed || deeper.length > 0 || !allowed.test(testedFile(name));
    });
    expect(misplaced).toEqual([]);
  });

  it('keeps src/app in the same subfolders, with only the root component and its stylesheet loose', () => {
    const misplaced = filesUnder(join(SRC, 'app')).filter((path) => {
      const [folder, name, ...deeper] = path.split('/');
      if (name === undefined) return !['app.tsx', 'index.css'].includes(folder);
      const allowed = FEATURE_FOLDERS[folder];
      return !allowed || deeper.length > 0 || !allowed.test(testedFile(name));
    });
    expect(misplaced).toEqual([]);
  });

  it('keeps src/lib in one folder per concern, with no loose files', () => {
    expect(readdirSync(join(SRC, 'lib'), { withFileTypes: true }).filter((e) => !e.isDirectory())).toEqual([]);
  });
});
