import type { FalseCalls, IntervalBasis } from '@/core/evaluation-figures';
import { CELL_CLASSES } from '@/core/model-spec';
import {
  accuracy,
  bootstrapAccuracyInterval,
  bootstrapGroupedAccuracyInterval,
  confusionMatrix,
  expectedCalibrationError,
  perClassScores,
  reliabilityBins,
  reviewStats,
  uncalibrate,
  type ClassScores,
  type Prediction,
  type ReliabilityBin,
} from './classification-metrics';
import type { FolderGrouping } from './source-groups';

/**
 * The share of a lab's cells called a class it holds none of that the model card holds it to
 * (an IG or NRBC call on a lab without them is a false alarm a reviewer pays for).
 */
export const FALSE_CALL_TARGET = 0.02;

/** How the pipeline did on images that hold no white cell. */
export interface NegativeReport {
  images: number;
  rejected: number;
  rejectionRate: number;
  /** Files where a white cell was (wrongly) reported. */
  accepted: string[];
}

/** The JSON report of `npm run evaluate`; other tools read these keys. */
export interface EvaluationReport {
  data: string;
  modelVersion: string;
  images: number;
  accuracy: number;
  accuracyCI95: [number, number];
  /** Whether accuracyCI95 resamples images or source cells (blood-cells TEST: source cells). */
  accuracyCI95By: IntervalBasis;
  macroF1: number;
  ece: number;
  imagesPerSecond: number;
  classes: string[];
  /** The classes this set holds (TEST has no basophils): macro-F1 averages over these alone. */
  classesHeld: string[];
  perClass: Record<string, ClassScores>;
  confusion: number[][];
  noCellFound: string[];
  reliability: ReliabilityBin[];
  /** Expected calibration error of the same predictions before temperature scaling. */
  eceBeforeCalibration: number;
  reliabilityBeforeCalibration: ReliabilityBin[];
  /** Cells below the review threshold, and how accurate the rest are. */
  review: ReturnType<typeof reviewStats>;
  /** Cells called a class this set holds none of; absent where the set holds every class. */
  falseCalls?: FalseCalls;
  /** With --negatives: how many images without a white cell were rightly rejected. */
  negatives?: NegativeReport;
}

export function buildReport(
  preds: Prediction[],
  meta: {
    data: string;
    modelVersion: string;
    seconds: number;
    noCellFound: string[];
    temperature: number;
    reviewThreshold: number;
    /** Calibrated probability vectors, one per prediction (empty when nothing was predicted). */
    probabilities: number[][];
    /** Each prediction's source cell, where the folder's images are copies of fewer cells. */
    grouping?: FolderGrouping;
  },
): EvaluationReport {
  const scores = perClassScores(preds, CELL_CLASSES.length);
  const held = CELL_CLASSES.filter((_, i) => scores[i].support > 0);
  const heldScores = scores.filter((s) => s.support > 0);
  const raw = preds.map((p, i) => {
    if (p.predicted < 0) return p;
    const q = uncalibrate(meta.probabilities[i], meta.temperature);
    return { ...p, confidence: Math.max(...q) };
  });
  const byImage = bootstrapAccuracyInterval(preds);
  const g = meta.grouping;
  const falseCalls = countFalseCalls(preds, held);
  return {
    data: meta.data,
    modelVersion: meta.modelVersion,
    images: preds.length,
    accuracy: accuracy(preds),
    accuracyCI95: g ? bootstrapGroupedAccuracyInterval(preds, g.of) : byImage,
    accuracyCI95By: g
      ? {
          by: 'source cell',
          groupsFile: g.file,
          groups: new Set(g.of).size,
          ungrouped: g.ungrouped,
          byImageCI95: byImage,
        }
      : { by: 'image' },
    macroF1: heldScores.reduce((s, c) => s + c.f1, 0) / Math.max(1, heldScores.length),
    ece: expectedCalibrationError(preds),
    imagesPerSecond: preds.length / meta.seconds,
    classes: [...CELL_CLASSES],
    classesHeld: held,
    perClass: Object.fromEntries(CELL_CLASSES.map((c, i) => [c, scores[i]])),
    confusion: confusionMatrix(preds, CELL_CLASSES.length),
    noCellFound: meta.noCellFound,
    reliability: reliabilityBins(preds),
    eceBeforeCalibration: expectedCalibrationError(raw),
    reliabilityBeforeCalibration: reliabilityBins(raw),
    review: reviewStats(preds, meta.reviewThreshold),
    ...(falseCalls ? { falseCalls } : {}),
  };
}

