import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '@testkit/decode-file';
import { fileFetch, loadNodeClassifier } from '@testkit/node-tfjs';
import { cropToInput, cutCellCrop } from './cell-crop';
import { CellClassifier } from './classifier';
import { FusedNetwork } from './fused-network';
import { findWhiteCells } from './localise';

const MODEL_LIMIT = { timeout: 60_000 };

let fused: CellClassifier;
let layers: CellClassifier;
let crops: Float32Array[];
beforeAll(async () => {
  fused = await loadNodeClassifier('public/model');
  layers = await CellClassifier.load('public/model', { fetchFn: fileFetch, layersOnly: true });
  crops = [];
  for (const name of ['BloodImage_00007', 'BloodImage_00015', 'BloodImage_00031']) {
    const image = await decodeImageFile(`fixtures/fields/${name}.jpg`);
    const { cells, gains } = findWhiteCells(image);
    crops.push(...cells.map((cell) => cropToInput(cutCellCrop(image, cell, gains))));
  }
}, 60_000);

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));
}

describe('the shipped classifier as fused ops', MODEL_LIMIT, () => {
  it('runs fused, and gives the LayersModel’s probabilities and features on real crops', async () => {
    expect(fused.runsFused).toBe(true);
    expect(layers.runsFused).toBe(false);
    expect(crops.length).toBeGreaterThanOrEqual(4);
    const a = await fused.classifyWithFeatures(crops);
    const b = await layers.classifyWithFeatures(crops);
    a.probabilities.forEach((p, i) => expect(maxAbsDifference(p, b.probabilities[i])).toBeLessThan(1e-4));
    a.features.forEach((f, i) => expect(maxAbsDifference(f, b.features[i])).toBeLessThan(1e-4));
    // A batch reads each crop as it reads it alone.
    const [alone] = await fused.classify([crops[2]]);
    expect(maxAbsDifference(alone, a.probabilities[2])).toBeLessThan(1e-5);
  });

  it('draws the same class activation maps', async () => {
    const a = await fused.explainAll(crops[0]);
    const b = await layers.explainAll(crops[0]);
    a.forEach((m, c) => {
      expect(m.side).toBe(b[c].side);
      expect(maxAbsDifference(m.map, b[c].map)).toBeLessThan(1e-3);
    });
  });

  it('reads a swapped head, and leaves no tensor behind', async () => {
    const shipped = fused.head();
    const bias = shipped.bias.map((v, k) => (k === 0 ? v + 50 : v));
    try {
      await fused.classify(crops); // any first-call caches built before counting
      const before = tf.memory().numTensors;
      fused.setHead({ ...shipped, bias }, 1);
      const probabilities = await fused.classify(crops);
      await fused.explainAll(crops[0]);
      await fused.embed(crops);
      expect(tf.memory().numTensors).toBe(before);
      probabilities.forEach((p) => expect(p[0]).toBeGreaterThan(0.99));
    } finally {
      fused.setHead(shipped, fused.metadata.temperature);
    }
  });
});

/**
 * A chain of the layers MobileNet v1 uses (with `extra` before the last convolution), random
 * weights and biases big enough that relu6 clips.
 */
function smallNetwork(side: number, padding: [[number, number], [number, number]], extra: tf.layers.Layer[]) {
  const random = { kernelInitializer: tf.initializers.randomNormal({ stddev: 1, seed: 1 }) };
  const bias = { biasInitializer: tf.initializers.randomNormal({ stddev: 1, seed: 2 }) };
  return tf.sequential({
    layers: [
      tf.layers.zeroPadding2d({ padding, inputShape: [side, side, 3] }),
      tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, activation: 'relu6', ...random, ...bias }),
      tf.layers.depthwiseConv2d({
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        depthwiseInitializer: 'glorotNormal',
        ...bias,
      }),
      tf.layers.zeroPadding2d({
        padding: [
          [0, 1],
          [0, 1],
        ],
      }),
      tf.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, activation: 'relu6', useBias: false }),
      ...extra,
      tf.layers.conv2d({ filters: 6, kernelSize: 1, activation: 'linear', name: 'last', ...random, ...bias }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 3, name: 'head', ...bias }),
    ],
  });
}

describe('FusedNetwork', () => {
  it.each([
    ['MobileNet’s [[0, 1], [0, 1]] on an even side (run as same padding)', 16, [0, 1]],
    ['[[0, 1], [0, 1]] on an odd side', 15, [0, 1]],
    ['[[1, 1], [1, 1]]', 16, [1, 1]],
  ] as const)('runs a chain with padding %s as the LayersModel does', (_, side, pad) => {
    const net = smallNetwork(side, [[...pad], [...pad]], []);
    const network = FusedNetwork.from(net, 'last', 'head');
    expect(network).toBeDefined();
    const before = tf.memory().numTensors;
    const [diffMap, diffLogits, clipped] = tf.tidy(() => {
      const x = tf.randomUniform([2, side, side, 3], -3, 3, 'float32', 3) as tf.Tensor4D;
      const mine = network!.apply(x);
      const expectedMap = tf.model({ inputs: net.inputs, outputs: net.getLayer('last').output as tf.SymbolicTensor });
      const theirs = expectedMap.predict(x) as tf.Tensor;
      const firstConv = tf.model({ inputs: net.inputs, outputs: net.layers[1].output as tf.SymbolicTensor });
      return [
        tf.max(tf.abs(tf.sub(mine.featureMap, theirs))).dataSync()[0],
        tf.max(tf.abs(tf.sub(mine.logits, net.predict(x) as tf.Tensor))).dataSync()[0],
        tf.max(firstConv.predict(x) as tf.Tensor).dataSync()[0],
      ];
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(clipped).toBe(6);
    expect(diffMap).toBeLessThan(1e-4);
    expect(diffLogits).toBeLessThan(1e-4);
    net.dispose();
  });

  it('declines a network with a layer it cannot fuse exactly', () => {
    const cases: [string, tf.Sequential, string][] = [
      [
        'batch normalisation',
        smallNetwork(
          16,
          [
            [0, 1],
            [0, 1],
          ],
          [tf.layers.batchNormalization({})],
        ),
        'head',
      ],
      [
        'a sigmoid',
        smallNetwork(
          16,
          [
            [0, 1],
            [0, 1],
          ],
          [tf.layers.conv2d({ filters: 2, kernelSize: 1, activation: 'sigmoid' })],
        ),
        'head',
      ],
      [
        'a dilated convolution',
        smallNetwork(
          16,
          [
            [0, 1],
            [0, 1],
          ],
          [tf.layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' })],
        ),
        'head',
      ],
      [
        'a head that is not the last layer',
        smallNetwork(
          16,
          [
            [0, 1],
            [0, 1],
          ],
          [],
        ),
        'nothing',
      ],
    ];
    for (const [what, net, head] of cases) {
      expect(FusedNetwork.from(net, 'last', head), what).toBeUndefined();
      net.dispose();
    }
  });
});
