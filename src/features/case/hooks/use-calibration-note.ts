import { useMemo } from 'react';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { calibrationNote, type CalibrationNote } from '@/features/case/utils/calibrated-reading';
import { useCalibrationStore } from '../stores/calibration-store';

/** What the exports and the report say of the case's calibration; undefined: not calibrated. */
export function useCalibrationNote(caseId: string, cells: readonly CaseCell[]): CalibrationNote | undefined {
  const stored = useCalibrationStore((s) => (s.stored?.caseId === caseId ? s.stored : undefined));
  return useMemo(() => (stored ? calibrationNote(stored, cells) : undefined), [stored, cells]);
}
