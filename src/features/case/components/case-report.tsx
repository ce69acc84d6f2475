import { createPortal } from 'react-dom';
import { CELL_CLASSES } from '@/core/model-spec';
import { formatPercentInterval } from '@/lib/format/binomial-interval';
import { NOT_WBC, type CaseImage, type CaseMeta, type FinalClass } from '@/lib/storage/case-types';
import { blobUrl } from '@/features/case/utils/blob-url';
import type { CaseCell } from '@/features/case/utils/case-cells';
import type { Tally } from '@/features/case/utils/tally';
import { formatPerHundred } from '@/lib/differential/white-cell-differential';
import { IG_REVIEW_PERCENT } from '@/lib/differential/review-flags';
import { ReviewFlagsNote } from './review-flags-note';
import { NucleatedCellCount } from './nucleated-cell-count';
import './case-report.css';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';
import { modelThatRead } from '@/lib/format/model-that-read';
import { calibrationText } from '@/features/case/utils/calibrated-reading';
import { WBC_CORRECTION_FORMULA } from '@/features/case/utils/count-summary';
import { useCalibrationNote } from '../hooks/use-calibration-note';

const GROUPS: readonly FinalClass[] = [...CELL_CLASSES, NOT_WBC];

const cellWord = (n = 0) => `${n} cell${n === 1 ? '' : 's'}`;
const countBy = <T,>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/**
 * The printed report (window.print): hidden on screen, alone on paper. The flags for review at its
 * top; case, date, the differential over white cells with each percentage's 95 % interval (and a
 * warning when fewer cells were counted than the target), the nucleated red cells per 100 white
 * cells beside it and the white count's correction, every cell's picture grouped by final class
 * with what a person reviewed, the model version, lines for the reviewer to sign, the disclaimer.
 */
