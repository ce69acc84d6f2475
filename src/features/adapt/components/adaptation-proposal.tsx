import { Button } from '@/components/button';
import type { NewAdaptation } from '@/worker/worker-api';
import { OwnCellsFigures } from './own-cells-figures';

/** An adaptation just made, before it is used: its figures on the lab's own cells, then Keep or Discard. */
export function AdaptationProposal({
  adaptation,
  onKeep,
  onDiscard,
}: {
  adaptation: NewAdaptation;
  onKeep: () => void;
  onDiscard: () => void;
}) {
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
        Nothing is used or saved until you keep it. Kept, it reads every analysis from now on, as{' '}
        <code>{adaptation.id}</code>.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button variant="primary" onClick={onKeep} data-testid="adapt-keep">
          Keep the adapted model
        </Button>
        <Button onClick={onDiscard} data-testid="adapt-discard">
          Discard it
        </Button>
      </div>
    </section>
  );
}
