import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { analyseImage, prepareCells } from './analyse';
import { cropToInput, cutCellCrop } from './cell-crop';
import type { CellClassifier } from './classifier';
import { softmax } from './classifier';
import { findWhiteCells } from './localise';
import { CELL_CLASSES } from './model-spec';

let classifier: CellClassifier;
beforeAll(async () => {
  classifier = await loadNodeClassifier('public/model');
}, 60_000);

/** Runs the shipped model over the parity crops: seconds alone, many more on a loaded machine. */
const MODEL_LIMIT = { timeout: 60_000 };

describe('CellClassifier (tfjs, WASM backend, the shipped model)', MODEL_LIMIT, () => {
  it('agrees with PyTorch on the exported weights within 1e-3 (training/parity.json, ≥ 32 images)', async () => {
    const parity = JSON.parse(readFileSync('training/parity.json', 'utf8'));
    expect(parity.modelVersion).toBe(classifier.metadata.version);
    expect(parity.images.length).toBeGreaterThanOrEqual(32);
    let worst = 0;
    for (const [i, file] of (parity.images as string[]).entries()) {
      const image = await decodeImageFile(`../shared/data/${file}`);
      const { cells, gains } = findWhiteCells(image);
      const [p] = await classifier.classify([cropToInput(cutCellCrop(image, cells[0], gains))]);
      worst = Math.max(worst, ...p.map((v, k) => Math.abs(v - parity.probabilities[i][k])));
    }
    expect(worst).toBeLessThanOrEqual(1e-3);
  }, 120_000);

  it('returns probabilities and leaves no tensor behind', async () => {
    const image = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
    const before = tf.memory().numTensors;
    const analysis = await analyseImage(image, classifier);
    expect(tf.memory().numTensors).toBe(before);
    expect(analysis.cells).toHaveLength(2);
    // The features kept per cell are embed()'s, and the probabilities those of classify().
    const inputs = prepareCells(image).crops.map((c) => cropToInput(c));
    const embedded = await classifier.embed(inputs);
    const classified = await classifier.classify(inputs);
    expect(analysis.features).toHaveLength(2);
    analysis.features.forEach((f, i) => expect(Array.from(f)).toEqual(Array.from(embedded[i])));
    analysis.cells.forEach((c, i) => c.probabilities.forEach((p, k) => expect(p).toBeCloseTo(classified[i][k], 6)));
    for (const cell of analysis.cells) {
      expect(cell.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(cell.confidence).toBe(Math.max(...cell.probabilities));
      expect(cell.needsReview).toBe(cell.confidence < classifier.metadata.reviewThreshold);
    }
  });

  it('classifies nothing when no white cell is found', async () => {
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(230), width: 64, height: 64 };
    expect((await analyseImage(blank, classifier)).cells).toEqual([]);
  });
});

describe('softmax with temperature', () => {
  it('keeps the argmax and softens with a higher temperature', () => {
    const logits = [2, 0.5, -1, 1];
    const sharp = softmax(logits, 1);
    const soft = softmax(logits, 2);
    expect(sharp.indexOf(Math.max(...sharp))).toBe(0);
    expect(soft.indexOf(Math.max(...soft))).toBe(0);
    expect(soft[0]).toBeLessThan(sharp[0]);
  });
});

describe('class activation maps', () => {
  it('returns a normalised map for the predicted or a chosen class and leaves no tensor behind', async () => {
    const image = await decodeImageFile('fixtures/fields/BloodImage_00007.jpg');
    const { cells, gains } = findWhiteCells(image);
    const input = cropToInput(cutCellCrop(image, cells[0], gains));
    await classifier.explain(input); // builds the explainer once
    const before = tf.memory().numTensors;
    const cam = await classifier.explain(input);
    const other = await classifier.explain(input, (cam.classIndex + 1) % CELL_CLASSES.length);
    expect(tf.memory().numTensors).toBe(before);
    expect(cam.side).toBe(8);
    expect(cam.map).toHaveLength(64);
    expect(Math.max(...cam.map)).toBeCloseTo(1, 5);
    expect(Math.min(...cam.map)).toBeGreaterThanOrEqual(0);
    expect(other.classIndex).toBe((cam.classIndex + 1) % CELL_CLASSES.length);
    const [p] = await classifier.classify([input]);
    expect(cam.classIndex).toBe(p.indexOf(Math.max(...p)));
  });
});

describe('class activation map machinery', () => {
  it('peaks on the one bright blob of a synthetic image, for a network whose evidence is brightness', async () => {
    const { paintDiscs } = await import('@testkit/test-image');
    const { CellClassifier } = await import('./classifier');
    // A tiny network with the shipped one's shape (features → pool → logits) whose class-0
    // evidence at each position is that position's brightness.
    const net = tf.sequential({
      layers: [
        tf.layers.averagePooling2d({ poolSize: 16, inputShape: [128, 128, 3], name: 'shrink' }),
        tf.layers.conv2d({
          filters: 2,
          kernelSize: 1,
          name: 'features',
          activation: 'relu',
          kernelInitializer: 'ones',
        }),
        tf.layers.globalAveragePooling2d({ name: 'pool' }),
        tf.layers.dense({ units: CELL_CLASSES.length, name: 'logits', kernelInitializer: 'ones' }),
      ],
    });
    let artifacts!: tf.io.ModelArtifacts;
    await net.save(
      tf.io.withSaveHandler(
        async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }),
      ),
    );
    const weights = new Uint8Array(artifacts.weightData as ArrayBuffer);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', weights)).toString('hex');
    const metadata = {
      ...classifier.metadata,
      // This network is not the shipped one: the shipped network's statistics and reject head do not belong to it.
      trainingStatistics: undefined,
      notWhiteCell: undefined,
      featureLayer: 'features',
      temperature: 1,
      shards: [{ path: 'w.bin', bytes: weights.length, sha256: digest }],
    };
    const files: Record<string, ConstructorParameters<typeof Response>[0]> = {
      'metadata.json': JSON.stringify(metadata),
      'model.json': JSON.stringify({
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['w.bin'], weights: artifacts.weightSpecs }],
      }),
      'w.bin': weights,
    };
    const toy = await CellClassifier.load('mem', { fetchFn: async (url) => new Response(files[url.slice(4)]) });
    const image = paintDiscs(128, 128, [40, 40, 40], [{ x: 36, y: 92, r: 18, rgb: [250, 250, 250] }]);
    const cam = await toy.explain(cropToInput(image.data), 0);
    const peak = cam.map.indexOf(1);
    expect([peak % cam.side, Math.floor(peak / cam.side)]).toEqual([2, 5]);
    toy.dispose();
    net.dispose();
  });
});

describe('explainAll', () => {
  it('gives every class its map, the same as explaining each class alone', async () => {
    const image = await decodeImageFile('fixtures/fields/BloodImage_00015.jpg');
    const { cells, gains } = findWhiteCells(image);
    const input = cropToInput(cutCellCrop(image, cells[0], gains));
    const all = await classifier.explainAll(input);
    expect(all.map((m) => m.classIndex)).toEqual(CELL_CLASSES.map((_, i) => i));
    const two = await classifier.explain(input, 2);
    expect(Array.from(all[2].map)).toEqual(Array.from(two.map));
  });
});
