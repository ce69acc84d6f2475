import type { CaseCalibration } from '../core/case-calibration';
import type { CellClassifier } from '../core/classifier';
import { CELL_CLASSES, type CellClass } from '../core/model-spec';
import { storedCropInput } from './stored-crops';
import type { CalibratedCase, CalibratedCell } from './worker-api';

/** Cells read at once: one batch shape for WebGL, and a bounded tensor for a case of hundreds. */
const READ_BATCH = 32;

/**
 * Calibrating a case to its own cells, and reading cells with a case's calibration. The worker
 * holds a calibration only for the request that brought it: each request folds it in, reads,
 * and puts the shipped weights back, so no case's statistics ever read another case's cells.
 * The requests must not overlap other uses of the classifier (see oneAtATime).
 */
export class CaseCalibrationRequests {
  constructor(private readonly classifier: CellClassifier) {}

  /**
   * Calibrates on the cells' stored crops (label-free) and reads each of them calibrated, from
   * the one pass that gathers the statistics. `classes`, each cell's class as the case reads it,
   * balance the statistics without a first reading of the case; without them (or with a class
   * this model does not know) the cells are read with the shipped weights first.
   */
  async calibrate(crops: readonly Uint8Array[], classes?: readonly CellClass[]): Promise<CalibratedCase> {
    const t0 = performance.now();
    const known = this.classifier.metadata.classes;
    const indices = classes?.map((c) => known.indexOf(c));
    const given = indices?.length === crops.length && indices.every((i) => i >= 0) ? indices : undefined;
    const read = await this.classifier.calibrateAndRead(crops.map(storedCropInput), { classes: given });
    const cells = read.probabilities.map((p) => calibratedCell(p, read.reviewThreshold));
    return { calibration: read.calibration, cells, ms: performance.now() - t0 };
  }

  /** Reads cells (a new image of a calibrated case, a cell drawn by hand) with a stored calibration. */
  async readWith(crops: readonly Uint8Array[], calibration: CaseCalibration): Promise<CalibratedCell[]> {
    const version = this.classifier.metadata.version;
    if (calibration.modelVersion !== version) {
      throw new Error(`this case was calibrated for model ${calibration.modelVersion}, not ${version}`);
    }
    try {
      this.classifier.useCalibration(calibration);
      return await this.read(crops.map(storedCropInput));
    } finally {
      this.classifier.useCalibration(undefined);
    }
  }

  /** The reading in use, with its own temperature and review threshold (a calibrated reading's, here). */
  private async read(inputs: readonly Float32Array[]): Promise<CalibratedCell[]> {
    const threshold = this.classifier.reviewThreshold;
    const cells: CalibratedCell[] = [];
    for (let i = 0; i < inputs.length; i += READ_BATCH) {
      for (const p of await this.classifier.classify(inputs.slice(i, i + READ_BATCH))) {
        cells.push(calibratedCell(p, threshold));
      }
    }
    return cells;
  }
}

/** A reading of one cell from its probabilities: the top class, its probability, and the review mark. */
export function calibratedCell(probabilities: number[], reviewThreshold: number): CalibratedCell {
  const top = probabilities.indexOf(Math.max(...probabilities));
  return {
    probabilities,
    predicted: CELL_CLASSES[top],
    confidence: probabilities[top],
    needsReview: probabilities[top] < reviewThreshold,
  };
}
