import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { analyseImage, cellFromBox, classifyBox } from './analyse';
import { findWhiteCells } from './localise';
import type { RgbaImage } from './rgba-image';

let field: RgbaImage;
beforeAll(async () => {
  field = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
}, 60_000);

describe('a cell boxed by hand', () => {
  it('takes the crop rule from its box: centre, longer side as diameter, kept inside the image', () => {
    const cell = cellFromBox(field, { x: 100, y: 50, width: 60, height: 80 });
    expect(cell).toMatchObject({ centreX: 130, centreY: 90, diameter: 80, touchesEdge: false });
    const cut = cellFromBox(field, { x: -20, y: 10, width: 60, height: 40 });
    expect(cut.box).toEqual({ x: 0, y: 10, width: 40, height: 40 });
    expect(cut.touchesEdge).toBe(true);
    expect(() => cellFromBox(field, { x: 5, y: 5, width: 1, height: 30 })).toThrow(/too small/);
  });

  it('is classified like the found cell when drawn on the found box', async () => {
    const classifier = await loadNodeClassifier('public/model');
    // A cell clear of the border: there the found box is the cell's whole box, centred where the
    // finder centres its crop. A box the border cut is centred elsewhere, so its crop differs.
    const found = findWhiteCells(field).cells.find((c) => !c.touchesEdge);
    if (!found) throw new Error('the fixture field has no cell clear of its border');
    const { cell } = await classifyBox(field, found.box, classifier);
    const analysed = (await analyseImage(field, classifier)).cells.find(
      (c) => JSON.stringify(c.box) === JSON.stringify(found.box),
    );
    if (!analysed) throw new Error('the found cell is missing from the analysis');
    expect(cell.predicted).toBe(analysed.predicted);
    // Same crop up to the gains, taken from the whole image rather than its working copy.
    cell.probabilities.forEach((p, i) => expect(Math.abs(p - analysed.probabilities[i])).toBeLessThan(0.05));
    expect(cell.needsReview).toBe(cell.confidence < classifier.metadata.reviewThreshold);
  }, 120_000);
});
