import { useMemo } from 'react';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { withCalibratedReading } from '@/features/case/utils/calibrated-reading';
import { useCalibrationStore } from '../stores/calibration-store';

/**
 * The case's cells as every view shows them: read with the case's calibration when it has one
 * (the differential, gallery, review queue, field viewer and exports all take these), a user's
 * own decisions still first.
 */
export function useCalibratedCells(caseId: string, shipped: readonly CaseCell[]): readonly CaseCell[] {
  const readings = useCalibrationStore((s) => (s.stored?.caseId === caseId ? s.stored.cells : undefined));
  return useMemo(() => withCalibratedReading(shipped, readings), [shipped, readings]);
}
