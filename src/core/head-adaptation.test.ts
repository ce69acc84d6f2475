import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { loadNodeClassifier } from '@testkit/node-tfjs';
import { prepareCells } from './analyse';
import { cropToInput } from './cell-crop';
import { softmax, type CellClassifier, type LinearHead } from './classifier';
import { adaptHead, fitTemperature, labelledCellFeatures } from './head-adaptation';
import { seededRandom } from './seeded-random';

let classifier: CellClassifier;
beforeAll(async () => {
  classifier = await loadNodeClassifier('public/model');
}, 60_000);

const argmax = (v: number[]) => v.indexOf(Math.max(...v));

function logits(head: LinearHead, x: Float32Array): number[] {
  return Array.from({ length: head.classes }, (_, c) => {
    let z = head.bias[c];
    for (let j = 0; j < head.features; j++) z += x[j] * head.kernel[j * head.classes + c];
    return z;
  });
}

/** 4 clusters in 16 dimensions; a base head that reads every cluster as class 0. */
function synthetic() {
  const random = seededRandom(7);
  const features = 16;
  const base: LinearHead = {
    kernel: new Float32Array(features * 4),
    bias: new Float32Array([2, 0, 0, 0]),
    features,
    classes: 4,
  };
  const examples = Array.from({ length: 40 }, (_, i) => {
    const label = i % 4;
    const x = new Float32Array(features).map(() => random() * 0.3);
    x[label * 4] += 3;
    return { features: x, label };
  });
  return { base, examples };
}

/** Runs of the shipped model and head fits; under a second alone, many on a loaded machine. */
const MODEL_LIMIT = { timeout: 60_000 };

describe('adaptHead', MODEL_LIMIT, () => {
  it('learns a lab whose cells the shipped head gets wrong, and releases its tensors', () => {
    const { base, examples } = synthetic();
    expect(examples.filter((e) => argmax(logits(base, e.features)) === e.label)).toHaveLength(10);
    const before = tf.memory().numTensors;
    const adapted = adaptHead(base, examples);
    expect(tf.memory().numTensors).toBe(before);
    expect(examples.every((e) => argmax(logits(adapted, e.features)) === e.label)).toBe(true);
  });

  it('stays near the shipped head when the anchor is strong', () => {
    const { base, examples } = synthetic();
    const loose = adaptHead(base, examples, { anchor: 0 });
    const held = adaptHead(base, examples, { anchor: 1e4 });
    const distance = (h: LinearHead) => h.kernel.reduce((s, v, i) => s + (v - base.kernel[i]) ** 2, 0);
    expect(distance(held)).toBeLessThan(distance(loose) / 10);
  });

  it('refuses to adapt on no cells', () => {
    expect(() => adaptHead(synthetic().base, [])).toThrow(/at least one/);
  });
});

describe('fitTemperature', () => {
  it('softens over-confident logits and sharpens timid ones', () => {
    // Right 3 times out of 4 at any scale: the calibrated top probability should be about 0.75.
    const make = (scale: number) => [0, 1, 2, 3].map((i) => ({ logits: [scale, 0, 0, 0], label: i === 3 ? 1 : 0 }));
    const hot = fitTemperature(make(20));
    const cold = fitTemperature(make(0.5));
    expect(hot).toBeGreaterThan(1);
    expect(cold).toBeLessThan(1);
    expect(softmax([20, 0, 0, 0], hot)[0]).toBeCloseTo(0.75, 1);
  });
});

describe('CellClassifier head and features (the shipped model)', MODEL_LIMIT, () => {
  it('features × head = the logits classify() uses; a swapped head swaps the answer; tensors released', async () => {
    const image = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
    const input = cropToInput(prepareCells(image).crops[0]);
    const shipped = classifier.head();
    const t = classifier.temperature;
    const before = tf.memory().numTensors;
    const [features] = await classifier.embed([input]);
    const [p] = await classifier.classify([input]);
    expect(features).toHaveLength(shipped.features);
    softmax(logits(shipped, features), t).forEach((v, c) => expect(v).toBeCloseTo(p[c], 4));

    // Exchange the columns of the predicted class and the next one: the probabilities follow.
    const top = argmax(p);
    const other = (top + 1) % shipped.classes;
    const kernel = shipped.kernel.slice();
    const bias = shipped.bias.slice();
    for (let j = 0; j < shipped.features; j++) {
      const row = j * shipped.classes;
      [kernel[row + top], kernel[row + other]] = [kernel[row + other], kernel[row + top]];
    }
    [bias[top], bias[other]] = [bias[other], bias[top]];
    classifier.setHead({ ...shipped, kernel, bias }, t);
    const [swapped] = await classifier.classify([input]);
    classifier.setHead(shipped, classifier.metadata.temperature);
    expect(swapped[other]).toBeCloseTo(p[top], 5);
    expect(argmax(swapped)).toBe(other);
    expect((await classifier.classify([input]))[0]).toEqual(p);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads the labelled cell of an image, or none from an image without one', async () => {
    const field = await decodeImageFile('fixtures/fields/BloodImage_00031.jpg');
    const example = await labelledCellFeatures(field, 2, classifier);
    expect(example?.label).toBe(2);
    expect(example?.features).toHaveLength(classifier.head().features);
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(230), width: 64, height: 64 };
    expect(await labelledCellFeatures(blank, 0, classifier)).toBeNull();
  });

  it('refuses a head of the wrong shape', () => {
    const wrong: LinearHead = { kernel: new Float32Array(8), bias: new Float32Array(4), features: 2, classes: 4 };
    expect(() => classifier.setHead(wrong, 1)).toThrow(/does not fit/);
  });
});
