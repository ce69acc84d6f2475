import { create } from 'zustand';
import {
  addCaseImage,
  applyCaseEdits,
  CaseDeletedError,
  deleteStoredCase,
  editNewCase,
  listCases,
  loadCase,
  loadCurrentCaseId,
  onCaseDataCleared,
  onCaseStorageChange,
  saveCurrentCaseId,
  writeCaseEdit,
} from '@/lib/storage/case-storage';
import { applyEdit, type CaseEdit, type CaseRecord, type CaseStep } from '@/lib/storage/case-edits';
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
import { holdLeaveWarning } from '@/lib/storage/leave-warning';
import { caseCalibrationStorage } from '@/lib/storage/case-calibration-storage';
import { forgetBlobUrls } from '@/features/case/utils/blob-url';
import { rereadCase } from '@/features/case/utils/reread-case';
import { caseCells } from '@/features/case/utils/case-cells';
import { decisionStep, removalStep } from '@/features/case/utils/case-steps';

/** What a finished analysis brings to the case. */
export type NewCaseImage = Omit<CaseImage, 'id' | 'caseId'>;

/**
 * The open case. Every decision is written to storage first and shown once its write has
 * committed, so that the page never shows what a reload would not; the actions resolve then.
 */
interface CaseState {
  /** False until the stored current case has been read back (or found absent). */
  restored: boolean;
  /** The case as stored, with its undo and redo history. */
  meta: CaseRecord;
  images: CaseImage[];
  /** Stored cases for the history list, newest first; includes the current one once stored. */
  history: CaseMeta[];
  /** A storage failure to show (quota exceeded, private mode). */
  error?: string;
  restore: () => Promise<void>;
  /** Adds the image to the open case; rejects, after showing why, when it could not be stored. */
  addImage: (image: NewCaseImage) => Promise<void>;
  /** Changes of this case's cells, newest last: what undo takes back (meta.past). */
  past: readonly CaseStep[];
  /** Steps undone, the next to redo last (meta.future). */
  future: readonly CaseStep[];
  decide: (key: string, final: FinalClass) => Promise<void>;
  /** Gives several cells one class (undefined: the model's) in one step (one undo takes it back). */
  decideMany: (keys: readonly string[], final: FinalClass | undefined) => Promise<void>;
  undecide: (key: string) => Promise<void>;
  /** Adds a cell boxed and classified by hand to one of the case's images; returns its key. */
  addHandCell: (added: Omit<HandCell, 'addedAt'>) => string;
  /** Removes boxes that are not white cells: they leave the case and its count. */
  removeCells: (keys: readonly string[]) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  rename: (name: string) => Promise<void>;
  setTarget: (target: Target) => Promise<void>;
  /** Reads the case again with another lab profile (none: the shipped model), decisions kept; stored. */
  setProfile: (profileId: string | undefined) => Promise<void>;
  newCase: () => void;
  openCase: (id: string) => Promise<void>;
  deleteCase: (id: string) => Promise<void>;
}

const newId = () => crypto.randomUUID();

