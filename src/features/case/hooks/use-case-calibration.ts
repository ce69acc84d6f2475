import { useEffect, useMemo } from 'react';
import type { CaseImage, CaseMeta } from '@/lib/storage/case-types';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { calibrationCrops } from '@/features/case/utils/calibrated-reading';
import { useCalibrationStore } from '../stores/calibration-store';
import { useCalibrationNote } from './use-calibration-note';

/**
 * The open case's calibration, kept in step with the case: follows the case that is open, and
 * reads every cell added to a calibrated case (a new image, a cell drawn by hand) with that
 * case's statistics, storing the readings. Mounted once, by the case header.
 */
export function useCaseCalibration(
  meta: Pick<CaseMeta, 'id' | 'imageIds' | 'decisions' | 'handCells' | 'removed'>,
  images: readonly CaseImage[],
  cells: readonly CaseCell[],
) {
  const caseId = meta.imageIds.length > 0 ? meta.id : undefined;
  const state = useCalibrationStore();
  const { follow, readNew, learnMinimum } = state;
  const stored = state.stored?.caseId === caseId ? state.stored : undefined;
  useEffect(() => {
    void follow(caseId);
    if (caseId) void learnMinimum();
  }, [caseId, follow, learnMinimum]);
  const crops = useMemo(() => calibrationCrops(images, meta), [images, meta]);
  const unread = useMemo(() => (stored ? crops.filter((c) => !stored.cells[c.key]) : []), [crops, stored]);
  const unreadKeys = unread.map((c) => c.key).join(' ');
  useEffect(() => {
    if (caseId && unread.length > 0) void readNew(caseId, unread);
    // Once per set of unread cells: a reading that failed is not retried on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [caseId, unreadKeys, readNew]);
  const note = useCalibrationNote(meta.id, cells);
  return { caseId, crops, note, work: state.work, error: state.error, minCells: state.minCells };
}
