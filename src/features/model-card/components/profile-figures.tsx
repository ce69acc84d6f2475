import type { LabProfile } from '@/lib/storage/adaptation-storage';
import { modelVersionLabel } from '@/lib/format/model-version-label';
import { pct, type ModelMetrics } from '@/features/model-card/utils/metrics';

const share = (part: number, whole: number) => (whole > 0 ? `${pct(part / whole)} (${part} of ${whole})` : '–');

/**
 * The lab profile the open case is read by, beside the shipped model: its own temperature and
 * review threshold, and how it read the lab's cells cross-validated (each cell by a head adapted
 * without it) where the shipped model read the same cells.
 */
export function ProfileFigures({ profile, m }: { profile: LabProfile; m: ModelMetrics }) {
  const own = profile.adapted.ownCells;
  const usable = profile.modelVersion === m.modelVersion;
  const row = 'border-b border-slate-200 dark:border-slate-800';
  return (
    <section
      aria-labelledby="profile-figures-title"
      className="flex flex-col gap-2 rounded-md border border-violet-300 p-4 text-sm dark:border-violet-800"
      data-testid="profile-figures"
      data-id={profile.id}
    >
      <h3 id="profile-figures-title" className="text-base font-semibold">
        The open case is read by the lab profile “{profile.name}”
      </h3>
      <p>
        Adapted on {profile.cellsPerClass.reduce((a, b) => a + b, 0)} of your lab&apos;s labelled cells, from model{' '}
        {modelVersionLabel(profile.modelVersion)}
        {usable ? '' : ' — not the model this app runs, so it reads nothing'}. Its figures below come from your cells;
        the shipped model&apos;s from the test sets further down.
      </p>
      <table className="w-full max-w-2xl border-collapse text-left">
        <thead>
          <tr className={row}>
            <th scope="col" className="py-1 pr-3 font-medium">
              Figure
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Lab profile
            </th>
            <th scope="col" className="py-1 font-medium">
              Shipped model
            </th>
          </tr>
        </thead>
        <tbody>
          {own && (
            <tr className={row}>
              <th scope="row" className="py-1 pr-3 font-normal">
                Right on your {own.cells} cells ({own.folds} folds)
              </th>
              <td className="py-1 pr-3" data-testid="profile-right">
                {share(own.adapted.right, own.cells)}
              </td>
              <td className="py-1">{share(own.shipped.right, own.cells)}</td>
            </tr>
          )}
          {own && (
            <tr className={row}>
              <th scope="row" className="py-1 pr-3 font-normal">
                Right among unmarked cells
              </th>
              <td className="py-1 pr-3">{share(own.adapted.unmarkedRight, own.adapted.unmarked)}</td>
              <td className="py-1">{share(own.shipped.unmarkedRight, own.shipped.unmarked)}</td>
            </tr>
          )}
          <tr className={row}>
            <th scope="row" className="py-1 pr-3 font-normal">
              Temperature
            </th>
            <td className="py-1 pr-3" data-testid="profile-temperature">
              {profile.adapted.temperature.toFixed(2)}
            </td>
            <td className="py-1">{m.calibration ? m.calibration.temperature.toFixed(2) : '–'}</td>
          </tr>
          <tr className={row}>
            <th scope="row" className="py-1 pr-3 font-normal">
              Review threshold
            </th>
            <td className="py-1 pr-3" data-testid="profile-review-threshold">
              {profile.adapted.reviewThreshold === undefined ? 'the shipped one' : pct(profile.adapted.reviewThreshold)}
            </td>
            <td className="py-1">{m.calibration ? pct(m.calibration.reviewThreshold) : '–'}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
