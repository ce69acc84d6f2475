import type { CellClass } from '@/core/model-spec';
import type { LabMetrics, ModelMetrics } from './metrics';

/** The sets the summary speaks of, in the order it names them. */
export const SUMMARY_SETS = ['test', 'pbc', 'lisc', 'liscAdapted'] as const;
export type SummarySet = (typeof SUMMARY_SETS)[number];

/** The sets read by the shipped model as trained: where it is weak is judged on these. */
const SHIPPED_SETS: readonly SummarySet[] = ['test', 'pbc', 'lisc'];

export interface LabFigure {
  readonly id: SummarySet;
  /** Cells right in 100, rounded: how a student reads an accuracy. */
  readonly per100: number;
  readonly images: number;
}

export interface PlainSummary {
  readonly labs: readonly LabFigure[];
  /** The class with the lowest recall, averaged over the sets that hold it. */
  readonly weakest?: { readonly cls: CellClass; readonly per100: number };
  /** The wrong answer given most often, as a share of the true class's cells, averaged likewise. */
  readonly confusion?: { readonly truth: CellClass; readonly predicted: CellClass; readonly per100: number };
  /**
   * Per shipped set that lacks some of the model's classes: its cells called one of them, in 100
   * to one decimal (a false IG or NRBC call is rare and still matters).
   */
  readonly falseCalls: readonly {
    readonly id: SummarySet;
    readonly classes: readonly CellClass[];
    readonly per100: number;
  }[];
}

const per100 = (share: number) => Math.round(share * 100);

/**
 * The model card's opening in numbers a student reads: how often it is right per lab, its weakest
 * class and its most common mistake. Shares are averaged over labs rather than pooled, so the
 * lab with the most test images (augmented copies of few cells) does not speak for the others.
 */
export function plainSummary(m: ModelMetrics): PlainSummary {
  const labs = SUMMARY_SETS.flatMap((id) => {
    const split = m[id];
    return split ? [{ id, per100: per100(split.accuracy), images: split.images }] : [];
  });
  const shipped = SHIPPED_SETS.flatMap((id) => (m[id] ? [m[id]] : []));
  const falseCalls = SHIPPED_SETS.flatMap((id) => {
    const f = m[id]?.falseCalls;
    return f ? [{ id, classes: f.classes, per100: Math.round(f.share * 1000) / 10 }] : [];
  });
  return { labs, weakest: weakestClass(shipped), confusion: commonestConfusion(shipped), falseCalls };
}

function weakestClass(sets: readonly LabMetrics[]): PlainSummary['weakest'] {
  const recalls = new Map<CellClass, number[]>();
  for (const s of sets)
    for (const cls of s.classes) {
      const c = s.perClass[cls];
      if (c && c.support > 0) recalls.set(cls, [...(recalls.get(cls) ?? []), c.recall]);
    }
  let weakest: PlainSummary['weakest'];
  let lowest = Infinity;
  for (const [cls, r] of recalls) {
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    if (mean < lowest) [lowest, weakest] = [mean, { cls, per100: per100(mean) }];
  }
  return weakest;
}

function commonestConfusion(sets: readonly LabMetrics[]): PlainSummary['confusion'] {
  const rates = new Map<string, number[]>();
  for (const s of sets)
    s.classes.forEach((truth, i) => {
      const support = s.perClass[truth]?.support ?? 0;
      if (support === 0) return;
      s.classes.forEach((predicted, j) => {
        if (i === j) return;
        const key = `${truth}>${predicted}`;
        rates.set(key, [...(rates.get(key) ?? []), (s.confusion[i]?.[j] ?? 0) / support]);
      });
    });
  let best: PlainSummary['confusion'];
  let highest = 0;
  for (const [key, r] of rates) {
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    if (mean > highest) {
      const [truth, predicted] = key.split('>') as [CellClass, CellClass];
      [highest, best] = [mean, { truth, predicted, per100: per100(mean) }];
    }
  }
  return best;
}
