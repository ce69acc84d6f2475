import type { FalseCalls, IntervalBasis } from '@/core/evaluation-figures';
import type { CellClass } from '@/core/model-spec';

/** The shape of public/model/metrics.json (written by `npm run model-card`); newer keys are optional. */
export interface ReliabilityBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly confidence: number;
  readonly accuracy: number;
}

export interface SplitMetrics {
  readonly data: string;
  readonly images: number;
  readonly accuracy: number;
  readonly accuracyCI95: readonly [number, number];
  readonly accuracyCI95By?: IntervalBasis;
  readonly macroF1: number;
  readonly ece: number;
  readonly eceBeforeCalibration?: number;
  readonly classes: readonly CellClass[];
  readonly perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  /** Rows: true class; columns: predicted class (same order as `classes`). */
  readonly confusion: readonly (readonly number[])[];
  readonly reliability: readonly ReliabilityBin[];
  readonly reliabilityBeforeCalibration?: readonly ReliabilityBin[];
  readonly review?: {
    readonly threshold: number;
    readonly flaggedShare: number;
    readonly accuracyAboveThreshold: number;
  };
  readonly noCellFound: readonly string[];
  /** Cells called a class this set holds none of; absent where it holds every class. */
  readonly falseCalls?: FalseCalls;
}

/** The set read again after calibrating to cases of its own cells, no label read (`npm run evaluate -- --calibrate`). */
export interface CalibratedMetrics {
  /** 'skewed': seeded cases shaped like a differential drawn from the set; 'all': its own cells as one case. */
  readonly cases: 'skewed' | 'all';
  /** The weights each skewed case was drawn by (renormalised over the classes the set holds). */
  readonly differential?: Partial<Record<CellClass, number>>;
  readonly blend: number;
  readonly rounds: number;
  /** Means over the cases. */
  readonly accuracy: number;
  readonly macroF1: number;
  readonly draws: readonly {
    readonly cells: number;
    readonly accuracy: number;
    readonly macroF1: number;
    readonly ece: number;
    readonly review: {
      readonly threshold: number;
      readonly flaggedShare: number;
      readonly accuracyAboveThreshold: number;
    };
    /** The calibrated reading's cells called a class the set holds none of. */
    readonly falseCalls?: { readonly count: number; readonly share: number };
  }[];
}

/** A set's figures and a line that says which lab it comes from and how it relates to training. */
export type LabMetrics = SplitMetrics & {
  readonly lab?: string;
  readonly classesHeld?: readonly CellClass[];
  readonly calibrated?: CalibratedMetrics;
};

export interface ModelMetrics {
  readonly modelVersion: string;
  readonly architecture: string;
  readonly gflopsPerCell: number;
  readonly modelBytes: number;
  /** blood-cells TEST: cells of a training lab never trained or chosen on. */
  readonly test: LabMetrics;
  /** The PBC test partition: the other training lab's cells never trained or chosen on. */
  readonly pbc?: LabMetrics;
  /** LISC eval: a lab never trained or chosen on, zero-shot. */
  readonly lisc?: LabMetrics;
  /** The same LISC images after adapting the head on the lab's own adapt/ images (the Adapt page's method). */
  readonly liscAdapted?: LabMetrics & { readonly adaptedOn: string };
  readonly detection?: Record<string, number | string | undefined>;
  readonly noWhiteCell?: {
    readonly negativeSet?: string;
    readonly negativesRejected: number;
    readonly testImagesRejected: number;
    readonly pbcImagesRejected?: number;
    readonly liscImagesRejected?: number;
    readonly negativesAccepted?: readonly string[];
  };
  readonly heatmap?: {
    readonly method?: string;
    readonly images?: number;
    readonly meanMassInsideBox: number;
    readonly medianMassInsideBox?: number;
    readonly shareOfImagesAbove70Percent?: number;
  };
  readonly validation?: { readonly method: string } & Record<string, unknown>;
  readonly trainingData?: string;
  readonly calibration?: {
    readonly temperature: number;
    readonly reviewThreshold: number;
    readonly reviewTarget?: number;
  };
  /** The most a lab's cells may be called a class the lab holds none of (a share; 0.02). */
  readonly falseCallTarget?: number;
  readonly intendedUse?: string;
  readonly limits?: readonly string[];
}

/** How the model card writes a share: one decimal place, e.g. 87.7%. The e2e test uses the same rule. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Two decimals for scores that are not shares (ECE, F1 as a fraction). */
export function dec(x: number, digits = 3): string {
  return x.toFixed(digits);
}
