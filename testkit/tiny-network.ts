import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '@/core/seeded-random';

/**
 * A MobileNet-shaped chain with random weights over 16 × 16 inputs: conv, depthwise, pointwise,
 * pooling, linear head; what FusedNetwork.from accepts, small enough for the CPU backend.
 */
export function tinyNetwork(): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.conv2d({
      inputShape: [16, 16, 3],
      filters: 4,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      activation: 'relu6',
      biasInitializer: 'randomNormal',
    }),
  );
  model.add(
    tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same', activation: 'relu6', biasInitializer: 'randomNormal' }),
  );
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 1, activation: 'relu6', name: 'features' }));
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: 3, name: 'logits' }));
  return model;
}

/** n seeded random 16 × 16 inputs: uniform noise of `gain`, each colour channel shifted by `offset` apart. */
export function randomBatch(n: number, seed: number, gain: number, offset: number): tf.Tensor4D {
  const random = seededRandom(seed);
  return tf.tensor4d(
    Float32Array.from({ length: n * 16 * 16 * 3 }, (_, i) => (random() * 2 - 1) * gain + offset * ((i % 3) - 1)),
    [n, 16, 16, 3],
  );
}
