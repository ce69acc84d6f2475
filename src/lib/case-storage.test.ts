import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  CASE_DB_NAME,
  clearAllCaseData,
  deleteStoredCase,
  listCases,
  loadCase,
  loadCurrentCaseId,
  onCaseDataCleared,
  saveCaseImage,
  saveCaseMeta,
  saveCurrentCaseId,
} from './case-storage';
import type { CaseImage, CaseMeta } from './case-types';

const meta = (id: string, updatedAt: number, imageIds: string[]): CaseMeta => ({
  id,
  name: `Case ${id}`,
  createdAt: 0,
  updatedAt,
  target: 100,
  imageIds,
  decisions: { [`${imageIds[0]}#0`]: 'EOSINOPHIL' },
  cellCount: imageIds.length,
  bytes: 0,
});
const image = (id: string, caseId: string): CaseImage => ({
  id,
  caseId,
  name: `${id}.jpg`,
  width: 640,
  height: 480,
  analysedAt: 1,
  modelVersion: 'v',
  cells: [],
  thumbnail: new Blob(['x']),
  cellImages: [],
});

describe('case storage', () => {
  it('stores cases and images, lists newest first, deletes one, and wipes all', async () => {
    await saveCaseMeta(meta('old', 1, ['i1']));
    await saveCaseImage(image('i1', 'old'));
    await saveCaseMeta(meta('new', 2, ['i2', 'i3']));
    await saveCaseImage(image('i2', 'new'));
    await saveCaseImage(image('i3', 'new'));
    await saveCurrentCaseId('new');

    expect((await listCases()).map((m) => m.id)).toEqual(['new', 'old']);
    const loaded = await loadCase('new');
    expect(loaded?.images.map((i) => i.id)).toEqual(['i2', 'i3']);
    expect(loaded?.meta.decisions).toEqual({ 'i2#0': 'EOSINOPHIL' });
    expect(await loadCurrentCaseId()).toBe('new');

    await deleteStoredCase(meta('new', 2, ['i2', 'i3']));
    expect((await listCases()).map((m) => m.id)).toEqual(['old']);
    expect(await loadCase('new')).toBeUndefined();
    expect(await loadCurrentCaseId()).toBeUndefined();

    let resets = 0;
    onCaseDataCleared(() => resets++);
    expect(await clearAllCaseData()).toEqual({ cases: 1, images: 1 });
    expect(resets).toBe(1);
    const dbs = await indexedDB.databases();
    expect(dbs.map((d) => d.name)).not.toContain(CASE_DB_NAME);
    // The store opens again on next use.
    expect(await listCases()).toEqual([]);
  });
});
