import * as tf from '@tensorflow/tfjs';

/** The seed's input side: MobileNetV2's standard 224 × 224. */
export const SEED_INPUT_SIZE = 224;

/** MobileNetV2's bottleneck table (Sandler et al. 2018, table 2): expansion t, channels c, repeats n, stride s. */
const BLOCKS: readonly [t: number, c: number, n: number, s: number][] = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

type Sym = tf.SymbolicTensor;
const relu6 = (x: Sym) => tf.layers.reLU({ maxValue: 6 }).apply(x) as Sym;
const bn = (x: Sym) => tf.layers.batchNormalization({ epsilon: 1e-3, momentum: 0.999 }).apply(x) as Sym;
const conv1x1 = (x: Sym, filters: number) =>
  tf.layers.conv2d({ filters, kernelSize: 1, padding: 'same', useBias: false }).apply(x) as Sym;

function invertedResidual(x: Sym, expansion: number, filters: number, stride: number): Sym {
  const inChannels = x.shape[3] as number;
  let h = x;
  if (expansion !== 1) h = relu6(bn(conv1x1(h, inChannels * expansion)));
  h = tf.layers.depthwiseConv2d({ kernelSize: 3, strides: stride, padding: 'same', useBias: false }).apply(h) as Sym;
  h = relu6(bn(h));
  h = bn(conv1x1(h, filters)); // linear bottleneck: no activation
  return stride === 1 && inChannels === filters ? (tf.layers.add().apply([x, h]) as Sym) : h;
}

/**
 * The seed app's classifier architecture — MobileNetV2, α = 1.0, 224 × 224, a 4-class head —
 * with random weights. It exists only so the benchmark can time it beside ours on the same
 * backend and worker path; it is never used to classify.
 */
export function buildSeedMobileNetV2(classes = 4): tf.LayersModel {
  const input = tf.input({ shape: [SEED_INPUT_SIZE, SEED_INPUT_SIZE, 3] });
  let x = tf.layers
    .conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', useBias: false })
    .apply(input) as Sym;
  x = relu6(bn(x));
  for (const [t, c, n, s] of BLOCKS) {
    for (let i = 0; i < n; i++) x = invertedResidual(x, t, c, i === 0 ? s : 1);
  }
  x = relu6(bn(conv1x1(x, 1280)));
  x = tf.layers.globalAveragePooling2d({}).apply(x) as Sym;
  const logits = tf.layers.dense({ units: classes, activation: 'softmax' }).apply(x) as Sym;
  return tf.model({ inputs: input, outputs: logits, name: 'seed_mobilenet_v2' });
}
