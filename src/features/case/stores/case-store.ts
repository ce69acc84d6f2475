import { create } from 'zustand';
import {
  deleteStoredCase,
  listCases,
  loadCase,
  loadCurrentCaseId,
  onCaseDataCleared,
  saveCaseImage,
  saveCaseMeta,
  saveCurrentCaseId,
} from '../../../lib/case-storage';
import type { CaseImage, CaseMeta, FinalClass, Target } from '../../../lib/case-types';
import { forgetBlobUrls } from '../hooks/blob-url';

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
  addImage: (image: NewCaseImage) => void;
  decide: (key: string, final: FinalClass) => void;
  undecide: (key: string) => void;
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

const imageBytes = (i: Pick<CaseImage, 'thumbnail' | 'cellImages' | 'cellFeatures'>) =>
  i.thumbnail.size +
  i.cellImages.reduce((s, b) => s + b.size, 0) +
  (i.cellFeatures ?? []).reduce((s, f) => s + f.byteLength, 0);

export const useCaseStore = create<CaseState>((set, get) => {
  /**
   * Saves the case record. A case is stored from its first image on: an empty case exists only
   * in memory, so that wiping all data leaves nothing behind until the user analyses again.
   */
  const persist = (meta: CaseMeta) => {
    if (meta.imageIds.length === 0) return;
    saveCaseMeta(meta)
      .then(() => saveCurrentCaseId(meta.id))
      .then(refreshHistory)
      .catch(fail);
  };
  const fail = (err: unknown) =>
    set({ error: `Could not save to this browser's storage: ${err instanceof Error ? err.message : String(err)}` });
  const refreshHistory = () =>
    listCases()
      .then((history) => set({ history }))
      .catch(fail);
  const changeMeta = (patch: (m: CaseMeta) => Partial<CaseMeta>) => {
    const meta = { ...get().meta, ...patch(get().meta), updatedAt: Date.now() };
    set({ meta });
    persist(meta);
  };
  const show = (meta: CaseMeta, images: CaseImage[]) => {
    forgetBlobUrls(get().images);
    set({ meta, images });
  };

  return {
    restored: false,
    meta: emptyCase(),
    images: [],
    history: [],
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
    addImage: (added) => {
      const { meta } = get();
      const image: CaseImage = { ...added, id: newId(), caseId: meta.id };
      set((s) => ({ images: [...s.images, image] }));
      const next = {
        ...meta,
        imageIds: [...meta.imageIds, image.id],
        cellCount: meta.cellCount + image.cells.length,
        bytes: meta.bytes + imageBytes(image),
        updatedAt: Date.now(),
      };
      set({ meta: next });
      saveCaseImage(image)
        .then(() => persist(get().meta))
        .catch(fail);
    },
    decide: (key, final) => changeMeta((m) => ({ decisions: { ...m.decisions, [key]: final } })),
    undecide: (key) =>
      changeMeta((m) => {
        const decisions = { ...m.decisions };
        delete decisions[key];
        return { decisions };
      }),
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
      const meta = get().history.find((m) => m.id === id);
      if (!meta) return;
      try {
        await deleteStoredCase(meta);
        if (get().meta.id === id) show(emptyCase(), []);
        await refreshHistory();
      } catch (err) {
        fail(err);
      }
    },
  };
});

// "Delete all local data" wipes the database; the case on screen goes with it.
onCaseDataCleared(() => {
  forgetBlobUrls(useCaseStore.getState().images);
  useCaseStore.setState({ meta: emptyCase(), images: [], history: [], error: undefined });
});
