import type { AnalysedCell } from '../core/analyse';
import type { CellClassifier } from '../core/classifier';
import {
  AdaptationStopped,
  adaptHeadCrossValidated,
  type ShippedCalibration,
} from '../core/cross-validated-adaptation';
import { labelledCellInput, type LabelledFeatures } from '../core/head-adaptation';
import { readWithHead, type CalibratedHead } from '../core/read-with-head';
import { bitmapPixels } from './bitmap-pixels';
import type {
  AdaptationProgressCallback,
  LabelledImage,
  NewAdaptation,
  RereadOutcome,
  SavedAdaptation,
} from './worker-api';

/**
 * Cells embedded together: one batch shape, padded, so WebGL compiles its shaders once for
 * adapting instead of once per image (or per odd remainder).
 */
const EMBED_BATCH = 8;
/** Share of an adaptation on images spent reading them (measured: the fit is a small part). */
const READING_SHARE = 0.85;

/** How one request reads its cells: the model its answer names, and the head that reads the features. */
export interface HeadReading {
  /** The shipped version, or `<version>+<profile id>`. */
  readonly modelVersion: string;
  /** Below this top probability a cell is marked for review, for this head. */
  readonly reviewThreshold: number;
  /** The cells the classifier read with the shipped head, as this head reads them. */
  read(cells: AnalysedCell[], features: readonly Float32Array[]): AnalysedCell[];
}

/**
 * Which head reads a request's cells: the shipped one, or a lab profile's, each with its own
 * temperature and review threshold. The classifier itself always runs the shipped head; a
 * profile's head is applied to the pooled features of each request that names it, so no head
 * outlives its request or leaks into another case, tab or page. Adapting always starts from the
 * shipped head, so adapting twice never compounds.
 */
export class HeadSwitch {
  private readonly shipped: ShippedCalibration;
  private stopRequested = false;

  constructor(private readonly classifier: CellClassifier) {
    const m = classifier.metadata;
    this.shipped = {
      head: classifier.head(),
      temperature: m.temperature,
      reviewThreshold: m.reviewThreshold,
      reviewTarget: m.reviewTarget,
    };
  }

  /** How a request naming `profile` (none: the shipped model) reads its cells. */
  reading(profile?: SavedAdaptation): HeadReading {
    const version = this.classifier.metadata.version;
    if (!profile)
      return { modelVersion: version, reviewThreshold: this.shipped.reviewThreshold, read: (cells) => cells };
    const reader = this.profileHead(profile);
    return {
      modelVersion: `${version}+${profile.id}`,
      reviewThreshold: reader.reviewThreshold,
      read: (cells, features) => cells.map((cell, i) => readWithHead(cell, features[i], reader)),
    };
  }

  /** Stored cells read again by `profile`'s head (none: the shipped head) from their pooled features. */
  reread(cells: readonly AnalysedCell[], features: readonly Float32Array[], profile?: SavedAdaptation): RereadOutcome {
    if (features.length !== cells.length) throw new Error('every cell needs its features to be read again');
    const reader = profile ? this.profileHead(profile) : this.shipped;
    const version = this.classifier.metadata.version;
    return {
      cells: cells.map((cell, i) => readWithHead(cell, features[i], reader)),
      modelVersion: profile ? `${version}+${profile.id}` : version,
    };
  }

  private profileHead(profile: SavedAdaptation): CalibratedHead {
    const version = this.classifier.metadata.version;
    if (profile.modelVersion !== version) {
      throw new Error(`the lab profile ${profile.id} was made for model ${profile.modelVersion}, not ${version}`);
    }
    const { head, temperature, reviewThreshold } = profile.adapted;
    return { head, temperature, reviewThreshold: reviewThreshold ?? this.shipped.reviewThreshold };
  }

  async adapt(images: LabelledImage[], onProgress?: AdaptationProgressCallback): Promise<NewAdaptation> {
    const t0 = performance.now();
    this.stopRequested = false;
    const examples: LabelledFeatures[] = [];
    const cells = images.length;
    try {
      for (let start = 0; start < cells; start += EMBED_BATCH) {
        if (this.stopRequested) throw new AdaptationStopped();
        const batch = images.slice(start, start + EMBED_BATCH);
        const inputs: { input: Float32Array; label: number }[] = [];
        for (const { image, label } of batch) {
          const input = labelledCellInput(bitmapPixels(image));
          image.close();
          if (input) inputs.push({ input, label });
        }
        if (inputs.length > 0) {
          const padded = inputs.map((i) => i.input);
          while (padded.length < EMBED_BATCH) padded.push(new Float32Array(padded[0].length));
          const features = await this.classifier.embed(padded);
          inputs.forEach(({ label }, i) => examples.push({ features: features[i], label }));
        }
        const done = start + batch.length;
        onProgress?.({ stage: 'reading', cellsDone: done, cells, fraction: (READING_SHARE * done) / cells });
      }
    } finally {
      for (const { image } of images) image.close();
    }
    if (examples.length === 0) throw new Error('No white cell was found in any of these images.');
    const fitted = await this.fit(examples, (stepsDone, steps) =>
      onProgress?.({
        stage: 'fitting',
        cellsDone: cells,
        cells,
        fraction: READING_SHARE + ((1 - READING_SHARE) * stepsDone) / steps,
      }),
    );
    return { ...fitted, skipped: images.length - examples.length, ms: performance.now() - t0 };
  }

  /** Adapts on cells whose features the analysis already computed (cells reviewed in cases). */
  async adaptOnFeatures(examples: LabelledFeatures[], onProgress?: AdaptationProgressCallback): Promise<NewAdaptation> {
    const t0 = performance.now();
    this.stopRequested = false;
    const width = this.shipped.head.features;
    if (examples.some((e) => e.features.length !== width)) {
      throw new Error(`these cells' features do not fit this model (${width} expected)`);
    }
    if (examples.length === 0) throw new Error('No reviewed cells to adapt on.');
    const cells = examples.length;
    const fitted = await this.fit(examples, (stepsDone, steps) =>
      onProgress?.({ stage: 'fitting', cellsDone: cells, cells, fraction: stepsDone / steps }),
    );
    return { ...fitted, skipped: 0, ms: performance.now() - t0 };
  }

  /** Stops the adaptation under way at its next step. */
  cancel(): void {
    this.stopRequested = true;
  }

  private async fit(
    examples: LabelledFeatures[],
    onProgress: (stepsDone: number, steps: number) => void,
  ): Promise<SavedAdaptation> {
    const { adapted } = await adaptHeadCrossValidated(this.shipped, examples, {
      onProgress,
      stopped: () => this.stopRequested,
    });
    const cellsPerClass = this.shipped.head.bias.map((_, c) => examples.filter((e) => e.label === c).length);
    return {
      modelVersion: this.classifier.metadata.version,
      id: `lab.${fingerprint(adapted.head.kernel, adapted.head.bias)}`,
      adapted,
      cellsPerClass: Array.from(cellsPerClass),
      createdAt: new Date().toISOString(),
    };
  }
}

/** FNV-1a over the weights' bytes, as 8 hex digits: the same weights always get the same name. */
function fingerprint(...arrays: Float32Array[]): string {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    for (const byte of new Uint8Array(a.buffer, a.byteOffset, a.byteLength)) {
      h = Math.imul(h ^ byte, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}
