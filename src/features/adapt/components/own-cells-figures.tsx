import { TableHead } from '@/components/table-head';
import type { AdaptedHead } from '@/core/cross-validated-adaptation';
import { formatPercent } from '@/lib/format/numbers';

const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : '–');

/**
 * How the adapted model read the lab's own cells (each by a model adapted without it), beside the
 * shipped model on the same cells, and what the refitted review mark promises.
 */
export function OwnCellsFigures({ adapted }: { adapted: AdaptedHead }) {
  const own = adapted.ownCells;
  if (!own) return null;
  const { adapted: a, shipped: s, cells, folds } = own;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="own-cells">
      <table className="w-full max-w-xl border-collapse text-left">
        <caption className="mb-1 text-left font-medium">How each model reads your {cells} labelled cells</caption>
        <TableHead
          gap="pr-3"
          cellClassName="py-1 font-medium"
          columns={[{ label: 'Model' }, { label: 'Right' }, { label: 'Right among unmarked cells' }]}
        />
        <tbody>
          <tr data-testid="own-cells-adapted" data-right={a.right} data-cells={cells}>
            <th scope="row" className="py-1 pr-3 font-normal">
              Adapted, each cell read by a model adapted without it ({folds} folds)
            </th>
            <td className="py-1 pr-3">
              {share(a.right, cells)} ({a.right} of {cells})
            </td>
            <td className="py-1">
              {share(a.unmarkedRight, a.unmarked)} ({a.unmarkedRight} of {a.unmarked})
            </td>
          </tr>
          <tr data-testid="own-cells-shipped" data-right={s.right} data-cells={cells}>
            <th scope="row" className="py-1 pr-3 font-normal">
              Shipped, as it reads them today
            </th>
            <td className="py-1 pr-3">
              {share(s.right, cells)} ({s.right} of {cells})
            </td>
            <td className="py-1">
              {share(s.unmarkedRight, s.unmarked)} ({s.unmarkedRight} of {s.unmarked})
            </td>
          </tr>
        </tbody>
      </table>
      <ReviewMarkPromise adapted={adapted} />
    </div>
  );
}

/** What the review mark promises after adapting, from the held-out folds it was refitted on. */
export function ReviewMarkPromise({ adapted }: { adapted: AdaptedHead }) {
  const own = adapted.ownCells;
  const threshold = adapted.reviewThreshold;
  if (!own || threshold === undefined) return null;
  const { unmarked, unmarkedRight } = own.adapted;
  const target = adapted.reviewTarget;
  const rule = `A cell is marked for review when the adapted model gives its class less than ${formatPercent(threshold, 1)}${
    target === undefined
      ? ''
      : `: refitted on your cells so that unmarked cells are right at least ${formatPercent(target)} of the time`
  }.`;
  return (
    <p data-testid="adapted-review-promise" data-threshold={String(threshold)} data-unmarked={unmarked}>
      {unmarked > 0 ? (
        <strong>
          After adapting, unmarked cells were right {formatPercent(unmarkedRight / unmarked)} of the time (
          {unmarkedRight} of {unmarked}) on held-out folds of your cells.
        </strong>
      ) : (
        <strong>
          On held-out folds of your cells no confidence kept that promise, so the adapted model marks every cell for
          review.
        </strong>
      )}{' '}
      {rule}
    </p>
  );
}
