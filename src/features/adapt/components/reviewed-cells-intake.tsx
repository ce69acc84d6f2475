import { Button } from '@/components/button';
import type { LabelledFeatures } from '@/core/head-adaptation';
import { CLASS_NAMES } from '@/core/class-names';
import { CELL_CLASSES } from '@/core/model-spec';
import { countWords } from '@/lib/format/count-words';
import { enoughToAdapt, MIN_PER_CLASS } from '@/features/adapt/utils/enough-to-adapt';
import { useReviewedCells } from '../hooks/use-reviewed-cells';

/** The cells a user corrected or confirmed in cases, offered as labelled cells to adapt on. */
export function ReviewedCellsIntake({
  modelVersion,
  busy,
  onAdapt,
}: {
  modelVersion: string | undefined;
  busy: boolean;
  onAdapt: (examples: LabelledFeatures[]) => void;
}) {
  const reviewed = useReviewedCells(modelVersion);
  if (!reviewed) return null;
  const total = reviewed.examples.length;
  const per = CELL_CLASSES.map((c, i) => `${CLASS_NAMES[c].label.toLowerCase()} ${reviewed.perClass[i]}`).join(', ');
  return (
    <section
      className="flex flex-col gap-2 rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700"
      aria-labelledby="reviewed-cells-title"
      data-testid="reviewed-cells"
      data-cells={total}
    >
      <h3 id="reviewed-cells-title" className="font-medium">
        Or adapt on the cells you reviewed in your cases
      </h3>
      {total === 0 ? (
        <p>
          No reviewed cells yet. In a case, every cell you correct, or confirm in the review queue, becomes a labelled
          cell you can adapt on here — no need to gather images again.
        </p>
      ) : (
        <p>
          {countWords(total, 'reviewed cell')} in {countWords(reviewed.cases, 'case')}: {per}. Cells left as the model
          read them are not used.
        </p>
      )}
      {reviewed.unusable > 0 && (
        <p className="text-slate-600 dark:text-slate-400" data-testid="reviewed-cells-unusable">
          {reviewed.unusable} reviewed cell(s) were analysed by another model version (or before cases kept what
          adapting needs) and are left out.
        </p>
      )}
      {total > 0 && (
        <div>
          <Button
            disabled={busy || !enoughToAdapt(reviewed.perClass)}
            onClick={() => onAdapt(reviewed.examples)}
            data-testid="adapt-run-reviewed"
          >
            Adapt on {countWords(total, 'reviewed cell')}
          </Button>
          {!enoughToAdapt(reviewed.perClass) && (
            <span className="ml-3 text-slate-600 dark:text-slate-400">
              Needs at least {MIN_PER_CLASS} cells in two classes or more.
            </span>
          )}
        </div>
      )}
    </section>
  );
}
