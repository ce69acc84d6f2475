/**
 * The exact (Clopper–Pearson) confidence interval of a proportion: the interval that haematology
 * texts tabulate after Rümke for a differential count. `count` cells of one class among `total`
 * counted; the bounds are shares, 0–1. With nothing counted the share is unknown: 0–1.
 *
 * The bounds are quantiles of beta distributions (lower: Beta(count, total − count + 1) at
 * (1 − confidence) / 2; upper: Beta(count + 1, total − count) at (1 + confidence) / 2), found by
 * bisection on the regularised incomplete beta function.
 */
export function binomialInterval(
  count: number,
  total: number,
  confidence = 0.95,
): { readonly low: number; readonly high: number } {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || count > total) {
    throw new RangeError(`A count of ${count} among ${total} is not a proportion.`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`Confidence ${confidence} is not between 0 and 1.`);
  const tail = (1 - confidence) / 2;
  const low = count === 0 ? 0 : betaQuantile(tail, count, total - count + 1);
  const high = count === total ? 1 : betaQuantile(1 - tail, count + 1, total - count);
  return { low, high };
}

/** The x in 0–1 where the regularised incomplete beta I_x(a, b) reaches q: it rises with x. */
function betaQuantile(q: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  // 60 halvings take the bracket below 1e-18, past double precision of a share.
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The regularised incomplete beta function I_x(a, b), by its continued fraction (Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only below the mean; above it, the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 + even * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(z) for z > 0 (Lanczos, g = 7): about 15 significant digits. */
function logGamma(z: number): number {
  const g = 7;
  const coef = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let sum = coef[0];
  for (let i = 1; i < g + 2; i++) sum += coef[i] / (x + i);
  const t = x + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * An interval as percentages for reading beside a differential's percentage: "39.8–60.2". One
 * decimal, because at a 100-cell count the upper bound for 0 cells (3.6 %) is the figure that
 * matters.
 */
export function formatPercentInterval(interval: { readonly low: number; readonly high: number }): string {
  return `${(interval.low * 100).toFixed(1)}–${(interval.high * 100).toFixed(1)}`;
}
