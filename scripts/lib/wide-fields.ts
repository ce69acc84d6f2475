import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findWhiteCells } from '@/core/localise';
import { resampleRegion } from '@/core/resample';
import type { Box, RgbaImage } from '@/core/rgba-image';
import { bccdMosaic } from '@testkit/bccd-mosaic';
import { matchDetections } from './detection-metrics';

export interface WideFieldReport {
  readonly images: number;
  readonly whiteCells: number;
  readonly recall: number;
  readonly precision: number;
  /** The magnification the cell finder read each image at, sorted. */
  readonly magnifications: number[];
}

/**
 * Cell finding on n × n BCCD fields side by side, each image n times as wide at the same
 * magnification (the way a lower objective or a wider camera sees the slide), then enlarged
 * `zoom` times (the same view through a finer camera). Scored at IoU ≥ 0.5 against the WBC boxes.
 */
export async function evaluateWideFields(data: string, split: string, n: number, zoom = 1): Promise<WideFieldReport> {
  const list = join(data, 'ImageSets', 'Main', `${split}.txt`);
  if (!existsSync(list)) throw new Error(`no image list at ${list}: --data must be a BCCD (VOC) folder`);
  const ids = (await readFile(list, 'utf8')).split(/\s+/).filter(Boolean);
  let [tp, fp, fn, images] = [0, 0, 0, 0];
  const magnifications: number[] = [];
  for (let start = 0; start + n * n <= ids.length; start += n * n) {
    const { image, truth } = enlarge(await bccdMosaic(data, ids.slice(start, start + n * n), n), zoom);
    const found = findWhiteCells(image);
    const m = matchDetections(
      found.cells.map((c) => c.box),
      truth,
    );
    tp += m.truePositives;
    fp += m.falsePositives;
    fn += m.falseNegatives;
    images++;
    magnifications.push(found.magnification);
  }
  magnifications.sort((a, b) => a - b);
  return {
    images,
    whiteCells: tp + fn,
    recall: tp / Math.max(1, tp + fn),
    precision: tp / Math.max(1, tp + fp),
    magnifications,
  };
}

/** The same field at `zoom` times the pixels, its boxes along. */
function enlarge(field: { image: RgbaImage; truth: Box[] }, zoom: number): { image: RgbaImage; truth: Box[] } {
  if (zoom === 1) return field;
  const { image, truth } = field;
  const [width, height] = [image.width * zoom, image.height * zoom];
  const data = resampleRegion(image, { x: 0, y: 0, width: image.width, height: image.height }, width, height);
  const scaled = truth.map((b) => ({ x: b.x * zoom, y: b.y * zoom, width: b.width * zoom, height: b.height * zoom }));
  return { image: { data, width, height }, truth: scaled };
}