/** A new case, named by its date; a second one that day gets "(2)", and so on, past the names in `taken`. */
export function emptyCase(now = Date.now(), taken: readonly string[] = []): CaseRecord {
  const date = new Date(now).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  const names = new Set(taken);
  let name = `Case ${date}`;
  for (let n = 2; names.has(name); n++) name = `Case ${date} (${n})`;
  return {
    id: newId(),
    name,
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
  /** The stored cases' names: a new case is named apart from them. */
  const namesTaken = () => get().history.map((m) => m.name);
  const refreshHistory = () =>
    listCases()
      .then((history) => set({ history }))
      .catch(fail);
  /** Cases this tab knows to be stored; a new case is stored by its first image or edit. */
  const storedIds = new Set<string>();
  /** Edits written and not yet committed: shown once they are; the next step is made on top of them. */
  let unshown: { caseId: string; edit: CaseEdit }[] = [];
  /**
   * Edits committed and maybe not yet folded into the case record: a record read before they
   * committed must not hide them. Applying an edit twice changes nothing.
   */
  let unfolded: { caseId: string; edit: CaseEdit }[] = [];
  const withEdits = <T extends CaseRecord>(record: T, edits: readonly { caseId: string; edit: CaseEdit }[]): T =>
    edits.reduce((r, e) => (e.caseId === r.id ? applyEdit(r, e.edit) : r), record);
  /** The case as it will be once the edits in flight have committed: what a new step starts from. */
  const working = () => withEdits(get().meta, unshown);
  const showMeta = (meta: CaseRecord) => set({ meta, past: meta.past ?? [], future: meta.future ?? [] });
  const show = (meta: CaseRecord, images: CaseImage[]) => {
    forgetBlobUrls(get().images);
    set({ images });
    showMeta(meta);
  };
  /** Images added here whose transaction has not committed yet: kept on screen meanwhile. */
  const unsaved = (stored: CaseMeta) =>
    get().images.filter((i) => i.caseId === stored.id && !stored.imageIds.includes(i.id));
  /** Shows the case as stored (other tabs' images and decisions included), keeping loaded pictures. */
  const showStored = (stored: { meta: CaseRecord; images: CaseImage[] }) => {
    if (get().meta.id !== stored.meta.id) return;
    storedIds.add(stored.meta.id);
    const loaded = new Map(get().images.map((i) => [i.id, i]));
    const pending = unsaved(stored.meta);
    const meta = withEdits(stored.meta, unfolded);
    showMeta({ ...meta, imageIds: [...meta.imageIds, ...pending.map((i) => i.id)] });
    set({ images: [...stored.images.map((i) => loaded.get(i.id) ?? i), ...pending] });
  };
  const reload = async (id: string) => {
    const stored = await loadCase(id);
    if (stored) showStored(stored);
  };
  /** Folds this case's committed edits into its record; the edits committed before it started are then in it. */
  const fold = async (caseId: string) => {
    const folding = new Set(unfolded.filter((e) => e.caseId === caseId));
    const stored = await applyCaseEdits(caseId);
    unfolded = unfolded.filter((e) => !folding.has(e));
    if (stored && get().meta.id === caseId) showMeta({ ...withEdits(stored, unfolded), imageIds: get().meta.imageIds });
    await refreshHistory();
  };
  /**
   * Writes one decision and, once the write has committed, shows it. While the write is in flight
   * leaving the page asks first. A case is stored from its first image or edit: an empty case
   * exists only in memory, so that wiping all data leaves nothing behind until the user acts again.
   */
  const commit = async (edit: CaseEdit): Promise<void> => {
    const seed = working();
    const entry = { caseId: seed.id, edit };
    unshown = [...unshown, entry];
    holdLeaveWarning('case edits', true);
    try {
      if (seed.imageIds.length > 0 || storedIds.has(seed.id)) {
        await writeCaseEdit(seed.id, edit);
        unfolded = [...unfolded, entry];
        fold(seed.id).catch(fail);
      } else {
        await editNewCase(seed, edit);
        storedIds.add(seed.id);
        void refreshHistory();
      }
      if (get().meta.id === seed.id) showMeta(applyEdit(get().meta, edit));
    } catch (err) {
      if (err instanceof CaseDeletedError) {
        if (get().meta.id === err.caseId) show(emptyCase(), []);
      } else fail(err);
    } finally {
      unshown = unshown.filter((e) => e !== entry);
      if (unshown.length === 0) holdLeaveWarning('case edits', false);
    }
  };
  /** Makes a change of cells as one step of the history; a new change clears what could be redone. */
  const record = (step: CaseStep | undefined, hand?: HandCell) =>
    step ? commit({ type: 'step', step, at: Date.now(), ...(hand ? { hand } : {}) }) : Promise.resolve();
  /** A cell's class as the user sees it now, for the record of what a removed box was. */
  const finalOf = (key: string) => {
    const meta = working();
    return caseCells(get().images, meta.decisions, meta).find((c) => c.key === key)?.final;
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
        if (stored && get().images.length === 0) {
          storedIds.add(stored.meta.id);
          show(stored.meta, stored.images);
        }
        await refreshHistory();
        // A case not stored yet takes a name no stored case has.
        const { meta } = get();
        if (!storedIds.has(meta.id) && meta.imageIds.length === 0) {
          const named = emptyCase(meta.createdAt, namesTaken());
          if (named.name !== meta.name) showMeta({ ...meta, name: named.name });
        }
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
    decide: (key, final) => record(decisionStep(working(), [key], final)),
    decideMany: (keys, final) => record(decisionStep(working(), keys, final)),
    undecide: (key) => record(decisionStep(working(), [key], undefined)),
    addHandCell: (added) => {
      const meta = working();
      const image = get().images.find((i) => i.id === added.imageId);
      if (!image) throw new Error('That image is no longer in the case.');
      const hand: HandCell = { ...added, addedAt: Date.now() };
      const handCells = meta.handCells ?? [];
      const key = cellKey(image.id, handCellIndex(image, handCells, handCells.length));
      // Undoing an addition removes the cell; the list of hand cells only grows, so keys stay put.
      void record(
        removalStep([key], false, 'Added a cell by hand', () => hand.cell.predicted),
        hand,
      );
      return key;
    },
    removeCells: (keys) => record(removalStep(keys, true, undefined, finalOf)),
    undo: () => {
      const step = working().past?.at(-1);
      return step ? commit({ type: 'undo', step, at: Date.now() }) : Promise.resolve();
    },
    redo: () => {
      const step = working().future?.at(-1);
      return step ? commit({ type: 'redo', step, at: Date.now() }) : Promise.resolve();
    },
    rename: (name) => commit({ type: 'name', name, at: Date.now() }),
    setTarget: (target) => commit({ type: 'target', target, at: Date.now() }),
    setProfile: async (profileId) => {
      const { meta, images } = get();
      const read = await rereadCase(meta, images, profileId);
      // Decisions made meanwhile stay: only the profile, the readings and hand cells' readings change.
      if (get().meta.id !== meta.id) return;
      const handCells = read.meta.handCells;
      set((s) => ({
        meta: { ...s.meta, profileId: read.meta.profileId, ...(handCells ? { handCells } : {}) },
        images: s.images.map((i) => read.images.find((r) => r.id === i.id) ?? i),
      }));
    },
    newCase: () => show(emptyCase(Date.now(), namesTaken()), []),
    openCase: async (id) => {
      try {
        const stored = await loadCase(id);
        if (!stored) return;
        storedIds.add(id);
        show(stored.meta, stored.images);
        await saveCurrentCaseId(id);
      } catch (err) {
        fail(err);
      }
    },
    deleteCase: async (id) => {
      try {
        await deleteStoredCase(id);
        // Its calibration is the case's own: it goes with it.
        await caseCalibrationStorage.remove(id);
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
