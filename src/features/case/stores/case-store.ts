import { create } from 'zustand';
import {
  addCaseImage,
  CaseDeletedError,
  changeStoredCase,
  deleteStoredCase,
  listCases,
  loadCase,
  loadCurrentCaseId,
  onCaseDataCleared,
  onCaseStorageChange,
  saveCurrentCaseId,
} from '@/lib/storage/case-storage';
import {
  cellKey,
  handCellIndex,
  imageBytes,
  type CaseImage,
  type CaseMeta,
  type FinalClass,
  type HandCell,
  type Target,
} from '@/lib/storage/case-types';
import { forgetBlobUrls } from '@/features/case/utils/blob-url';
import { applyStep, decisionStep, removalStep, type CaseStep } from '@/features/case/utils/case-steps';

/** What a finished analysis brings to the case. */
export type NewCaseImage = Omit<CaseImage, 'id' | 'caseId'>;

interface CaseState {
  /** False until the stored current case has been read back (or found absent). */
  restored: boolean;
  meta: CaseMeta;
  images: CaseImage[];
  /** Stored cases for the history list, newest first; includes the current one once stored. */
  history: CaseMeta[];
  /** A storage failure to show (quota exceeded, private mode). */
  error?: string;
  restore: () => Promise<void>;
  /** Adds the image to the open case; rejects, after showing why, when it could not be stored. */
  addImage: (image: NewCaseImage) => Promise<void>;
  /** Changes of this case's cells since it was opened, newest last: what undo takes back. */
  past: CaseStep[];
  /** Steps undone, the next to redo last. */
  future: CaseStep[];
  decide: (key: string, final: FinalClass) => void;
  /** Gives several cells one class in one step (one undo takes it back). */
  decideMany: (keys: readonly string[], final: FinalClass) => void;
  undecide: (key: string) => void;
  /** Adds a cell boxed and classified by hand to one of the case's images; returns its key. */
  addHandCell: (added: Omit<HandCell, 'addedAt'>) => string;
  /** Removes boxes that are not white cells: they leave the case and its count. */
  removeCells: (keys: readonly string[]) => void;
  undo: () => void;
  redo: () => void;
  rename: (name: string) => void;
  setTarget: (target: Target) => void;
  newCase: () => void;
  openCase: (id: string) => Promise<void>;
  deleteCase: (id: string) => Promise<void>;
}

const newId = () => crypto.randomUUID();

export function emptyCase(now = Date.now()): CaseMeta {
  const date = new Date(now).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return {
    id: newId(),
    name: `Case ${date}`,
    createdAt: now,
    updatedAt: now,
    target: 100,
    imageIds: [],
    decisions: {},
    cellCount: 0,
    bytes: 0,
  };
}

