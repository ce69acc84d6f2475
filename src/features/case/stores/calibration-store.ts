import { create } from 'zustand';
import { caseCalibrationStorage, type StoredCalibration } from '@/lib/storage/case-calibration-storage';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import type { CropOfCell } from '@/features/case/utils/calibrated-reading';

/** What the open case's calibration is doing now. */
export type CalibrationWork = 'idle' | 'calibrating' | 'undoing' | 'reading';

interface CalibrationState {
  /** The case whose calibration is held here (the open case, once it is stored). */
  caseId?: string;
  /** The open case's stored calibration; undefined: read by the shipped model. */
  stored?: StoredCalibration;
  work: CalibrationWork;
  /** Why the last calibration, undo or reading failed. */
  error?: string;
  /** The fewest cells a case is calibrated on (measured with the model; from the worker). */
  minCells?: number;
  /** Shows the stored calibration of this case (undefined: no stored case is open). */
  follow: (caseId: string | undefined) => Promise<void>;
  /** Calibrates the case to these cells and stores it; shown once stored. */
  calibrate: (caseId: string, cells: readonly CropOfCell[]) => Promise<void>;
  /** Back to the shipped model: the stored calibration is deleted. */
  undo: (caseId: string) => Promise<void>;
  /** Reads cells added since (a new image, a cell drawn by hand) with the case's calibration; stored. */
  readNew: (caseId: string, cells: readonly CropOfCell[]) => Promise<void>;
  learnMinimum: () => Promise<void>;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The open case's calibration to its own cells. Every change is stored before it is shown: a
 * reload shows the case as it was left. Calibration is kept per case, in its own record.
 */
export const useCalibrationStore = create<CalibrationState>((set, get) => {
  /** Shows a calibration only while its case is still the one open. */
  const showFor = (caseId: string, stored: StoredCalibration | undefined) => {
    if (get().caseId === caseId) set({ stored });
  };
  // Another tab calibrated, undid, or read new cells of the open case.
  caseCalibrationStorage.onChange((caseId) => {
    if (caseId !== get().caseId) return;
    caseCalibrationStorage
      .load(caseId)
      .then((stored) => showFor(caseId, stored))
      .catch((err: unknown) => set({ error: message(err) }));
  });
  return {
    work: 'idle',
    follow: async (caseId) => {
      if (caseId === get().caseId) return;
      set({ caseId, stored: undefined, error: undefined, work: 'idle' });
      if (!caseId) return;
      try {
        showFor(caseId, await caseCalibrationStorage.load(caseId));
      } catch (err) {
        set({ error: `The case's calibration could not be read: ${message(err)}` });
      }
    },
    calibrate: async (caseId, cells) => {
      set({ work: 'calibrating', error: undefined });
      try {
        const out = await analysisClient.calibrateCase(
          cells.map((c) => c.crop),
          cells.map((c) => c.predicted),
        );
        const stored: StoredCalibration = {
          caseId,
          calibration: out.calibration,
          calibratedAt: Date.now(),
          cells: Object.fromEntries(cells.map((c, i) => [c.key, out.cells[i]])),
        };
        await caseCalibrationStorage.save(stored);
        showFor(caseId, stored);
      } catch (err) {
        set({ error: `Not calibrated: ${message(err)}` });
      } finally {
        set({ work: 'idle' });
      }
    },
    undo: async (caseId) => {
      set({ work: 'undoing', error: undefined });
      try {
        await caseCalibrationStorage.remove(caseId);
        showFor(caseId, undefined);
      } catch (err) {
        set({ error: `The calibration could not be undone: ${message(err)}` });
      } finally {
        set({ work: 'idle' });
      }
    },
    readNew: async (caseId, cells) => {
      const { stored } = get();
      if (!stored || stored.caseId !== caseId || cells.length === 0 || get().work !== 'idle') return;
      set({ work: 'reading', error: undefined });
      try {
        const read = await analysisClient.readCalibrated(
          cells.map((c) => c.crop),
          stored.calibration,
        );
        const added = Object.fromEntries(cells.map((c, i) => [c.key, read[i]]));
        const next = await caseCalibrationStorage.addCells(caseId, stored.calibratedAt, added);
        // Undone or calibrated again meanwhile: the record as stored now is what shows.
        showFor(caseId, next ?? (await caseCalibrationStorage.load(caseId)));
      } catch (err) {
        set({ error: `New cells could not be read calibrated: ${message(err)}` });
      } finally {
        set({ work: 'idle' });
      }
    },
    learnMinimum: async () => {
      if (get().minCells !== undefined) return;
      try {
        set({ minCells: await analysisClient.calibrationMinimum() });
      } catch (err) {
        set({ error: message(err) });
      }
    },
  };
});
