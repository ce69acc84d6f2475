import type { LinearHead } from './classifier';

/** How the linear heads are fitted: full-batch Adam with a pull towards the shipped head. */
export interface HeadFitOptions {
  /** Full-batch Adam steps. */
  readonly steps?: number;
  readonly learningRate?: number;
  /**
   * Weight of the pull towards the shipped head (mean squared difference). A lab gives a few
   * dozen cells: without it the head forgets what thousands of training cells taught it.
   */
  readonly anchor?: number;
}

export const DEFAULT_HEAD_FIT = { steps: 300, learningRate: 0.005, anchor: 1 } as const;

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

/**
 * Several linear heads fitted at once on the same cells, each with its own per-cell weights (a
 * weight of 0 leaves a cell out of that head: a held-out fold). Plain JavaScript over typed
 * arrays rather than tfjs: the heads are tiny (features × classes), so a GPU backend would spend
 * its time on per-operation overhead, and the result is the same on every backend.
 *
 * Each head minimises Σ weight·cross-entropy + anchor·(mean (W−W₀)² + mean (b−b₀)²); Adam is
 * element-wise, so fitting them together gives what fitting each alone would.
 */
export class HeadFit {
  readonly steps: number;
  private done = 0;
  private readonly learningRate: number;
  private readonly anchor: number;
  private readonly f: number;
  private readonly c: number;
  private readonly n: number;
  /** Per head: kernel (f × c, row-major) then bias (c), flattened. */
  private readonly params: Float32Array[];
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];
  private readonly start: Float32Array;

  constructor(
    base: LinearHead,
    /** The cells' features, n × features, row-major. */
    private readonly x: Float32Array,
    private readonly labels: Int32Array,
    /** One array of n per-cell weights per head. */
    private readonly weights: readonly Float64Array[],
    options: HeadFitOptions = {},
  ) {
    const { steps, learningRate, anchor } = { ...DEFAULT_HEAD_FIT, ...options };
    this.steps = steps;
    this.learningRate = learningRate;
    this.anchor = anchor;
    this.f = base.features;
    this.c = base.classes;
    this.n = labels.length;
    if (x.length !== this.n * this.f) throw new Error(`features of ${x.length / this.n} do not fit ${this.f}`);
    this.start = new Float32Array(this.f * this.c + this.c);
    this.start.set(base.kernel);
    this.start.set(base.bias, this.f * this.c);
    this.params = weights.map(() => this.start.slice());
    this.m = weights.map(() => new Float64Array(this.start.length));
    this.v = weights.map(() => new Float64Array(this.start.length));
  }

  get stepsDone(): number {
    return this.done;
  }

  /** Runs up to `count` more Adam steps on every head; returns the steps done so far. */
  step(count: number): number {
    const end = Math.min(this.steps, this.done + count);
    const grad = new Float64Array(this.start.length);
    while (this.done < end) {
      this.done++;
      for (let h = 0; h < this.params.length; h++) {
        this.gradient(this.params[h], this.weights[h], grad);
        this.adam(h, grad);
      }
    }
    return this.done;
  }

  /** The fitted heads, in the order of `weights`. */
  heads(): LinearHead[] {
    const kc = this.f * this.c;
    return this.params.map((p) => ({
      kernel: p.slice(0, kc),
      bias: p.slice(kc),
      features: this.f,
      classes: this.c,
    }));
  }

  private gradient(p: Float32Array, w: Float64Array, grad: Float64Array): void {
    const { f, c, n, x, labels, anchor } = this;
    const kc = f * c;
    grad.fill(0);
    const z = new Float64Array(c);
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const row = i * f;
      for (let k = 0; k < c; k++) z[k] = p[kc + k];
      for (let j = 0; j < f; j++) {
        const xj = x[row + j];
        if (xj === 0) continue;
        const o = j * c;
        for (let k = 0; k < c; k++) z[k] += xj * p[o + k];
      }
      let max = -Infinity;
      for (let k = 0; k < c; k++) max = Math.max(max, z[k]);
      let sum = 0;
      for (let k = 0; k < c; k++) sum += z[k] = Math.exp(z[k] - max);
      // d(weighted cross-entropy)/d logits = weight · (softmax − one-hot)
      for (let k = 0; k < c; k++) z[k] = (wi * z[k]) / sum - (k === labels[i] ? wi : 0);
      for (let j = 0; j < f; j++) {
        const xj = x[row + j];
        if (xj === 0) continue;
        const o = j * c;
        for (let k = 0; k < c; k++) grad[o + k] += xj * z[k];
      }
      for (let k = 0; k < c; k++) grad[kc + k] += z[k];
    }
    const start = this.start;
    for (let i = 0; i < kc; i++) grad[i] += (2 * anchor * (p[i] - start[i])) / kc;
    for (let k = kc; k < kc + c; k++) grad[k] += (2 * anchor * (p[k] - start[k])) / c;
  }

  private adam(h: number, grad: Float64Array): void {
    const p = this.params[h];
    const m = this.m[h];
    const v = this.v[h];
    const t = this.done;
    const lr = (this.learningRate * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
    for (let i = 0; i < p.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      p[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + EPSILON);
    }
  }
}

/** The logits of one head for one cell's features. */
export function headLogits(head: LinearHead, features: Float32Array): number[] {
  return Array.from({ length: head.classes }, (_, c) => {
    let z = head.bias[c];
    for (let j = 0; j < head.features; j++) z += features[j] * head.kernel[j * head.classes + c];
    return z;
  });
}
