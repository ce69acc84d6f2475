/** The q-quantile (0..1) of a sample, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** A median over repeated runs of one measurement, with how much it moved. */
export interface RepeatedMedian {
  /** Median of every value of every repeat. */
  readonly median: number;
  /** Interquartile range of every value: the spread between images. */
  readonly iqr: readonly [number, number];
  /** Each repeat's own median, in the order run: the spread between repeats is their min–max. */
  readonly repeats: readonly number[];
  readonly range: readonly [number, number];
}

/** Summarises values measured in several repeats (one array per repeat). */
export function repeatedMedian(perRepeat: readonly (readonly number[])[]): RepeatedMedian {
  const all = perRepeat.flat();
  const repeats = perRepeat.map((xs) => median(xs));
  const finite = repeats.filter(Number.isFinite);
  return {
    median: median(all),
    iqr: [quantile(all, 0.25), quantile(all, 0.75)],
    repeats,
    range: finite.length ? [Math.min(...finite), Math.max(...finite)] : [NaN, NaN],
  };
}

/** a[i] / b[i] for each pair, leaving out pairs whose b is not positive (a stage the other lacks). */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`pairRatios: ${a.length} values against ${b.length}`);
  return a.flatMap((x, i) => (b[i] > 0 ? [x / b[i]] : []));
}

/** The arithmetic mean (0 of no value). */
export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
