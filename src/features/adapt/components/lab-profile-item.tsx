import { useId, useState } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CLASS_NAMES } from '@/core/class-names';
import { CELL_CLASSES } from '@/core/model-spec';
import { labProfiles, type LabProfile } from '@/lib/storage/adaptation-storage';
import { downloadBlob, safeFileName } from '@/lib/files/download-blob';
import { labProfileJson } from '@/lib/files/lab-profile-file';
import { formatPercent } from '@/lib/format/numbers';
import { modelVersionLabel } from '@/lib/format/model-version-label';
import { ReviewMarkPromise } from './own-cells-figures';

const MAX_NAME = 120;

/** One kept lab profile: what it was made from and how it reads, in words first; rename, export, delete. */
export function LabProfileItem({ profile, modelVersion }: { profile: LabProfile; modelVersion?: string }) {
  const [draft, setDraft] = useState(profile.name);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string>();
  const nameId = useId();
  const total = profile.cellsPerClass.reduce((a, b) => a + b, 0);
  const stale = modelVersion !== undefined && modelVersion !== profile.modelVersion;
  const own = profile.adapted.ownCells;
  const trimmed = draft.trim();
  const fail = (err: unknown) => setProblem(err instanceof Error ? err.message : String(err));
  const rename = () => {
    setProblem(undefined);
    labProfiles.rename(profile.id, trimmed).then((found) => found || setProblem('It was deleted meanwhile.'), fail);
  };
  return (
    <li
      className="flex flex-col gap-2 rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700"
      data-testid="lab-profile"
      data-id={profile.id}
      data-name={profile.name}
      data-cells={total}
    >
      <h4 className="font-semibold" data-testid="lab-profile-name">
        {profile.name}
      </h4>
      {stale ? (
        <p role="status" className="text-amber-800 dark:text-amber-200" data-testid="adaptation-stale">
          Not usable: this profile ({total} cells) was made for model {modelVersionLabel(profile.modelVersion)}, and the
          app now runs model {modelVersionLabel(modelVersion)}. Adapt again on your images to read cases with it.
        </p>
      ) : (
        <p>
          Adapted on {total} labelled cells on {new Date(profile.createdAt).toLocaleDateString()}.
          {own &&
            ` On your own cells, each read by a model adapted without it, it was right ${formatPercent(own.adapted.right / own.cells)} of the time, where the shipped model was right ${formatPercent(own.shipped.right / own.cells)}.`}{' '}
          Choose it at the top of a case to read that case with it.
        </p>
      )}
      <details className="text-slate-700 dark:text-slate-300">
        <summary className={`cursor-pointer ${FOCUS_RING}`}>Figures</summary>
        <div className="mt-2 flex flex-col gap-2" data-testid="lab-profile-figures">
          <p>
            Cells per type:{' '}
            {CELL_CLASSES.map((c, i) => `${CLASS_NAMES[c].label.toLowerCase()} ${profile.cellsPerClass[i] ?? 0}`).join(
              ', ',
            )}
            . Made for model {modelVersionLabel(profile.modelVersion)}; results read with it record{' '}
            {modelVersionLabel(`${profile.modelVersion}+${profile.id}`)}. Temperature{' '}
            {profile.adapted.temperature.toFixed(2)}
            {own ? `, fitted on ${own.folds} held-out folds of your cells.` : '.'}
          </p>
          <ReviewMarkPromise adapted={profile.adapted} />
        </div>
      </details>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-0.5">
          <label htmlFor={nameId} className="text-xs text-slate-600 dark:text-slate-400">
            Name
          </label>
          <input
            id={nameId}
            value={draft}
            maxLength={MAX_NAME}
            data-testid="lab-profile-rename-input"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && trimmed && trimmed !== profile.name) rename();
            }}
            className={`rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
          />
        </div>
        <Button disabled={!trimmed || trimmed === profile.name} onClick={rename} data-testid="lab-profile-rename">
          Rename
        </Button>
        <Button
          onClick={() =>
            downloadBlob(
              new Blob([labProfileJson(profile)], { type: 'application/json' }),
              `${safeFileName(profile.name)}.hematovision-profile.json`,
            )
          }
          data-testid="lab-profile-export"
        >
          Export
        </Button>
        <Button variant="destructive" onClick={() => setDeleting(true)} data-testid="lab-profile-delete">
          Delete
        </Button>
      </div>
      {problem && (
        <p role="alert" className="text-red-800 dark:text-red-200">
          Not saved: {problem}
        </p>
      )}
      <ConfirmDialog
        open={deleting}
        title={`Delete the lab profile “${profile.name}”?`}
        confirmLabel="Delete the profile"
        onCancel={() => setDeleting(false)}
        onConfirm={() => {
          setDeleting(false);
          labProfiles.delete(profile.id).catch(fail);
        }}
      >
        It is deleted from this browser. Cases read with it keep their readings and decisions, and show that their
        profile is gone; new images added to them are read by the shipped model. Export it first to keep a copy.
      </ConfirmDialog>
    </li>
  );
}
