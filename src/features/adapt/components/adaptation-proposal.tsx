import { useId, useState } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import type { NewAdaptation } from '@/worker/worker-api';
import { OwnCellsFigures } from './own-cells-figures';

/** The name a new profile is offered: the lab replaces it with its own ("Lab 2, Wright stain"). */
function suggestedName(): string {
  return `My lab, ${new Date().toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}`;
}

/** An adaptation just made, before it is kept: its figures on the lab's own cells, then a name and Keep, or Discard. */
export function AdaptationProposal({
  adaptation,
  onKeep,
  onDiscard,
}: {
  adaptation: NewAdaptation;
  onKeep: (name: string) => void;
  onDiscard: () => void;
}) {
  const [name, setName] = useState(suggestedName);
  const nameId = useId();
  const trimmed = name.trim();
  return (
    <section
      aria-labelledby="adapt-proposal-title"
      className="flex flex-col gap-3 rounded-md border border-blue-300 bg-blue-50 p-4 text-sm dark:border-blue-800 dark:bg-slate-900"
      data-testid="adapt-proposal"
      data-id={adaptation.id}
    >
      <h3 id="adapt-proposal-title" className="font-semibold">
        Adapted in {(adaptation.ms / 1000).toFixed(1)} s: keep it?
      </h3>
      {adaptation.skipped > 0 && (
        <p data-testid="adapt-skipped">{adaptation.skipped} image(s) skipped: no white cell found or not readable.</p>
      )}
      <OwnCellsFigures adapted={adaptation.adapted} />
      <p className="text-slate-700 dark:text-slate-300">
        Nothing is saved until you keep it. Kept, it is a lab profile: choose it at the top of a case and that case is
        read with it, your decisions kept. Practice, the atlas and other cases stay with the shipped model.
      </p>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={nameId} className="font-medium">
          Name of the profile (the lab, stain or microscope)
        </label>
        <input
          id={nameId}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          data-testid="adapt-profile-name"
          className={`max-w-md rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button variant="primary" disabled={!trimmed} onClick={() => onKeep(trimmed)} data-testid="adapt-keep">
          Keep as a lab profile
        </Button>
        <Button onClick={onDiscard} data-testid="adapt-discard">
          Discard it
        </Button>
      </div>
    </section>
  );
}
