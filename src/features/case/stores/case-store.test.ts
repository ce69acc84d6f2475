import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { CASE_DB_NAME, clearAllCaseData, listCases, loadCase, loadCurrentCaseId } from '@/lib/storage/case-storage';
import { HISTORY_LIMIT } from '@/lib/storage/case-edits';
import { cellKey, NOT_WBC } from '@/lib/storage/case-types';
import { caseCells } from '@/features/case/utils/case-cells';
import { fakeCell, fakeImage } from '@/features/case/utils/case-test-data';
import { emptyCase, useCaseStore } from './case-store';

const analysed = (name: string, cells = [fakeCell('NEUTROPHIL'), fakeCell('LYMPHOCYTE', 0.4)]) => {
  const { id: _id, caseId: _caseId, ...rest } = fakeImage('x', name, cells);
  return rest;
};
const store = () => useCaseStore.getState();

describe('case store', () => {
  it('keeps an empty case in memory only, stores it from its first edit or image, and restores it with its decisions', async () => {
    expect(await listCases()).toEqual([]);
    await store().rename('Slide 7');
    expect((await listCases()).map((m) => m.name)).toEqual(['Slide 7']);

    store().addImage(analysed('a.jpg'));
    store().addImage(analysed('b.jpg', []));
    const id = store().meta.id;
    await vi.waitFor(async () => expect((await loadCase(id))?.images).toHaveLength(2));
    const key = cellKey(store().images[0].id, 1);
    const deciding = store().decide(key, NOT_WBC);
    // Shown only once stored: a reload at any moment shows what the page showed.
    expect(store().meta.decisions).toEqual({});
    await deciding;
    expect(store().meta.decisions).toEqual({ [key]: NOT_WBC });
    expect((await loadCase(id))?.meta.decisions).toEqual({ [key]: NOT_WBC });
    expect(await loadCurrentCaseId()).toBe(id);
    const stored = await loadCase(id);
    expect(stored?.meta).toMatchObject({ name: 'Slide 7', cellCount: 2, imageIds: stored?.images.map((i) => i.id) });
    expect(stored?.meta.bytes).toBe(2 * 100 + 2 * 10); // two thumbnails, two cell pictures

    // A page load: the in-memory case is gone, restore() brings the stored one back.
    useCaseStore.setState({ meta: { ...store().meta, id: 'fresh', imageIds: [], decisions: {} }, images: [] });
    await store().restore();
    expect(store().meta.id).toBe(id);
    expect(store().images.map((i) => i.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(store().meta.decisions[key]).toBe(NOT_WBC);
    expect(store().history.map((m) => m.id)).toEqual([id]);
  });

  it('starts a new case beside the stored one, deletes one case, and is emptied by clearAllCaseData', async () => {
    const first = store().meta.id;
    store().newCase();
    expect(store().images).toEqual([]);
    store().addImage(analysed('c.jpg'));
    const second = store().meta.id;
    await vi.waitFor(async () => expect((await listCases()).map((m) => m.id).sort()).toEqual([first, second].sort()));

    await vi.waitFor(() => expect(store().history).toHaveLength(2));
    // Two new cases on one day are told apart by their names.
    const today = emptyCase().name;
    expect(store().meta.name).toBe(today);
    store().newCase();
    expect(store().meta.name).toBe(`${today} (2)`);
    expect(emptyCase(Date.now(), [today, `${today} (2)`]).name).toBe(`${today} (3)`);
    await store().openCase(second);
    await store().deleteCase(first);
    expect((await listCases()).map((m) => m.id)).toEqual([second]);
    expect(store().meta.id).toBe(second);

    expect(await clearAllCaseData()).toEqual({ cases: 1, images: 1 });
    expect(store().images).toEqual([]);
    expect(store().history).toEqual([]);
    expect(store().meta.id).not.toBe(second);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(CASE_DB_NAME);
  });

  it('undoes and redoes every change of cells, in storage too: several reclassified at once, a cell added by hand, a box removed', async () => {
    store().newCase();
    store().addImage(analysed('d.jpg', [fakeCell('NEUTROPHIL'), fakeCell('LYMPHOCYTE'), fakeCell('MONOCYTE')]));
    const id = store().meta.id;
    await vi.waitFor(async () => expect((await loadCase(id))?.images).toHaveLength(1));
    const image = store().images[0];
    const cellsNow = () => caseCells(store().images, store().meta.decisions, store().meta);
    const finals = () => cellsNow().map((c) => `${c.index}:${c.final}${c.byHand ? ':hand' : ''}`);
    const storedFinals = async () => {
      const stored = await loadCase(id);
      return stored
        ? caseCells(stored.images, stored.meta.decisions, stored.meta).map(
            (c) => `${c.index}:${c.final}${c.byHand ? ':hand' : ''}`,
          )
        : [];
    };

    await store().decideMany([cellKey(image.id, 0), cellKey(image.id, 2)], 'EOSINOPHIL');
    expect(finals()).toEqual(['0:EOSINOPHIL', '1:LYMPHOCYTE', '2:EOSINOPHIL']);
    expect(store().past.at(-1)?.label).toBe('Eosinophil for 2 cells');

    const key = store().addHandCell({
      imageId: image.id,
      cell: fakeCell('BASOPHIL', 0.8, { x: 200, y: 100, width: 50, height: 50 }),
      picture: new Blob([new Uint8Array(10)]),
    });
    expect(key).toBe(cellKey(image.id, 3));
    // Made before the hand cell's write committed, each step starts from the one before it.
    await store().removeCells([cellKey(image.id, 1)]);
    const done = ['0:EOSINOPHIL', '2:EOSINOPHIL', '3:BASOPHIL:hand'];
    expect(finals()).toEqual(done);
    expect(await storedFinals()).toEqual(done);

    await store().undo(); // the removal
    expect(finals()).toEqual(['0:EOSINOPHIL', '1:LYMPHOCYTE', '2:EOSINOPHIL', '3:BASOPHIL:hand']);
    void store().undo(); // the hand cell
    await store().undo(); // the two reclassified cells
    const original = ['0:NEUTROPHIL', '1:LYMPHOCYTE', '2:MONOCYTE'];
    expect(finals()).toEqual(original);
    expect(store().meta.decisions).toEqual({});
    expect(await storedFinals()).toEqual(original);
    await store().undo(); // nothing left: no change
    expect(finals()).toEqual(original);

    void store().redo();
    void store().redo();
    await store().redo();
    expect(finals()).toEqual(done);
    expect(await storedFinals()).toEqual(done);
    expect(store().future).toEqual([]);

    // Each removed box is on record: which cell, what it was, and each undo and redo of it.
    const removals = (await loadCase(id))?.meta.removals ?? [];
    expect(removals.map((r) => `${r.key}:${r.removed}:${r.was}`)).toEqual([
      `${cellKey(image.id, 1)}:true:LYMPHOCYTE`,
      `${cellKey(image.id, 1)}:false:LYMPHOCYTE`,
      `${key}:true:BASOPHIL`, // undoing the hand cell takes it out
      `${key}:false:BASOPHIL`,
      `${cellKey(image.id, 1)}:true:LYMPHOCYTE`,
    ]);
    expect(removals.every((r) => r.at > 0)).toBe(true);

    // Giving a cell the class it has is no step; a new change after an undo cannot be redone past.
    await store().undo();
    await store().decide(cellKey(image.id, 0), 'EOSINOPHIL');
    expect(store().future).toHaveLength(1);
    await store().decide(cellKey(image.id, 0), 'MONOCYTE');
    expect(store().future).toEqual([]);
    const labels = ['Eosinophil for 2 cells', 'Added a cell by hand', 'Monocyte for 1 cell'];
    expect(store().past.map((s) => s.label)).toEqual(labels);

    // The history is the stored case's: after a page load, undo and redo go on where they were.
    await store().undo();
    useCaseStore.setState({ meta: emptyCase(), images: [], past: [], future: [] });
    await store().restore();
    expect(store().past.map((s) => s.label)).toEqual(labels.slice(0, 2));
    expect(store().future.map((s) => s.label)).toEqual(['Monocyte for 1 cell']);
    await store().redo();
    expect(finals()[0]).toBe('0:MONOCYTE');
    expect(await storedFinals()).toEqual(finals());

    store().newCase();
    expect(store().past).toEqual([]);
  });

  it('keeps at most HISTORY_LIMIT steps to undo', async () => {
    store().newCase();
    await store().addImage(analysed('e.jpg', [fakeCell('NEUTROPHIL')]));
    const key = cellKey(store().images[0].id, 0);
    for (let i = 0; i <= HISTORY_LIMIT; i++) void store().decide(key, i % 2 ? 'NEUTROPHIL' : 'MONOCYTE');
    await store().decide(key, 'BASOPHIL');
    expect(store().past).toHaveLength(HISTORY_LIMIT);
    const stored = await loadCase(store().meta.id);
    expect(stored?.meta.past).toHaveLength(HISTORY_LIMIT);
    expect(stored?.meta.decisions[key]).toBe('BASOPHIL');
    expect(stored?.meta.past?.at(-1)?.label).toBe('Basophil for 1 cell');
  });

  it('asks before the page is left while a decision is being written, and not once it is stored', async () => {
    /** Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets pages set it. */
    class BeforeUnload extends Event {
      returnValue = true;
    }
    const leaveIsGuarded = () => {
      const event = new BeforeUnload('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    vi.stubGlobal('window', new EventTarget());
    try {
      store().newCase();
      await store().addImage(analysed('f.jpg', [fakeCell('NEUTROPHIL')]));
      const deciding = store().decide(cellKey(store().images[0].id, 0), 'BASOPHIL');
      expect(leaveIsGuarded()).toBe(true);
      await deciding;
      expect(leaveIsGuarded()).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
