import { softmax, type LinearHead } from './classifier';
import { classBalancedWeights, fitTemperature, stackExamples, type LabelledFeatures } from './head-adaptation';
import { HeadFit, headLogits, type HeadFitOptions } from './head-fit';

/** The shipped model's calibration: the head adapting starts from, and the rule its mark follows. */
export interface ShippedCalibration {
  readonly head: LinearHead;
  readonly temperature: number;
  readonly reviewThreshold: number;
  /** Unmarked cells must be right this often (metadata.reviewTarget): the adapted mark keeps it. */
  readonly reviewTarget: number;
}

/** How one model read the lab's own cells, and what its review mark left unmarked. */
export interface OwnCellsReading {
  readonly right: number;
  readonly unmarked: number;
  readonly unmarkedRight: number;
}

/**
 * How the lab's own cells were read: by the adapted model cross-validated (each cell by a head
 * fitted without it, with the refitted temperature and threshold), and by the shipped model.
 */
export interface OwnCellsFigures {
  readonly cells: number;
  readonly folds: number;
  readonly adapted: OwnCellsReading;
  readonly shipped: OwnCellsReading;
}

/** A head adapted to a lab, with the calibration refitted on held-out folds of its cells. */
export interface AdaptedHead {
  readonly head: LinearHead;
  /** Fitted on held-out folds of the lab's own cells, so confidence stays honest after adapting. */
  readonly temperature: number;
  /**
   * Below this top probability a cell is marked for review: refitted on the held-out folds for
   * the shipped model's review target. Absent in adaptations saved before it was refitted.
   */
  readonly reviewThreshold?: number;
  readonly reviewTarget?: number;
  readonly ownCells?: OwnCellsFigures;
}

/** An adapted head, and each cell's held-out reading (in the order of the examples) it was calibrated on. */
export interface CrossValidatedAdaptation {
  readonly adapted: AdaptedHead;
  readonly heldOut: readonly { readonly probabilities: number[]; readonly label: number }[];
}

export interface CrossValidationOptions extends HeadFitOptions {
  /** Folds of the lab's cells (stratified by class); fewer when there are fewer cells. */
  readonly folds?: number;
  /** Called between chunks of steps: the steps done of the total. */
  readonly onProgress?: (stepsDone: number, steps: number) => void;
  /** Checked between chunks of steps: true stops the fit with AdaptationStopped. */
  readonly stopped?: () => boolean;
}

export const DEFAULT_FOLDS = 5;
/** Steps run between a progress report, a look at the stop flag and a pause for messages. */
const CHUNK = 10;

export class AdaptationStopped extends Error {
  constructor() {
    super('Adapting was cancelled; nothing was saved.');
    this.name = 'AdaptationStopped';
  }
}

/**
 * Stratified folds: cells sorted by class, then dealt round-robin, so each fold holds about the
 * same share of every class and each cell is held out exactly once.
 */
export function stratifiedFolds(labels: readonly number[], folds: number): number[] {
  const order = labels.map((label, i) => ({ label, i })).sort((a, b) => a.label - b.label || a.i - b.i);
  const fold = new Array<number>(labels.length);
  order.forEach(({ i }, rank) => (fold[i] = rank % folds));
  return fold;
}

/**
 * The smallest top probability t such that cells read at or above t were right at least
 * `target` of the time (training/calibration.py review_threshold); 1 when no t reaches it, so
 * every cell is marked rather than the mark promising what it cannot keep.
 */
export function fitReviewThreshold(samples: readonly { probabilities: number[]; label: number }[], target: number) {
  const read = samples
    .map(({ probabilities, label }) => {
      const confidence = Math.max(...probabilities);
      return { confidence, right: probabilities.indexOf(confidence) === label };
    })
    .sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let threshold = 1;
  read.forEach((r, k) => {
    if (r.right) right++;
    if (right / (k + 1) >= target) threshold = r.confidence;
  });
  return threshold;
}

/** How a set of readings fared: right, and unmarked (top probability ≥ threshold) and right. */
export function readingFigures(
  samples: readonly { probabilities: number[]; label: number }[],
  threshold: number,
): OwnCellsReading {
  let right = 0;
  let unmarked = 0;
  let unmarkedRight = 0;
  for (const { probabilities, label } of samples) {
    const confidence = Math.max(...probabilities);
    const ok = probabilities.indexOf(confidence) === label;
    if (ok) right++;
    if (confidence >= threshold) {
      unmarked++;
      if (ok) unmarkedRight++;
    }
  }
  return { right, unmarked, unmarkedRight };
}

/**
 * Adapts the head on all of the lab's cells and refits its calibration on held-out folds: each
 * cell is read by a head fitted on the other folds; the temperature minimises those readings'
 * negative log-likelihood, and the review threshold is the one that keeps the shipped review
 * target on them. The fold heads and the final head are fitted together in one batched fit.
 */
export async function adaptHeadCrossValidated(
  shipped: ShippedCalibration,
  examples: readonly LabelledFeatures[],
  options: CrossValidationOptions = {},
): Promise<CrossValidatedAdaptation> {
  if (examples.length === 0) throw new Error('adapting needs at least one labelled cell');
  const base = shipped.head;
  const k = Math.max(1, Math.min(options.folds ?? DEFAULT_FOLDS, examples.length));
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    k,
  );
  const { x, labels } = stackExamples(examples, base.features);
  const weights = [
    ...Array.from({ length: k }, (_, f) => classBalancedWeights(examples, base.classes, (i) => fold[i] !== f)),
    classBalancedWeights(examples, base.classes),
  ];
  const fit = new HeadFit(base, x, labels, weights, options);
  while (fit.stepsDone < fit.steps) {
    if (options.stopped?.()) throw new AdaptationStopped();
    fit.step(CHUNK);
    options.onProgress?.(fit.stepsDone, fit.steps);
    // A pause lets the host's messages in: a cancel, or a page waiting for progress.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (options.stopped?.()) throw new AdaptationStopped();
  const heads = fit.heads();
  const head = heads[k];
  // With one fold there is nothing held out: the head reads its own cells (the best it can say).
  const heldOut = examples.map((e, i) => ({
    logits: headLogits(heads[k > 1 ? fold[i] : k], e.features),
    label: e.label,
  }));
  const temperature = fitTemperature(heldOut);
  const adaptedReadings = heldOut.map(({ logits, label }) => ({ probabilities: softmax(logits, temperature), label }));
  const reviewThreshold = fitReviewThreshold(adaptedReadings, shipped.reviewTarget);
  const shippedReadings = examples.map((e) => ({
    probabilities: softmax(headLogits(base, e.features), shipped.temperature),
    label: e.label,
  }));
  const adapted = {
    head,
    temperature,
    reviewThreshold,
    reviewTarget: shipped.reviewTarget,
    ownCells: {
      cells: examples.length,
      folds: k,
      adapted: readingFigures(adaptedReadings, reviewThreshold),
      shipped: readingFigures(shippedReadings, shipped.reviewThreshold),
    },
  };
  return { adapted, heldOut: adaptedReadings };
}
