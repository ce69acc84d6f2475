import type { OverlayBox } from '@/components/box-overlay';
import type { CaseCell } from './case-cells';
import { FINAL_STYLE } from './final-class-style';

/**
 * A case cell's box as every case view draws it: its final class's colour, dashed while the model
 * asks for review and nobody has decided, dotted when the image edge cuts it, labelled with its
 * number and class. `note` adds what the view needs to say (cut by the edge, drawn by hand).
 */
export function caseCellBox(c: CaseCell, note = ''): Pick<OverlayBox, 'key' | 'box' | 'stroke' | 'line' | 'label'> {
  return {
    key: c.key,
    box: c.cell.box,
    stroke: FINAL_STYLE[c.final].stroke,
    line: c.cell.needsReview && !c.decided ? 'review' : c.cell.touchesEdge ? 'edge' : 'solid',
    label: `${c.index + 1} ${FINAL_STYLE[c.final].short}${note}`,
  };
}