export function CaseReport({
  meta,
  images,
  cells,
  t,
}: {
  meta: CaseMeta;
  images: readonly CaseImage[];
  cells: readonly CaseCell[];
  t: Tally;
}) {
  const some = t.whiteCells > 0;
  const calibration = useCalibrationNote(meta.id, cells);
  // The lab profile that read the case, by name, with the weights' version.
  const versions = [...new Set(images.map((i) => modelThatRead(i.modelVersion).text))].join(', ');
  const imageNo = new Map(images.map((im, k) => [im.id, k + 1]));
  // The image's cells as the case counts them: drawn by hand included, removed boxes left out.
  const perImage = countBy(cells, (c) => c.imageId);
  return createPortal(
    <article className="case-report hidden bg-white p-6 text-black" data-testid="case-report">
      <h1 className="text-xl font-bold">HematoVision — white cell differential</h1>
      <div className="mt-2">
        <ReviewFlagsNote flags={t.flags} printed />
      </div>
      <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 text-sm">
        <dt>Case</dt>
        <dd data-testid="report-case-name">{meta.name}</dd>
        <dt>Printed</dt>
        <dd>{new Date().toLocaleString()}</dd>
        <dt>Case started</dt>
        <dd>{new Date(meta.createdAt).toLocaleString()}</dd>
        <dt>Images</dt>
        <dd>{images.length}</dd>
        <dt>Model version</dt>
        <dd>{versions || '–'}</dd>
        <dt>Reading</dt>
        <dd data-testid="report-calibration">
          {calibrationText(calibration)}
          {calibration && `; ${calibration.changedClass} of ${calibration.cellsRead} cells changed class`}
        </dd>
      </dl>
      <ol className="mt-2 list-inside list-decimal text-xs" aria-label="Images">
        {images.map((im) => (
          <li key={im.id}>
            {im.name} — {cellWord(perImage.get(im.id))}
          </li>
        ))}
      </ol>
      <table className="mt-4 w-full max-w-md border-collapse text-sm" data-testid="report-differential">
        <caption className="text-left font-semibold">
          Differential of {t.whiteCells} white cells (target {meta.target})
        </caption>
        <thead>
          <tr>
            <th className="border-b border-black py-1 text-left">Class</th>
            <th className="border-b border-black py-1 text-right">Count</th>
            <th className="border-b border-black py-1 text-right">%</th>
            <th className="border-b border-black py-1 pl-3 text-right">95 % interval</th>
          </tr>
        </thead>
        <tbody>
          {t.white.map((r) => (
            <tr key={r.cls}>
              <td className="py-0.5">{FINAL_STYLE[r.cls].label}</td>
              <td className="py-0.5 text-right">{r.count}</td>
              <td className="py-0.5 text-right">{some ? `${r.percent}%` : '–'}</td>
              <td className="py-0.5 pl-3 text-right">{some ? `${formatPercentInterval(r.interval)}%` : '–'}</td>
            </tr>
          ))}
          <tr>
            <td className="border-t border-black py-0.5 font-semibold">White cells</td>
            <td className="border-t border-black py-0.5 text-right font-semibold">{t.whiteCells}</td>
            <td className="border-t border-black py-0.5 text-right font-semibold">{some ? '100%' : '–'}</td>
            <td className="border-t border-black" />
          </tr>
          {t.perHundred.map((r) => (
            <tr key={r.cls} data-testid={`report-${r.cls}`}>
              <td className="py-0.5">{FINAL_STYLE[r.cls].label} (NRBC)</td>
              <td className="py-0.5 text-right">{r.count}</td>
              <td colSpan={2} className="py-0.5 pl-3 text-right">
                {r.perHundredWhite === null ? '–' : formatPerHundred(r.perHundredWhite)} per 100 WBC
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2">
        <NucleatedCellCount d={t} printed />
      </div>
      {t.whiteCells < meta.target && (
        <p className="mt-2 border-2 border-black p-2 text-sm font-semibold" data-testid="report-below-target">
          {t.whiteCells} cell{t.whiteCells === 1 ? '' : 's'} counted, below the target of {meta.target}: the percentages
          are less certain than a full count's (see the intervals).
        </p>
      )}
      <p className="mt-1 text-xs" data-testid="report-how-counted">
        How it is counted: percentages are of the white cells only, immature granulocytes among them; nucleated red
        cells (NRBC) are not white cells and are given per 100 white cells beside the differential. A white count that
        took them for white cells is corrected as labs do: {WBC_CORRECTION_FORMULA}. Flagged for review: immature
        granulocytes at {IG_REVIEW_PERCENT} % of the white cells or more, and any nucleated red cell. 95 % interval:
        exact binomial limits for the {t.whiteCells} white cell{t.whiteCells === 1 ? '' : 's'} counted (as tabulated by
        Rümke). Not counted (not a white cell / unclassifiable): {t.excluded}. Reviewed by a person: {t.reviewed} (
        {t.reviewed - t.corrected} confirmed, {t.corrected} corrected).
      </p>
      {GROUPS.map((g) => {
        const group = cells.filter((c) => c.final === g);
        if (group.length === 0) return null;
        return (
          <section key={g} className="mt-4">
            <h2 className="text-base font-semibold">
              {FINAL_STYLE[g].label} ({group.length})
            </h2>
            <div className="mt-1 flex flex-wrap gap-2">
              {group.map((c) => {
                const picture = c.picture;
                return (
                  <figure key={c.key} className="w-16 text-[9px] leading-tight">
                    {picture && <img src={blobUrl(picture)} alt="" width={64} height={64} className="h-16 w-16" />}
                    <figcaption title={c.imageName}>
                      image {imageNo.get(c.imageId)} · #{c.index + 1}
                      {c.byHand ? ' ✎' : ''}
                      {c.decided ? ' ✓' : ''}
                      {c.corrected ? '*' : ''}
                    </figcaption>
                  </figure>
                );
              })}
            </div>
          </section>
        );
      })}
      <p className="mt-2 text-xs">
        Each picture: image number (list above) · cell number on that image. ✎ drawn by hand. ✓ reviewed by a person. *
        corrected (the model's class differed).
      </p>
      <dl
        className="mt-8 grid max-w-lg grid-cols-[7rem_1fr] items-end gap-x-3 gap-y-8 text-sm"
        data-testid="report-sign-off"
      >
        <dt>Reviewer</dt>
        <dd className="h-6 border-b border-black" />
        <dt>Date</dt>
        <dd className="h-6 border-b border-black" />
        <dt>Signature</dt>
        <dd className="h-6 border-b border-black" />
      </dl>
      <p className="mt-4 border-t border-black pt-2 text-sm font-semibold">
        For education and research; not a diagnostic device.
      </p>
    </article>,
    document.body,
  );
}
