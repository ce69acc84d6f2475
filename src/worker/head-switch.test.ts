import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '../../scripts/lib/decode-file';
import { loadNodeClassifier } from '../../scripts/lib/node-tfjs';
import { analyseImage } from '../core/analyse';
import type { CellClassifier } from '../core/classifier';
import { CELL_CLASSES } from '../core/model-spec';
import { HeadSwitch } from './head-switch';

let classifier: CellClassifier;
beforeAll(async () => {
  classifier = await loadNodeClassifier('public/model');
}, 60_000);

describe('HeadSwitch.adaptOnFeatures (cells reviewed in cases)', () => {
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
    const saved = heads.adaptOnFeatures(examples);
    expect(saved.cellsPerClass[told]).toBe(4);
    expect(saved.modelVersion).toBe(classifier.metadata.version);
    expect((await analyseImage(field, classifier)).cells[0].predicted).toBe(CELL_CLASSES[told]);
    heads.reset();
    expect((await analyseImage(field, classifier)).cells[0].predicted).toBe(CELL_CLASSES[read]);
  });

  it('refuses features of another width and an empty set', () => {
    const heads = new HeadSwitch(classifier);
    expect(() => heads.adaptOnFeatures([{ features: new Float32Array(7), label: 0 }])).toThrow(/do not fit/);
    expect(() => heads.adaptOnFeatures([])).toThrow(/No reviewed cells/);
  });
});
