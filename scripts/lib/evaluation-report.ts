import { CELL_CLASSES } from '@/core/model-spec';
import {
  accuracy,
  bootstrapAccuracyInterval,
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
  return {
    data: meta.data,
    modelVersion: meta.modelVersion,
    images: preds.length,
    accuracy: accuracy(preds),
    accuracyCI95: bootstrapAccuracyInterval(preds),
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
  };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** The report as the table a person reads in the terminal. */
export function formatReport(r: EvaluationReport): string {
  const lines = [
    `model ${r.modelVersion} on ${r.data}: ${r.images} images, ${r.imagesPerSecond.toFixed(1)} images/s`,
    `classes held: ${r.classesHeld.join(', ')}${r.classesHeld.length < r.classes.length ? ` (of the model's ${r.classes.length}; macro-F1 over these)` : ''}`,
    `accuracy ${pct(r.accuracy)} (95% CI ${pct(r.accuracyCI95[0])}–${pct(r.accuracyCI95[1])})  macro-F1 ${r.macroF1.toFixed(3)}  ECE ${r.ece.toFixed(3)} (${r.eceBeforeCalibration.toFixed(3)} before temperature scaling)`,
    `review: ${pct(r.review.flaggedShare)} flagged below ${r.review.threshold.toFixed(3)}; the rest ${pct(r.review.accuracyAboveThreshold)} accurate`,
    '',
    'class        precision  recall     F1  support',
    ...r.classes.map((c) => {
      const s = r.perClass[c];
      return `${c.padEnd(12)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)} ${String(s.support).padStart(8)}`;
    }),
    '',
    `confusion (rows true, columns predicted: ${r.classes.map((c) => c.slice(0, 3)).join(' ')})`,
    ...r.confusion.map((row, i) => `${r.classes[i].slice(0, 3)}  ${row.map((v) => String(v).padStart(5)).join('')}`),
    `no white cell found: ${r.noCellFound.length}${r.noCellFound.length ? ` (${r.noCellFound.slice(0, 5).join(', ')}${r.noCellFound.length > 5 ? ', …' : ''})` : ''}`,
  ];
  return lines.join('\n');
}
