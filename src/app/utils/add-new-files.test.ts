import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fileSha256 } from '@/lib/files/file-sha256';
import { fakeCell, fakeImage } from '@/features/case/utils/case-test-data';
import { useCaseStore } from '@/features/case/stores/case-store';
import { useDuplicateFiles } from '@/app/stores/duplicate-files-store';
import { addDuplicatesAnyway, addNewFiles, takeQueuedHash } from './add-new-files';

const queued: string[] = [];
let nextId = 1;
vi.mock('@/features/results/utils/batch-runner', () => ({
  addFiles: (files: File[]) => files.map((f) => (queued.push(f.name), nextId++)),
}));

const file = (name: string, ...bytes: number[]) => new File([new Uint8Array(bytes)], name, { type: 'image/png' });

beforeEach(() => {
  queued.length = 0;
  useDuplicateFiles.setState({ files: [] });
});

describe('adding files to the open case', () => {
  it('leaves out bytes the case holds or the batch brings already, names them, and adds them when asked', async () => {
    const inCase = file('field.png', 1, 2, 3);
    const image = { ...fakeImage('i1', 'field.png', [fakeCell('NEUTROPHIL')]), sha256: await fileSha256(inCase) };
    useCaseStore.setState({ images: [image], meta: { ...useCaseStore.getState().meta, imageIds: ['i1'] } });

    await addNewFiles([file('copy of field.png', 1, 2, 3), file('new.png', 4), file('new again.png', 4)]);
    expect(queued).toEqual(['new.png']);
    expect(useDuplicateFiles.getState().files.map((d) => `${d.name} = ${d.sameAs}`)).toEqual([
      'copy of field.png = field.png',
      'new again.png = new.png',
    ]);
    // Dropped again while the first is still on its way: still one.
    await addNewFiles([file('new.png', 4)]);
    expect(queued).toEqual(['new.png']);

    // The hash goes with the queued file into the case.
    expect(takeQueuedHash(nextId - 1)).toBe(await fileSha256(file('x', 4)));

    addDuplicatesAnyway();
    expect(queued).toEqual(['new.png', 'new.png']);
    expect(useDuplicateFiles.getState().files).toEqual([]);
  });
});
