import { Button } from '@/components/button';
import { countWords } from '@/lib/format/count-words';
import { modelVersionLabel } from '@/lib/format/model-version-label';
import type { CaseImage, CaseMeta } from '@/lib/storage/case-types';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { useCaseCalibration } from '../hooks/use-case-calibration';
import { useCalibrationStore } from '../stores/calibration-store';

/**
 * "Calibrate to this case": whether the case is read calibrated to its own cells, on how many
 * cells and how many changed class; a button to calibrate (only with enough cells, saying why
 * not otherwise) and one to undo it. The statistics are stored with the case, never shared.
 */
export function CaseCalibration({
  meta,
  images,
  cells,
}: {
  meta: Pick<CaseMeta, 'id' | 'imageIds' | 'decisions' | 'handCells' | 'removed' | 'profileId'>;
  images: readonly CaseImage[];
  cells: readonly CaseCell[];
}) {
  const { caseId, crops, note, work, error, minCells } = useCaseCalibration(meta, images, cells);
  const calibrate = useCalibrationStore((s) => s.calibrate);
  const undo = useCalibrationStore((s) => s.undo);
  if (!caseId) return null;
  const withoutCrops = cells.filter((c) => c.final !== 'NOT_WBC').length - crops.length;
  const enough = minCells !== undefined && crops.length >= minCells;
  const busy = work !== 'idle';
  // Calibration re-standardises the shipped model: one reading at a time, as the profile picker says too.
  const profile = meta.profileId !== undefined && !note;
  const status = (() => {
    if (work === 'calibrating') return `Calibrating to this case on ${countWords(crops.length, 'cell')}…`;
    if (work === 'undoing') return 'Going back to the shipped model…';
    if (note) {
      const changed = countWords(note.changedClass, 'cell');
      return `Calibrated to this case on ${countWords(note.cells, 'cell')} (model ${modelVersionLabel(note.modelVersion)}): ${changed} changed class.`;
    }
    if (profile) return 'Read by a lab profile, not calibrated to this case.';
    return 'Read by the shipped model, not calibrated to this case.';
  })();
  const why = profile
    ? 'This case is read by a lab profile: choose the shipped model to calibrate it to its own cells.'
    : minCells === undefined || enough || note
      ? undefined
      : `Calibrating needs at least ${countWords(minCells, 'cell')} of this case (it has ${crops.length}): fewer cells say too little about the lab's stain and camera.`;
  return (
    <div
      className="flex w-full flex-wrap items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
      data-testid="case-calibration"
      data-calibrated={note !== undefined}
      data-cells-read={note?.cellsRead ?? 0}
    >
      <span aria-live="polite" data-testid="calibration-status" className="min-w-60 flex-1">
        {status}
        {why && (
          <span className="block text-xs text-slate-600 dark:text-slate-400" data-testid="calibration-why-not">
            {why}
          </span>
        )}
        {!note && !profile && enough && (
          <span className="block text-xs text-slate-600 dark:text-slate-400" data-testid="calibration-one-lab">
            For a case of one lab's images (one microscope, camera and stain): a case that mixes labs gets one
            calibration for all of them, and a lab the model never saw gains less from it than from a case of its own.
          </span>
        )}
        {withoutCrops > 0 && (
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            {countWords(withoutCrops, 'cell')} stored before their crops were kept: calibration neither reads them nor
            is made from them.
          </span>
        )}
        {error && (
          <span role="alert" className="block text-xs text-red-700 dark:text-red-300">
            {error}
          </span>
        )}
      </span>
      {note ? (
        <>
          {crops.length > note.cells && (
            <Button disabled={busy} onClick={() => void calibrate(caseId, crops)}>
              Calibrate again on {countWords(crops.length, 'cell')}
            </Button>
          )}
          <Button disabled={busy} onClick={() => void undo(caseId)} data-testid="undo-calibration">
            Undo calibration
          </Button>
        </>
      ) : (
        <Button
          variant="primary"
          disabled={busy || !enough || profile}
          onClick={() => void calibrate(caseId, crops)}
          data-testid="calibrate-case"
          title="Re-standardises the model to this case's own cells, without labels"
        >
          Calibrate to this case
        </Button>
      )}
    </div>
  );
}
