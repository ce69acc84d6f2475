import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findWhiteCells } from '@/core/localise';
import { decodeImageFile } from '@testkit/decode-file';
import { matchDetections } from './detection-metrics';
import { readVocBoxes } from '@testkit/voc';

export interface DetectionReport {
  split: string;
  fields: number;
  whiteCells: number;
  recall: number;
  precision: number;
  /** Precision when detections of cells cut by the border that nobody boxed are set aside. */
  precisionInsideField: number;
  unboxedEdgeCells: number;
  msPerField: number;
  misses: string[];
}

/** Scores the white-cell finder against a VOC folder's WBC boxes at IoU ≥ 0.5. */
export async function evaluateDetection(data: string, split: string): Promise<DetectionReport> {
  const listPath = join(data, 'ImageSets', 'Main', `${split}.txt`);
  if (!existsSync(listPath)) throw new Error(`no image list at ${listPath}: --data must be a BCCD (VOC) folder`);
  const ids = (await readFile(listPath, 'utf8')).split(/\s+/).filter(Boolean);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unboxedEdgeCells = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const id of ids) {
    const image = await decodeImageFile(join(data, 'JPEGImages', `${id}.jpg`));
    const truth = await readVocBoxes(join(data, 'Annotations', `${id}.xml`), 'WBC');
    const cells = findWhiteCells(image).cells;
    const all = matchDetections(
      cells.map((c) => c.box),
      truth,
    );
    // BCCD's annotators mostly left cells cut by the border unboxed; count those apart.
    const inside = matchDetections(
      cells.filter((c) => !c.touchesEdge).map((c) => c.box),
      truth,
    );
    unboxedEdgeCells += all.falsePositives - inside.falsePositives;
    tp += all.truePositives;
    fp += all.falsePositives;
    fn += all.falseNegatives;
    if (all.falsePositives || all.falseNegatives) {
      misses.push(`${id}: ${all.truePositives} found, ${all.falsePositives} extra, ${all.falseNegatives} missed`);
    }
  }
  return {
    split,
    fields: ids.length,
    whiteCells: tp + fn,
    recall: tp / Math.max(1, tp + fn),
    precision: tp / Math.max(1, tp + fp),
    precisionInsideField: tp / Math.max(1, tp + fp - unboxedEdgeCells),
    unboxedEdgeCells,
    msPerField: (performance.now() - started) / ids.length,
    misses,
  };
}