export const useCaseStore = create<CaseState>((set, get) => {
  const fail = (err: unknown) =>
    set({ error: `Could not save to this browser's storage: ${err instanceof Error ? err.message : String(err)}` });
  const refreshHistory = () =>
    listCases()
      .then((history) => set({ history }))
      .catch(fail);
  /** Images added here whose transaction has not committed yet: kept on screen meanwhile. */
  const unsaved = (stored: CaseMeta) =>
    get().images.filter((i) => i.caseId === stored.id && !stored.imageIds.includes(i.id));
  /** Shows the case as stored (other tabs' images and decisions included), keeping loaded pictures. */
  const showStored = (stored: { meta: CaseMeta; images: CaseImage[] }) => {
    if (get().meta.id !== stored.meta.id) return;
    const loaded = new Map(get().images.map((i) => [i.id, i]));
    const pending = unsaved(stored.meta);
    set({
      meta: { ...stored.meta, imageIds: [...stored.meta.imageIds, ...pending.map((i) => i.id)] },
      images: [...stored.images.map((i) => loaded.get(i.id) ?? i), ...pending],
    });
  };
  const reload = async (id: string) => {
    const stored = await loadCase(id);
    if (stored) showStored(stored);
  };
  /**
   * Edits the case in memory at once and in storage from the stored record. A case is stored
   * from its first image on: an empty case exists only in memory, so that wiping all data leaves
   * nothing behind until the user analyses again.
   */
  const changeMeta = (
    patch: (m: CaseMeta) => Partial<Pick<CaseMeta, 'name' | 'target' | 'decisions' | 'handCells' | 'removed'>>,
  ) => {
    const meta = { ...get().meta, ...patch(get().meta), updatedAt: Date.now() };
    set({ meta });
    if (meta.imageIds.length === 0) return;
    changeStoredCase(meta.id, patch)
      .then(async (stored) => {
        if (stored && get().meta.id === stored.id) set({ meta: { ...stored, imageIds: get().meta.imageIds } });
        await refreshHistory();
      })
      .catch(fail);
  };
  const show = (meta: CaseMeta, images: CaseImage[]) => {
    forgetBlobUrls(get().images);
    set({ meta, images, past: [], future: [] });
  };
  /** Makes a change of cells as one step of the history; a new change clears what could be redone. */
  const record = (step: CaseStep | undefined) => {
    if (!step) return;
    changeMeta((m) => applyStep(m, step, 'after'));
    set((s) => ({ past: [...s.past, step], future: [] }));
  };
  // Another tab changed or deleted a stored case: the history and the open case follow.
  onCaseStorageChange((change) => {
    void refreshHistory();
    if (change.type === 'cleared' || change.id !== get().meta.id) return;
    if (change.type === 'changed') reload(change.id).catch(fail);
    else show(emptyCase(), []);
  });

  return {
    restored: false,
    meta: emptyCase(),
    images: [],
    history: [],
    past: [],
    future: [],
    restore: async () => {
      try {
        const id = await loadCurrentCaseId();
        const stored = id ? await loadCase(id) : undefined;
        // Images analysed before the stored case came back belong to a case the user never saw.
        if (stored && get().images.length === 0) show(stored.meta, stored.images);
        await refreshHistory();
      } catch (err) {
        fail(err);
      } finally {
        set({ restored: true });
      }
    },
    addImage: async (added) => {
      const { meta } = get();
      const image: CaseImage = { ...added, id: newId(), caseId: meta.id };
      set((s) => ({
        images: [...s.images, image],
        meta: {
          ...s.meta,
          imageIds: [...s.meta.imageIds, image.id],
          cellCount: s.meta.cellCount + image.cells.length,
          bytes: s.meta.bytes + imageBytes(image),
          updatedAt: Date.now(),
        },
      }));
      try {
        const stored = await addCaseImage(meta, image);
        const shown = new Set(get().images.map((i) => i.id));
        // Images another tab added are read back; otherwise the stored record is enough.
        if (stored.imageIds.some((id) => !shown.has(id))) await reload(stored.id);
        else showStored({ meta: stored, images: get().images.filter((i) => stored.imageIds.includes(i.id)) });
        await refreshHistory();
      } catch (err) {
        // Not stored: it leaves the case, which shows what a reload would show.
        set((s) => ({
          images: s.images.filter((i) => i.id !== image.id),
          meta: {
            ...s.meta,
            imageIds: s.meta.imageIds.filter((id) => id !== image.id),
            cellCount: s.meta.cellCount - (s.meta.imageIds.includes(image.id) ? image.cells.length : 0),
            bytes: s.meta.bytes - (s.meta.imageIds.includes(image.id) ? imageBytes(image) : 0),
          },
        }));
        if (err instanceof CaseDeletedError) {
          // Deleted in another tab while this image was analysed: it starts a new case instead.
          if (get().meta.id === err.caseId) show(emptyCase(), []);
          return get().addImage(added);
        }
        fail(err);
        throw err;
      }
    },
    decide: (key, final) => record(decisionStep(get().meta, [key], final)),
    decideMany: (keys, final) => record(decisionStep(get().meta, keys, final)),
    undecide: (key) => record(decisionStep(get().meta, [key], undefined)),
    addHandCell: (added) => {
      const { meta, images } = get();
      const image = images.find((i) => i.id === added.imageId);
      if (!image) throw new Error('That image is no longer in the case.');
      const hand: HandCell = { ...added, addedAt: Date.now() };
      const handCells = meta.handCells ?? [];
      const key = cellKey(image.id, handCellIndex(image, handCells, handCells.length));
      changeMeta((m) => ({ handCells: [...(m.handCells ?? []), hand] }));
      // Undoing an addition removes the cell; the list of hand cells only grows, so keys stay put.
      set((s) => ({ past: [...s.past, removalStep([key], false, 'Added a cell by hand')], future: [] }));
      return key;
    },
    removeCells: (keys) => record(removalStep(keys, true)),
    undo: () => {
      const step = get().past.at(-1);
      if (!step) return;
      changeMeta((m) => applyStep(m, step, 'before'));
      set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, step] }));
    },
    redo: () => {
      const step = get().future.at(-1);
      if (!step) return;
      changeMeta((m) => applyStep(m, step, 'after'));
      set((s) => ({ past: [...s.past, step], future: s.future.slice(0, -1) }));
    },
    rename: (name) => changeMeta(() => ({ name })),
    setTarget: (target) => changeMeta(() => ({ target })),
    newCase: () => show(emptyCase(), []),
    openCase: async (id) => {
      try {
        const stored = await loadCase(id);
        if (!stored) return;
        show(stored.meta, stored.images);
        await saveCurrentCaseId(id);
      } catch (err) {
        fail(err);
      }
    },
    deleteCase: async (id) => {
      try {
        await deleteStoredCase(id);
        if (get().meta.id === id) show(emptyCase(), []);
        await refreshHistory();
      } catch (err) {
        fail(err);
      }
    },
  };
});

// "Delete all local data" wipes the database (here or in another tab); the case on screen goes with it.
onCaseDataCleared(() => {
  forgetBlobUrls(useCaseStore.getState().images);
  useCaseStore.setState({ meta: emptyCase(), images: [], history: [], past: [], future: [], error: undefined });
});
