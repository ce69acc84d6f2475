/**
 * A logistic "not a white cell" head on the network's pooled features, fitted in plain
 * JavaScript: the features are standardised, the weights fitted by full-batch Adam with an L2
 * pull to zero and each side weighted to half, then folded back so that the shipped head reads
 * raw features: score = σ(features · weights + bias).
 */
export interface FittedReject {
  readonly weights: Float32Array;
  readonly bias: number;
}

export function fitRejectHead(
  x: readonly Float32Array[],
  rejected: readonly boolean[],
  { steps = 400, learningRate = 0.01, l2 = 1e-3 } = {},
): FittedReject {
  const n = x.length;
  const f = x[0].length;
  const mean = new Float64Array(f);
  const sd = new Float64Array(f);
  for (const v of x) for (let j = 0; j < f; j++) mean[j] += v[j] / n;
  for (const v of x) for (let j = 0; j < f; j++) sd[j] += (v[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < f; j++) sd[j] = Math.sqrt(sd[j]) + 1e-6;
  const z = x.map((v) => Float64Array.from(v, (value, j) => (value - mean[j]) / sd[j]));
  const positives = rejected.filter(Boolean).length;
  if (positives === 0 || positives === n) throw new Error('both sides need cells');
  const weightOf = rejected.map((r) => (r ? 0.5 / positives : 0.5 / (n - positives)));
  const w = new Float64Array(f + 1);
  const m = new Float64Array(f + 1);
  const v2 = new Float64Array(f + 1);
  for (let t = 1; t <= steps; t++) {
    const grad = new Float64Array(f + 1);
    for (let i = 0; i < n; i++) {
      let s = w[f];
      for (let j = 0; j < f; j++) s += w[j] * z[i][j];
      const err = (1 / (1 + Math.exp(-s)) - (rejected[i] ? 1 : 0)) * weightOf[i];
      for (let j = 0; j < f; j++) grad[j] += err * z[i][j];
      grad[f] += err;
    }
    for (let j = 0; j < f; j++) grad[j] += l2 * w[j];
    for (let j = 0; j <= f; j++) {
      m[j] = 0.9 * m[j] + 0.1 * grad[j];
      v2[j] = 0.999 * v2[j] + 0.001 * grad[j] ** 2;
      w[j] -= (learningRate * (m[j] / (1 - 0.9 ** t))) / (Math.sqrt(v2[j] / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  const weights = Float32Array.from({ length: f }, (_, j) => w[j] / sd[j]);
  let bias = w[f];
  for (let j = 0; j < f; j++) bias -= (w[j] * mean[j]) / sd[j];
  return { weights, bias };
}
