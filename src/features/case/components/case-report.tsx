import { createPortal } from 'react-dom';
import { CELL_CLASSES } from '../../../core/model-spec';
import { NOT_WBC, type CaseImage, type CaseMeta, type FinalClass } from '../../../lib/case-types';
import { blobUrl } from '../hooks/blob-url';
import type { CaseCell } from '../stores/case-cells';
import { wholePercents, type Tally } from '../stores/tally';
import './case-report.css';
import { FINAL_STYLE } from './final-class-style';
import { modelVersionLabel } from '../../../lib/model-version-label';

const GROUPS: readonly FinalClass[] = [...CELL_CLASSES, NOT_WBC];

/**
 * The printed report (window.print): hidden on screen, alone on paper. Case, date, the
 * differential, every cell's picture grouped by final class, the model version, the disclaimer.
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
  const percents = wholePercents(t.counts);
  const versions = [...new Set(images.map((i) => modelVersionLabel(i.modelVersion)))].join(', ');
  const pictures = new Map(images.map((i) => [i.id, i.cellImages]));
  const imageNo = new Map(images.map((im, k) => [im.id, k + 1]));
  return createPortal(
    <article className="case-report hidden bg-white p-6 text-black" data-testid="case-report">
      <h1 className="text-xl font-bold">HematoVision — white cell differential</h1>
      <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 text-sm">
        <dt>Case</dt>
        <dd data-testid="report-case-name">{meta.name}</dd>
        <dt>Date</dt>
        <dd>{new Date().toLocaleString()}</dd>
        <dt>Case started</dt>
        <dd>{new Date(meta.createdAt).toLocaleString()}</dd>
        <dt>Images</dt>
        <dd>{images.length}</dd>
        <dt>Model version</dt>
        <dd>{versions || '–'}</dd>
      </dl>
      <ol className="mt-2 list-inside list-decimal text-xs" aria-label="Images">
        {images.map((im) => (
          <li key={im.id}>
            {im.name} — {im.cells.length} cell{im.cells.length === 1 ? '' : 's'}
          </li>
        ))}
      </ol>
      <table className="mt-4 w-full max-w-md border-collapse text-sm" data-testid="report-differential">
        <caption className="text-left font-semibold">
          Differential of {t.counted} white cells (target {meta.target})
        </caption>
        <thead>
          <tr>
            <th className="border-b border-black py-1 text-left">Class</th>
            <th className="border-b border-black py-1 text-right">Count</th>
            <th className="border-b border-black py-1 text-right">%</th>
          </tr>
        </thead>
        <tbody>
          {CELL_CLASSES.map((c) => (
            <tr key={c}>
              <td className="py-0.5">{FINAL_STYLE[c].label}</td>
              <td className="py-0.5 text-right">{t.counts[c]}</td>
              <td className="py-0.5 text-right">{t.counted > 0 ? `${percents[c]}%` : '–'}</td>
            </tr>
          ))}
          <tr>
            <td className="border-t border-black py-0.5 font-semibold">Total</td>
            <td className="border-t border-black py-0.5 text-right font-semibold">{t.counted}</td>
            <td className="border-t border-black py-0.5 text-right font-semibold">{t.counted > 0 ? '100%' : '–'}</td>
          </tr>
        </tbody>
      </table>
      <p className="mt-1 text-xs">
        Not counted (not a white cell / unclassifiable): {t.excluded}. Corrected by the user: {t.corrected}.
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
                const picture = pictures.get(c.imageId)?.[c.index];
                return (
                  <figure key={c.key} className="w-16 text-[9px] leading-tight">
                    {picture && <img src={blobUrl(picture)} alt="" width={64} height={64} className="h-16 w-16" />}
                    <figcaption title={c.imageName}>
                      image {imageNo.get(c.imageId)} · #{c.index + 1}
                      {c.corrected ? ' *' : ''}
                    </figcaption>
                  </figure>
                );
              })}
            </div>
          </section>
        );
      })}
      <p className="mt-2 text-xs">
        Each picture: image number (list above) · cell number on that image. * corrected by the user (the model's class
        differed).
      </p>
      <p className="mt-4 border-t border-black pt-2 text-sm font-semibold">
        For education and research; not a diagnostic device.
      </p>
    </article>,
    document.body,
  );
}