/** The images read as each class the set holds none of; undefined where it holds every class. */
export function countFalseCalls(preds: readonly Prediction[], held: readonly string[]): FalseCalls | undefined {
  const absent = CELL_CLASSES.filter((c) => !held.includes(c));
  if (absent.length === 0) return undefined;
  const share = (count: number) => count / Math.max(1, preds.length);
  const perClass = Object.fromEntries(
    absent.map((c) => {
      const count = preds.filter((p) => p.predicted === CELL_CLASSES.indexOf(c)).length;
      return [c, { count, share: share(count) }];
    }),
  );
  const count = Object.values(perClass).reduce((s, c) => s + c.count, 0);
  return { classes: absent, perClass, count, share: share(count) };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** The report as the table a person reads in the terminal. */
export function formatReport(r: EvaluationReport): string {
  const basis = r.accuracyCI95By;
  const lines = [
    `model ${r.modelVersion} on ${r.data}: ${r.images} images, ${r.imagesPerSecond.toFixed(1)} images/s`,
    `classes held: ${r.classesHeld.join(', ')}${r.classesHeld.length < r.classes.length ? ` (of the model's ${r.classes.length}; macro-F1 over these)` : ''}`,
    `accuracy ${pct(r.accuracy)} (95% CI ${pct(r.accuracyCI95[0])}–${pct(r.accuracyCI95[1])}${basis.by === 'source cell' ? `, over ${basis.groups} source cells` : ''})  macro-F1 ${r.macroF1.toFixed(3)}  ECE ${r.ece.toFixed(3)} (${r.eceBeforeCalibration.toFixed(3)} before temperature scaling)`,
    ...(basis.by === 'source cell'
      ? [
          `  the interval resamples the ${basis.groups} source cells of ${basis.groupsFile}${basis.ungrouped ? ` (${basis.ungrouped} images ungrouped, each its own)` : ''}; over images it would read ${pct(basis.byImageCI95[0])}–${pct(basis.byImageCI95[1])}`,
        ]
      : []),
    `review: ${pct(r.review.flaggedShare)} flagged below ${r.review.threshold.toFixed(3)}; the rest ${pct(r.review.accuracyAboveThreshold)} accurate`,
    ...(r.falseCalls
      ? [
          `called a class this set holds none of: ${r.falseCalls.count} of ${r.images} (${pct(r.falseCalls.share)}; target ≤ ${pct(FALSE_CALL_TARGET)}): ` +
            r.falseCalls.classes
              .map((c) => `${c} ${r.falseCalls!.perClass[c].count} (${pct(r.falseCalls!.perClass[c].share)})`)
              .join(', '),
        ]
      : []),
    '',
    'class        precision  recall     F1  support',
    ...r.classes.map((c) => {
      const s = r.perClass[c];
      if (!r.classesHeld.includes(c)) {
        const called = r.falseCalls?.perClass[c]?.count ?? 0;
        return `${c.padEnd(12)} ${'none in this set'.padStart(24)} ${String(s.support).padStart(8)}  (${called} called ${c})`;
      }
      return `${c.padEnd(12)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(8)}`;
    }),
    '',
    `confusion (rows true, columns predicted: ${r.classes.map((c) => c.slice(0, 3)).join(' ')})`,
    ...r.confusion.map((row, i) => `${r.classes[i].slice(0, 3)}  ${row.map((v) => String(v).padStart(5)).join('')}`),
    `no white cell found: ${r.noCellFound.length}${r.noCellFound.length ? ` (${r.noCellFound.slice(0, 5).join(', ')}${r.noCellFound.length > 5 ? ', …' : ''})` : ''}`,
  ];
  return lines.join('\n');
}
