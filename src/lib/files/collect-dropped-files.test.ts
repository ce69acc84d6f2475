import { describe, expect, it } from 'vitest';
import { collectDroppedFiles } from './collect-dropped-files';

const file = (name: string) => new File(['x'], name);

/** A fake FileSystemEntry tree, shaped like Chromium's (readEntries pages through a folder). */
function fileEntry(name: string, fullPath = `/${name}`) {
  return { name, fullPath, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(file(name)) };
}
function dirEntry(name: string, children: object[], pageSize = 2) {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: object[]) => void) => {
          ok(children.slice(at, at + pageSize));
          at += pageSize;
        },
      };
    },
  };
}
function transfer(items: { entry: object | null; file: File | null }[]) {
  return {
    items: items.map((i) => ({ kind: 'file', webkitGetAsEntry: () => i.entry, getAsFile: () => i.file })),
    files: items.map((i) => i.file).filter(Boolean),
  } as unknown as DataTransfer;
}

describe('collectDroppedFiles', () => {
  it('walks nested folders page by page, in natural name order, skipping hidden files', async () => {
    const tree = dirEntry('smears', [
      fileEntry('img10.jpg', '/smears/img10.jpg'),
      fileEntry('img2.jpg', '/smears/img2.jpg'),
      fileEntry('.DS_Store', '/smears/.DS_Store'),
      dirEntry('day2', [fileEntry('a.png', '/smears/day2/a.png')]),
      fileEntry('img1.jpg', '/smears/img1.jpg'),
    ]);
    const files = await collectDroppedFiles(transfer([{ entry: tree, file: null }]));
    expect(files.map((f) => f.webkitRelativePath)).toEqual([
      'smears/day2/a.png',
      'smears/img1.jpg',
      'smears/img2.jpg',
      'smears/img10.jpg',
    ]);
  });

  it('keeps loose files, also when the browser gives no entries', async () => {
    const files = await collectDroppedFiles(
      transfer([
        { entry: fileEntry('a.jpg'), file: file('a.jpg') },
        { entry: null, file: file('b.jpg') },
      ]),
    );
    expect(files.map((f) => f.name)).toEqual(['a.jpg', 'b.jpg']);
  });
});
