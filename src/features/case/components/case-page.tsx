import { useMemo, useState } from 'react';
import { useUndoKeys } from '../hooks/use-undo-keys';
import { caseCells } from '@/features/case/utils/case-cells';
import { useCalibratedCells } from '../hooks/use-calibrated-cells';
import { useCaseStore } from '../stores/case-store';
import { tally } from '@/features/case/utils/tally';
import { CaseFields } from './case-fields';
import { CaseGallery } from './case-gallery';
import { CaseHeader } from './case-header';
import { CaseHistory } from './case-history';
import { CaseReport } from './case-report';
import { CaseSectionBar } from './case-section-bar';
import { DifferentialTally } from './differential-tally';
import { FieldViewer } from './field-viewer';
import { ReviewQueue } from './review-queue';
import { ReviewedCellsHint } from './reviewed-cells-hint';
import { UndoButtons } from './undo-buttons';

/** The counting workflow: the current case's differential, review queue, gallery, images and cells, and history. */
export function CasePage() {
  const meta = useCaseStore((s) => s.meta);
  const images = useCaseStore((s) => s.images);
  const error = useCaseStore((s) => s.error);
  const restored = useCaseStore((s) => s.restored);
  const shipped = useMemo(() => caseCells(images, meta.decisions, meta), [images, meta]);
  const cells = useCalibratedCells(meta.id, shipped);
  const t = useMemo(() => tally(cells), [cells]);
  const [open, setOpen] = useState<{ imageId: string; cellKey?: string }>();
  const opened = open && images.find((i) => i.id === open.imageId);
  useUndoKeys();
  return (
    <section
      aria-labelledby="case-heading"
      className="flex flex-col gap-6"
      data-testid="case-page"
      data-restored={restored}
    >
      <h2 id="case-heading" className="sr-only">
        Case
      </h2>
      <CaseHeader meta={meta} images={images} cells={cells} />
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {images.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Add images of one slide: every white cell found joins this case's differential.
        </p>
      )}
      {images.length > 0 && (
        <CaseSectionBar>
          <UndoButtons />
        </CaseSectionBar>
      )}
      {/* The differential beside the gallery: both in view on arrival, the count beside the cells it counts. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <DifferentialTally t={t} />
        <CaseGallery cells={cells} onOpen={(c) => setOpen({ imageId: c.imageId, cellKey: c.key })} />
      </div>
      {cells.length > 0 && <ReviewQueue cells={cells} images={images} />}
      <ReviewedCellsHint cells={cells} />
      <CaseFields images={images} cells={cells} onOpen={(image) => setOpen({ imageId: image.id })} />
      <CaseHistory />
      <CaseReport meta={meta} images={images} cells={cells} t={t} />
      {opened && (
        <FieldViewer
          key={`${opened.id}:${open.cellKey ?? ''}`}
          image={opened}
          cells={cells}
          startKey={open.cellKey}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}
