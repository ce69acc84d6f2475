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
  it('adapts on the features an analysis kept, so the reviewed class wins, and resets', async () => {
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
    // Made, not used: the shipped head reads until the adaptation is kept.
    expect((await analyseImage(field, classifier)).cells[0].predicted).toBe(CELL_CLASSES[read]);
    expect(heads.modelVersion).toBe(classifier.metadata.version);
    expect(heads.use(saved)).toBe(saved.id);
    expect(heads.modelVersion).toBe(`${classifier.metadata.version}+${saved.id}`);
    expect(heads.reviewThreshold).toBe(saved.adapted.reviewThreshold);
    expect((await analyseImage(field, classifier)).cells[0].predicted).toBe(CELL_CLASSES[told]);
    heads.reset();
    expect(heads.reviewThreshold).toBe(classifier.metadata.reviewThreshold);
    expect((await analyseImage(field, classifier)).cells[0].predicted).toBe(CELL_CLASSES[read]);
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
