import { describe, expect, it } from 'vitest';
import { softmax, type LinearHead } from './classifier';
import {
  AdaptationStopped,
  adaptHeadCrossValidated,
  fitReviewThreshold,
  stratifiedFolds,
  type ShippedCalibration,
} from './cross-validated-adaptation';
import { headLogits } from './head-fit';
import { seededRandom } from './seeded-random';

const CLASSES = 5;
const FEATURES = CLASSES * 4 + 4;
const top = (p: number[]) => Math.max(...p);
const argmax = (p: number[]) => p.indexOf(top(p));

/**
 * A lab's cells in 24 dimensions: each class a cluster of its own strength (so classes are read
 * with different confidence), plus two cells labelled class 1 that look like strong class-3
 * cells, each with one feature no other cell has. A head fitted with them learns them through
 * that feature; a head fitted without them reads them, confidently, as class 3.
 */
function labWithLookAlikes() {
  const random = seededRandom(11);
  const strength = [3, 4, 6, 7, 9];
  const cell = (cls: number, own = -1, boost = 1) => {
    const x = new Float32Array(FEATURES).map(() => random() * 0.3);
    x[cls * 4] += strength[cls] * boost;
    if (own >= 0) x[CLASSES * 4 + own] += 4;
    return x;
  };
  const kernel = new Float32Array(FEATURES * CLASSES);
  for (let c = 0; c < CLASSES; c++) kernel[c * 4 * CLASSES + c] = 1;
  const shipped: ShippedCalibration = {
    head: { kernel, bias: new Float32Array(CLASSES), features: FEATURES, classes: CLASSES },
    temperature: 1,
    reviewThreshold: 0.9544,
    reviewTarget: 0.97,
  };
  const clean = Array.from({ length: CLASSES * 8 }, (_, i) => ({ features: cell(i % CLASSES), label: i % CLASSES }));
  const lookAlikes = [0, 1].map((own) => ({ features: cell(3, own, 1.3), label: 1 }));
  return { shipped, examples: [...clean, ...lookAlikes], lookAlikes: [clean.length, clean.length + 1] };
}

describe('stratifiedFolds', () => {
  it('holds every cell out exactly once, each class spread over the folds', () => {
    const labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2];
    const fold = stratifiedFolds(labels, 5);
    expect(fold).toHaveLength(labels.length);
    expect(fold.every((f) => f >= 0 && f < 5)).toBe(true);
    for (const cls of [0, 1]) {
      const folds = fold.filter((_, i) => labels[i] === cls);
      expect(new Set(folds).size).toBe(5);
    }
  });
});

describe('fitReviewThreshold (the rule of training/calibration.py)', () => {
  const read = (confidence: number, right: boolean) => ({
    probabilities: [confidence, 1 - confidence],
    label: right ? 0 : 1,
  });

  it('is the lowest confidence above which the cells were right often enough', () => {
    // Sorted: 0.99 ✓, 0.95 ✓, 0.9 ✗, 0.8 ✓: 2/2 at 0.95, 2/3 at 0.9, 3/4 at 0.8.
    const samples = [read(0.9, false), read(0.99, true), read(0.8, true), read(0.95, true)];
    expect(fitReviewThreshold(samples, 0.75)).toBe(0.8);
    expect(fitReviewThreshold(samples, 0.97)).toBe(0.95);
  });

  it('marks everything (1) when no confidence keeps the target', () => {
    expect(fitReviewThreshold([read(0.99, false), read(0.9, true)], 0.97)).toBe(1);
  });
});

describe('adaptHeadCrossValidated', () => {
  it('marks an adapted head’s confidently wrong held-out cell that the shipped threshold left unmarked', async () => {
    const { shipped, examples, lookAlikes } = labWithLookAlikes();
    const { adapted, heldOut } = await adaptHeadCrossValidated(shipped, examples);
    const threshold = adapted.reviewThreshold!;
    for (const i of lookAlikes) {
      const reading = heldOut[i];
      // Read by a head fitted without it: wrong, and sure of it.
      expect(argmax(reading.probabilities)).toBe(3);
      // The shipped threshold would have left it unmarked; the refitted one marks it.
      expect(top(reading.probabilities)).toBeGreaterThanOrEqual(shipped.reviewThreshold);
      expect(top(reading.probabilities)).toBeLessThan(threshold);
    }
    // The promise: unmarked held-out cells were right at least as often as the shipped target.
    const own = adapted.ownCells!;
    expect(own.cells).toBe(examples.length);
    expect(own.folds).toBe(5);
    expect(own.adapted.unmarked).toBeGreaterThan(0);
    expect(own.adapted.unmarkedRight / own.adapted.unmarked).toBeGreaterThanOrEqual(shipped.reviewTarget);
    expect(own.adapted.right).toBe(heldOut.filter((r) => argmax(r.probabilities) === r.label).length);
    expect(adapted.reviewTarget).toBe(shipped.reviewTarget);
  });

  it('reads each cell with a head fitted without it, while the kept head learns every cell', async () => {
    const { shipped, examples, lookAlikes } = labWithLookAlikes();
    const { adapted } = await adaptHeadCrossValidated(shipped, examples);
    for (const i of lookAlikes) {
      const p = softmax(headLogits(adapted.head, examples[i].features), adapted.temperature);
      expect(argmax(p)).toBe(1);
    }
    // So the cross-validated figure is below the kept head's reading of its own cells.
    const inSample = examples.filter(
      (e) => argmax(softmax(headLogits(adapted.head, e.features), adapted.temperature)) === e.label,
    ).length;
    expect(adapted.ownCells!.adapted.right).toBeLessThan(inSample);
    // The shipped head, which never saw the lab's labels, gets the look-alikes wrong too.
    expect(adapted.ownCells!.shipped.right).toBe(examples.length - lookAlikes.length);
  });

  it('reports progress and stops when asked, between chunks of steps', async () => {
    const { shipped, examples } = labWithLookAlikes();
    const seen: number[] = [];
    await adaptHeadCrossValidated(shipped, examples, { steps: 40, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([10, 20, 30, 40]);
    let chunks = 0;
    const run = adaptHeadCrossValidated(shipped, examples, {
      onProgress: () => chunks++,
      stopped: () => chunks >= 2,
    });
    await expect(run).rejects.toBeInstanceOf(AdaptationStopped);
    expect(chunks).toBe(2);
  });

  it('refuses to adapt on no cells', async () => {
    const head: LinearHead = { kernel: new Float32Array(8), bias: new Float32Array(2), features: 4, classes: 2 };
    const shipped = { head, temperature: 1, reviewThreshold: 0.9, reviewTarget: 0.97 };
    await expect(adaptHeadCrossValidated(shipped, [])).rejects.toThrow(/at least one/);
  });
});
