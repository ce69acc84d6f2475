import { useId, useState } from 'react';
import { FOCUS_RING } from '@/components/button';
import { useLabProfiles } from '@/components/use-lab-profiles';
import { useLoadedModelVersion } from '@/components/use-loaded-model-version';
import type { CaseImage, CaseMeta } from '@/lib/storage/case-types';
import { whyNotRereadable } from '@/features/case/utils/reread-case';
import { useCalibrationStore } from '../stores/calibration-store';
import { useCaseStore } from '../stores/case-store';

const SHIPPED = '';

/**
 * Which model reads this case: the shipped one or one of the lab profiles kept on the Adapt page.
 * Switching reads every cell again from the features its analysis kept, decisions kept, and the
 * choice is stored with the case; the images added to it from then on are read the same way.
 */
export function CaseProfilePicker({ meta, images }: { meta: CaseMeta; images: readonly CaseImage[] }) {
  const setProfile = useCaseStore((s) => s.setProfile);
  const profiles = useLabProfiles();
  const modelVersion = useLoadedModelVersion();
  const [state, setState] = useState<{ busy: boolean; problem?: string }>({ busy: false });
  const id = useId();
  const usable = (profiles ?? []).filter((p) => p.modelVersion === modelVersion);
  const current = profiles?.find((p) => p.id === meta.profileId);
  const gone = meta.profileId !== undefined && profiles !== undefined && !current;
  // A calibrated case shows its calibrated reading of the shipped model: one reading at a time.
  const calibrated = useCalibrationStore((s) => s.stored?.caseId === meta.id);
  const why = calibrated
    ? 'This case is calibrated to its own cells: undo the calibration to read it with a lab profile.'
    : whyNotRereadable(images, meta.handCells ?? []);
  const choose = (value: string) => {
    setState({ busy: true });
    setProfile(value === SHIPPED ? undefined : value).then(
      () => setState({ busy: false }),
      (err: unknown) => setState({ busy: false, problem: err instanceof Error ? err.message : String(err) }),
    );
  };
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-slate-600 dark:text-slate-400">
        Read by
      </label>
      <select
        id={id}
        data-testid="case-profile"
        data-profile-id={meta.profileId ?? ''}
        value={meta.profileId ?? SHIPPED}
        disabled={state.busy || modelVersion === undefined || images.length === 0 || why !== undefined}
        onChange={(e) => choose(e.target.value)}
        aria-describedby={`${id}-status`}
        className={`rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
      >
        <option value={SHIPPED}>The shipped model</option>
        {gone && <option value={meta.profileId}>A deleted lab profile</option>}
        {current && !usable.includes(current) && <option value={current.id}>{current.name} (another model)</option>}
        {usable.map((p) => (
          <option key={p.id} value={p.id}>
            Lab profile: {p.name}
          </option>
        ))}
      </select>
      <span id={`${id}-status`} className="max-w-xs text-xs" data-testid="case-profile-status" aria-live="polite">
        {state.busy && 'Reading the case again…'}
        {state.problem && <span className="text-red-800 dark:text-red-200">Not switched: {state.problem}</span>}
        {!state.busy && !state.problem && gone && 'Its profile was deleted: new images are read by the shipped model.'}
        {!state.busy && !state.problem && !gone && why}
        {images.length === 0 && 'Add images first, then choose the lab profile that reads them.'}
      </span>
    </div>
  );
}
