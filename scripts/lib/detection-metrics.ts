import { boxIoU, type Box } from '@/core/rgba-image';

export interface DetectionCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Greedy one-to-one matching of predicted to true boxes at IoU ≥ `minIoU`, best pairs first. */
export function matchDetections(predicted: Box[], truth: Box[], minIoU = 0.5): DetectionCounts {
  const pairs: { p: number; t: number; iou: number }[] = [];
  predicted.forEach((p, pi) =>
    truth.forEach((t, ti) => {
      const iou = boxIoU(p, t);
      if (iou >= minIoU) pairs.push({ p: pi, t: ti, iou });
    }),
  );
  pairs.sort((a, b) => b.iou - a.iou);
  const usedP = new Set<number>();
  const usedT = new Set<number>();
  for (const { p, t } of pairs) {
    if (usedP.has(p) || usedT.has(t)) continue;
    usedP.add(p);
    usedT.add(t);
  }
  return {
    truePositives: usedP.size,
    falsePositives: predicted.length - usedP.size,
    falseNegatives: truth.length - usedT.size,
  };
}
