import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { analyseImage } from '../core/analyse';
import type { CellClassifier } from '../core/classifier';
import { CELL_CLASSES } from '../core/model-spec';
import { HeadSwitch } from './head-switch';

let classifier: CellClassifier;
beforeAll(async () => {
  classifier = await loadNodeClassifier('public/model');
}, 60_000);

/** Embeds cells with the shipped model and fits a head: about a second alone. */
const MODEL_LIMIT = { timeout: 60_000 };

describe('HeadSwitch.adaptOnFeatures (cells reviewed in cases)', MODEL_LIMIT, () => {
  it('adapts on the features an analysis kept; a request naming it reads the reviewed class, the next one does not', async () => {
    const field = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
    const before = await analyseImage(field, classifier);
    const read = CELL_CLASSES.indexOf(before.cells[0].predicted);
    const told = (read + 1) % CELL_CLASSES.length;
    // The reviewer says the first cell is another class, and confirms a cell of a third class.
    const third = (read + 2) % CELL_CLASSES.length;
    const examples = [
      ...Array.from({ length: 4 }, () => ({ features: before.features[0], label: told })),
      ...Array.from({ length: 4 }, () => ({ features: before.features[1], label: third })),
    ];
    const heads = new HeadSwitch(classifier);
    const saved = await heads.adaptOnFeatures(examples);
    expect(saved.cellsPerClass[told]).toBe(4);
    expect(saved.modelVersion).toBe(classifier.metadata.version);
    expect(saved.adapted.ownCells?.cells).toBe(examples.length);
    // Made, not applied: the classifier itself keeps the shipped head for every request.
    const after = await analyseImage(field, classifier);
    expect(after.cells[0].predicted).toBe(CELL_CLASSES[read]);
    const shipped = heads.reading();
    expect(shipped.modelVersion).toBe(classifier.metadata.version);
    expect(shipped.reviewThreshold).toBe(classifier.metadata.reviewThreshold);
    expect(shipped.read(after.cells, after.features)).toEqual(after.cells);
    // A request that names the profile is read by its head, with its own threshold.
    const profiled = heads.reading(saved);
    expect(profiled.modelVersion).toBe(`${classifier.metadata.version}+${saved.id}`);
    expect(profiled.reviewThreshold).toBe(saved.adapted.reviewThreshold);
    expect(profiled.read(after.cells, after.features)[0].predicted).toBe(CELL_CLASSES[told]);
    // ... and the next request without one is the shipped model's again: nothing leaked.
    expect((await analyseImage(field, classifier)).cells[0].predicted).toBe(CELL_CLASSES[read]);
    expect(heads.reading().read(after.cells, after.features)[0].predicted).toBe(CELL_CLASSES[read]);
  });

  it('refuses features of another width and an empty set', async () => {
    const heads = new HeadSwitch(classifier);
    await expect(heads.adaptOnFeatures([{ features: new Float32Array(7), label: 0 }])).rejects.toThrow(/do not fit/);
    await expect(heads.adaptOnFeatures([])).rejects.toThrow(/No reviewed cells/);
  });

  it('stops when cancelled, and reports the fit as it goes', async () => {
    const heads = new HeadSwitch(classifier);
    const width = classifier.head().features;
    const examples = [0, 1, 0, 1, 0, 1].map((label, i) => ({ features: new Float32Array(width).fill(i / 10), label }));
    const fractions: number[] = [];
    const run = heads.adaptOnFeatures(examples, (p) => {
      fractions.push(p.fraction);
      if (fractions.length === 3) heads.cancel();
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(fractions).toHaveLength(3);
    expect(fractions[2]).toBeGreaterThan(fractions[0]);
  });
});

describe('HeadSwitch per request: stored cells read again, profiles kept apart', MODEL_LIMIT, () => {
  it('re-reads stored cells by one profile, another, and the shipped head, from their features alone', async () => {
    const field = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
    const analysis = await analyseImage(field, classifier);
    const read = CELL_CLASSES.indexOf(analysis.cells[0].predicted);
    const heads = new HeadSwitch(classifier);
    // Two labs: one calls the first cell the next class, the other the class after it.
    const lab = (shift: number) =>
      heads.adaptOnFeatures([
        ...Array.from({ length: 4 }, () => ({ features: analysis.features[0], label: (read + shift) % 5 })),
        ...Array.from({ length: 4 }, () => ({ features: analysis.features[1], label: (read + 3) % 5 })),
      ]);
    const first = await lab(1);
    const second = await lab(2);
    expect(first.id).not.toBe(second.id);
    // Interleaved requests, as two cases or two tabs would make them: each gets its own head.
    for (let round = 0; round < 2; round++) {
      const a = heads.reread(analysis.cells, analysis.features, first);
      const b = heads.reread(analysis.cells, analysis.features, second);
      expect(a.cells[0].predicted).toBe(CELL_CLASSES[(read + 1) % 5]);
      expect(a.modelVersion).toBe(`${classifier.metadata.version}+${first.id}`);
      expect(b.cells[0].predicted).toBe(CELL_CLASSES[(read + 2) % 5]);
      expect(b.modelVersion).toBe(`${classifier.metadata.version}+${second.id}`);
    }
    // Back to the shipped head: the classifier's own probabilities, boxes untouched.
    const back = heads.reread(analysis.cells, analysis.features);
    expect(back.modelVersion).toBe(classifier.metadata.version);
    back.cells.forEach((cell, i) => {
      expect(cell.box).toEqual(analysis.cells[i].box);
      expect(cell.predicted).toBe(analysis.cells[i].predicted);
      cell.probabilities.forEach((p, c) => expect(p).toBeCloseTo(analysis.cells[i].probabilities[c], 4));
      expect(cell.needsReview).toBe(analysis.cells[i].needsReview);
    });
  });

  it('refuses a profile made for another model version, and cells without their features', async () => {
    const heads = new HeadSwitch(classifier);
    const width = classifier.head().features;
    const examples = [0, 0, 0, 1, 1, 1].map((label, i) => ({ features: new Float32Array(width).fill(i / 10), label }));
    const saved = await heads.adaptOnFeatures(examples);
    const retired = { ...saved, modelVersion: '0.retired' };
    expect(() => heads.reading(retired)).toThrow(/made for model 0\.retired/);
    expect(() => heads.reread([], [], retired)).toThrow(/made for model 0\.retired/);
    const field = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
    const analysis = await analyseImage(field, classifier);
    expect(() => heads.reread(analysis.cells, analysis.features.slice(1), saved)).toThrow(/needs its features/);
  });
});
