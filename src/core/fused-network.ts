import * as tf from '@tensorflow/tfjs';

/** Activations the fused convolution kernels apply in the same pass as the bias. */
type FusedActivation = 'linear' | 'relu' | 'relu6';
const FUSED_ACTIVATIONS: readonly string[] = ['linear', 'relu', 'relu6'] satisfies FusedActivation[];

type Pair = [number, number];

/** One convolution with its bias and activation, as one fused kernel runs it. */
interface ConvStep {
  readonly kind: 'conv' | 'depthwise';
  readonly filter: tf.Tensor4D;
  readonly bias?: tf.Tensor1D;
  readonly strides: Pair;
  readonly activation: FusedActivation;
  readonly padding: 'same' | 'valid';
  /** Zeros added (top, bottom), (left, right) before the convolution, where 'same' cannot stand for them. */
  readonly pad?: [Pair, Pair];
}

/** The three tensors a forward pass gives (owned by the caller's tf.tidy). */
export interface ForwardPass {
  /** The last convolution's output, NHWC. */
  readonly featureMap: tf.Tensor4D;
  /** Its mean over positions: what the linear head reads, [batch, channels]. */
  readonly pooled: tf.Tensor2D;
  /** pooled · kernel + bias, [batch, classes]. */
  readonly logits: tf.Tensor2D;
}

/**
 * A LayersModel that is a plain chain of (ZeroPadding2D →) Conv2D / DepthwiseConv2D layers with
 * a bias and a linear, relu or relu6 activation, then global average pooling and a linear Dense
 * head, as MobileNet v1 is, run as fused tfjs ops: each convolution with its bias and activation
 * is one kernel instead of the three to five ops tfjs-layers runs for it. A zero padding that
 * TensorFlow's 'same' padding equals (MobileNet's [[0, 1], [0, 1]] before a stride-2 layer on an
 * even side) becomes that padding, any other a tf.pad. It reads the layers' own weight tensors
 * (the head's too, so setWeights on a layer shows here) and owns none: the model keeps them.
 */
export class FusedNetwork {
  private constructor(
    private readonly steps: readonly ConvStep[],
    private readonly head: tf.layers.Layer,
    /** Tensors this network made itself (a folded copy's filters and biases), freed by dispose(). */
    private readonly owned: readonly tf.Tensor[] = [],
  ) {}

  /**
   * The network whose feature map is `featureLayer`'s output and whose head is `headLayer`, the
   * model's last layer; undefined when a layer is not one the fused ops run exactly as
   * tfjs-layers does (the caller then runs the LayersModel itself).
   */
  static from(model: tf.LayersModel, featureLayer: string, headLayer: string): FusedNetwork | undefined {
    if (model.inputs.length !== 1 || model.outputs.length !== 1) return undefined;
    const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
    const end = layers.findIndex((l) => l.name === featureLayer);
    const [pool, head] = layers.slice(end + 1);
    if (end < 0 || layers.length !== end + 3 || head.name !== headLayer) return undefined;
    let previous = model.inputs[0];
    const chained = layers.every((layer) => {
      const ok = layer.inboundNodes.length === 1 && layer.input === previous && channelsLast(layer);
      previous = layer.output as tf.SymbolicTensor;
      return ok;
    });
    if (!chained || pool.getClassName() !== 'GlobalAveragePooling2D' || !linearDense(head)) return undefined;
    const steps: ConvStep[] = [];
    let pending: { pad: [Pair, Pair]; inputShape: (number | null)[] } | undefined;
    for (const layer of layers.slice(0, end + 1)) {
      const config = layer.getConfig();
      if (layer.getClassName() === 'ZeroPadding2D') {
        if (pending) return undefined;
        pending = { pad: config.padding as [Pair, Pair], inputShape: (layer.input as tf.SymbolicTensor).shape };
        continue;
      }
      const step = convStep(layer, pending);
      if (!step) return undefined;
      steps.push(step);
      pending = undefined;
    }
    return pending ? undefined : new FusedNetwork(steps, head);
  }

  /** The forward pass of a batch of NHWC inputs (call inside tf.tidy). */
  apply(input: tf.Tensor4D): ForwardPass {
    let x = input;
    for (let k = 0; k < this.steps.length; k++) x = this.step(k, x);
    return this.finish(x);
  }

  /** How many convolution steps the trunk has. */
  get stepCount(): number {
    return this.steps.length;
  }

  /** Step k as one fused op: convolution, bias and activation (call inside tf.tidy). */
  step(k: number, x: tf.Tensor4D): tf.Tensor4D {
    return this.convolve(k, x, this.steps[k].activation);
  }

  /** Step k's output before its activation: convolution plus bias, per channel (call inside tf.tidy). */
  preActivation(k: number, x: tf.Tensor4D): tf.Tensor4D {
    return this.convolve(k, x, 'linear');
  }

  /** Step k's activation applied to a pre-activation (call inside tf.tidy). */
  activate(k: number, z: tf.Tensor4D): tf.Tensor4D {
    const activation = this.steps[k].activation;
    return activation === 'relu6' ? tf.relu6(z) : activation === 'relu' ? tf.relu(z) : z;
  }

