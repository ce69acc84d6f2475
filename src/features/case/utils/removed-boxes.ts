import type { CaseRecord } from '@/lib/storage/case-edits';
import type { CaseImage } from '@/lib/storage/case-types';
import { caseCells } from './case-cells';

/** A box in the analysed image's whole pixels: finer figures than that mean nothing. */
export function wholeBox(box: { x: number; y: number; width: number; height: number }) {
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

/** A probability to four decimals, as the CSV writes it. */
export const probability4 = (p: number) => Math.round(p * 1e4) / 1e4;

/**
 * Every box taken out of the case or put back, oldest first, for the case's JSON: which cell (its
 * image, number and box), when, and what it was then. A removed box leaves the differential; its
 * record stays.
 */
export function removedBoxes(meta: CaseRecord, images: readonly CaseImage[]) {
  const all = new Map(caseCells(images, meta.decisions, { handCells: meta.handCells }).map((c) => [c.key, c]));
  return (meta.removals ?? []).map((r) => {
    const c = all.get(r.key);
    return {
      image: c?.imageName ?? null,
      number: c ? c.index + 1 : null,
      addedByHand: c?.byHand ?? false,
      box: c ? wholeBox(c.cell.box) : null,
      action: r.removed ? ('removed' as const) : ('put back' as const),
      at: new Date(r.at).toISOString(),
      was: r.was ?? null,
    };
  });
}
