import { useMemo, useState } from 'react';
import { BoxOverlay } from '@/components/box-overlay';
import { Button } from '@/components/button';
import { ModalDialog } from '@/components/modal-dialog';
import { ZoomPanView } from '@/components/zoom-pan-view';
import type { Box } from '@/core/rgba-image';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { formatPercent } from '@/lib/format/numbers';
import type { CaseImage } from '@/lib/storage/case-types';
import { blobUrl } from '@/features/case/utils/blob-url';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { useCaseStore } from '../stores/case-store';
import { BoxDrawing } from './box-drawing';
import { ClassPicker } from './class-picker';
import { caseCellBox } from '@/features/case/utils/case-cell-box';
import { caseProfile } from '@/features/case/utils/reread-case';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';
import { UndoButtons } from './undo-buttons';

/** How far a cell opened from the gallery is zoomed: its box fills about a third of the view. */
const CELL_FILL = 1 / 3;

/**
 * One image of the case, large: zoom and pan, its cells boxed and listed. Draw a box round a
 * white cell the finder missed (the model classifies it and it joins the case, marked as added
 * by hand); remove a box that is not a white cell. Opened on a cell, it starts zoomed onto it.
 */
export function FieldViewer({
  image,
  cells,
  startKey,
  onClose,
}: {
  image: CaseImage;
  cells: readonly CaseCell[];
  startKey?: string;
  onClose: () => void;
}) {
  const decide = useCaseStore((s) => s.decide);
  const removeCells = useCaseStore((s) => s.removeCells);
  const addHandCell = useCaseStore((s) => s.addHandCell);
  const own = cells.filter((c) => c.imageId === image.id);
  const [selectedKey, setSelectedKey] = useState(startKey);
  const [drawing, setDrawing] = useState(false);
  const [status, setStatus] = useState<{ busy?: boolean; text: string }>({ text: '' });
  const start = own.find((c) => c.key === startKey);
  const focus = useMemo(() => {
    if (!start) return undefined;
    const b = start.cell.box;
    const scale = Math.min(8, Math.max(1, CELL_FILL / Math.max(b.width / image.width, b.height / image.height)));
    return { x: (b.x + b.width / 2) / image.width, y: (b.y + b.height / 2) / image.height, scale };
    // Zoom onto the cell once, when opened: later changes of its class leave the view alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startKey]);

  const classify = async (box: Box) => {
    setDrawing(false);
    setStatus({ busy: true, text: 'Classifying the box…' });
    try {
      const profile = await caseProfile(useCaseStore.getState().meta.profileId);
      const out = await analysisClient.classifyBox(image.thumbnail, box, image.width, image.height, profile);
      const { cell, cellImage: picture, features, crop } = out;
      const key = addHandCell({ imageId: image.id, cell, picture, features, crop });
      setSelectedKey(key);
      setStatus({
        text: `Added by hand: ${FINAL_STYLE[out.cell.predicted].label} ${formatPercent(out.cell.confidence)}.`,
      });
    } catch (err) {
      setStatus({ text: `The box could not be classified: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  return (
    <ModalDialog title={image.name} onClose={onClose} testId="field-viewer">
      <div className="flex flex-col gap-3 lg:flex-row">
        <div className="min-w-0 flex-1">
          <ZoomPanView
            aspect={image.width / image.height}
            label={`${image.name}, ${own.length} white cell${own.length === 1 ? '' : 's'} boxed`}
            pan={!drawing}
            focus={focus}
          >
            <img
              src={blobUrl(image.thumbnail)}
              alt=""
              draggable={false}
              className="block h-full w-full"
              width={image.width}
              height={image.height}
            />
            <BoxOverlay
              width={image.width}
              height={image.height}
              boxes={own.map((c) => ({
                ...caseCellBox(c, c.byHand ? ' · by hand' : ''),
                selected: c.key === selectedKey,
                data: { 'data-testid': 'viewer-box', 'data-final': c.final, 'data-hand': c.byHand },
                onSelect: drawing ? undefined : () => setSelectedKey(c.key),
              }))}
            />
            {drawing && <BoxDrawing width={image.width} height={image.height} onDrawn={(b) => void classify(b)} />}
          </ZoomPanView>
        </div>
        <div className="flex flex-col gap-3 lg:w-72">
          <div className="flex flex-wrap gap-2">
            <Button
              variant={drawing ? 'primary' : 'secondary'}
              aria-pressed={drawing}
              onClick={() => setDrawing((d) => !d)}
              disabled={status.busy}
              data-autofocus
            >
              Draw a missed cell
            </Button>
            <UndoButtons />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {drawing
              ? 'Drag a box round the white cell the finder missed: the model classifies it.'
              : 'Drag to move the picture, the wheel or two fingers to zoom.'}
          </p>
          <p aria-live="polite" className="min-h-5 text-sm" data-testid="viewer-status">
            {status.text}
          </p>
          <ol aria-label={`Cells of ${image.name}`} className="flex max-h-80 flex-col gap-2 overflow-auto">
            {own.map((c) => (
              <li
                key={c.key}
                data-testid="viewer-cell"
                data-key={c.key}
                data-final={c.final}
                data-hand={c.byHand}
                className={`flex flex-col gap-1 rounded-md border p-2 text-xs ${
                  c.key === selectedKey
                    ? 'border-blue-700 dark:border-blue-400'
                    : 'border-slate-200 dark:border-slate-700'
                }`}
              >
                <div className="flex items-center justify-between gap-2">
                  <button
                    type="button"
                    className="text-left font-semibold underline-offset-2 hover:underline"
                    onClick={() => setSelectedKey(c.key)}
                  >
                    #{c.index + 1} {FINAL_STYLE[c.final].label}
                    {c.byHand ? ' · added by hand' : ''}
                  </button>
                  <Button variant="ghost" className="!px-2 !py-0.5 text-xs" onClick={() => removeCells([c.key])}>
                    Remove box
                  </Button>
                </div>
                <ClassPicker
                  value={c.final}
                  label={`Class of cell ${c.index + 1}`}
                  onChange={(v) => decide(c.key, v)}
                  focusable={c.key === selectedKey}
                />
              </li>
            ))}
          </ol>
        </div>
      </div>
    </ModalDialog>
  );
}