  /**
   * Step k's activation of scale[c] · z + shift[c], z its pre-activation, as one fused op (a 1 × 1
   * depthwise convolution with a bias): one pass over z where a multiply, an add and the
   * activation would make three (call inside tf.tidy).
   */
  activateScaled(k: number, z: tf.Tensor4D, scale: tf.Tensor1D, shift: tf.Tensor1D): tf.Tensor4D {
    const filter = scale.reshape([1, 1, scale.shape[0], 1]) as tf.Tensor4D;
    const activation = this.steps[k].activation;
    return tf.fused.depthwiseConv2d({ x: z, filter, strides: 1, pad: 'valid', bias: shift, activation });
  }

  /** The pooled features and logits of the last step's output (call inside tf.tidy). */
  finish(featureMap: tf.Tensor4D): ForwardPass {
    const pooled = tf.mean(featureMap, [1, 2]) as tf.Tensor2D;
    const [kernel, bias] = this.head.getWeights() as [tf.Tensor2D, tf.Tensor1D | undefined];
    return { featureMap, pooled, logits: tf.fused.matMul({ a: pooled, b: kernel, bias }) as tf.Tensor2D };
  }

  /**
   * The same network with each step's output channel c replaced by scale[c] · z + shift[c], z
   * being the step's pre-activation: folded into the step's filter and bias, so it runs the same
   * ops at the same speed. Its filters and biases are its own: dispose() frees them.
   */
  folded(affine: readonly { readonly scale: Float32Array; readonly shift: Float32Array }[]): FusedNetwork {
    if (affine.length !== this.steps.length) {
      throw new Error(`${affine.length} channel maps for a network of ${this.steps.length} steps`);
    }
    const steps = tf.tidy(() =>
      this.steps.map((s, k) => {
        const { scale, shift } = affine[k];
        const channels = s.filter.shape[s.kind === 'conv' ? 3 : 2];
        if (scale.length !== channels || shift.length !== channels) {
          throw new Error(`step ${k} has ${channels} channels, its channel map ${scale.length}`);
        }
        const a = tf.tensor1d(scale);
        // A depthwise filter [kh, kw, in, 1] holds its channels on axis 2, a convolution's [kh, kw, in, out] on axis 3.
        const filter = s.filter.mul(s.kind === 'conv' ? a : a.reshape([1, 1, channels, 1])) as tf.Tensor4D;
        const bias = (s.bias ? s.bias.mul(a) : tf.zeros([channels])).add(tf.tensor1d(shift)) as tf.Tensor1D;
        return { ...s, filter: tf.keep(filter), bias: tf.keep(bias) };
      }),
    );
    return new FusedNetwork(
      steps,
      this.head,
      steps.flatMap((s) => [s.filter, s.bias]),
    );
  }

  /** Frees the tensors a folded copy made; the model's own weights are never touched. */
  dispose(): void {
    tf.dispose([...this.owned]);
  }

  private convolve(k: number, x: tf.Tensor4D, activation: FusedActivation): tf.Tensor4D {
    const s = this.steps[k];
    const input = s.pad ? tf.pad(x, [[0, 0], s.pad[0], s.pad[1], [0, 0]]) : x;
    const args = { x: input, filter: s.filter, strides: s.strides, pad: s.padding, bias: s.bias, activation };
    return s.kind === 'conv' ? tf.fused.conv2d(args) : tf.fused.depthwiseConv2d(args);
  }
}

function channelsLast(layer: tf.layers.Layer): boolean {
  const format = layer.getConfig().dataFormat;
  return format === undefined || format === 'channelsLast';
}

function linearDense(layer: tf.layers.Layer): boolean {
  return layer.getClassName() === 'Dense' && layer.getConfig().activation === 'linear';
}

function convStep(
  layer: tf.layers.Layer,
  pending: { pad: [Pair, Pair]; inputShape: (number | null)[] } | undefined,
): ConvStep | undefined {
  const config = layer.getConfig();
  const className = layer.getClassName();
  const kind: ConvStep['kind'] | undefined =
    className === 'Conv2D' ? 'conv' : className === 'DepthwiseConv2D' ? 'depthwise' : undefined;
  const activation = config.activation as string;
  const dilation = [config.dilationRate ?? 1].flat() as number[];
  if (!kind || !FUSED_ACTIVATIONS.includes(activation) || dilation.some((d) => d !== 1)) return undefined;
  if (kind === 'depthwise' && config.depthMultiplier !== 1) return undefined;
  const [filter, bias] = layer.getWeights() as [tf.Tensor4D, tf.Tensor1D | undefined];
  const strides = config.strides as Pair;
  const padding = config.padding as 'same' | 'valid';
  const step: ConvStep = { kind, filter, bias, strides, activation: activation as FusedActivation, padding };
  if (!pending) return step;
  if (padding !== 'valid' || !sameAsPadding(pending.pad, pending.inputShape, filter.shape, strides)) {
    return { ...step, pad: pending.pad };
  }
  return { ...step, padding: 'same' };
}

/**
 * Whether explicit zeros then a valid convolution equal TensorFlow's 'same' padding: the same
 * leading zeros and the same output size (trailing zeros no window reaches make no difference).
 */
function sameAsPadding(
  pad: [Pair, Pair],
  inputShape: (number | null)[],
  filterShape: number[],
  strides: Pair,
): boolean {
  return [1, 2].every((axis) => {
    const n = inputShape[axis];
    if (n === null) return false;
    const [before, after] = pad[axis - 1];
    const [k, s] = [filterShape[axis - 1], strides[axis - 1]];
    const out = Math.ceil(n / s);
    const total = Math.max((out - 1) * s + k - n, 0);
    return before === Math.floor(total / 2) && Math.floor((n + before + after - k) / s) + 1 === out;
  });
}
