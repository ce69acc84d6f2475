import type { CellClassifier } from '../core/classifier';
import {
  AdaptationStopped,
  adaptHeadCrossValidated,
  type ShippedCalibration,
} from '../core/cross-validated-adaptation';
import { labelledCellInput, type LabelledFeatures } from '../core/head-adaptation';
import { bitmapPixels } from './bitmap-pixels';
import type { AdaptationProgressCallback, LabelledImage, NewAdaptation, SavedAdaptation } from './worker-api';

/**
 * Cells embedded together: one batch shape, padded, so WebGL compiles its shaders once for
 * adapting instead of once per image (or per odd remainder).
 */
const EMBED_BATCH = 8;
/** Share of an adaptation on images spent reading them (measured: the fit is a small part). */
const READING_SHARE = 0.85;

/**
 * Which head the worker's classifier runs: the shipped one, or one adapted to a lab, each with
 * its own temperature and review threshold. Adapting always starts from the shipped head, so
 * adapting twice never compounds; a new adaptation is only used once the user keeps it.
 */
export class HeadSwitch {
  private readonly shipped: ShippedCalibration;
  private inUse?: SavedAdaptation;
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

  /** Below this top probability a cell is marked for review, for the head in use. */
  get reviewThreshold(): number {
    return this.inUse?.adapted.reviewThreshold ?? this.shipped.reviewThreshold;
  }

  /** The model reading now: the shipped version, or `<version>+<adaptation id>`. */
  get modelVersion(): string {
    const version = this.classifier.metadata.version;
    return this.inUse ? `${version}+${this.inUse.id}` : version;
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

  /** Applies a saved adaptation if it was made for this model (its id), else keeps the shipped head. */
  use(saved: SavedAdaptation): string | undefined {
    if (saved.modelVersion !== this.classifier.metadata.version) return undefined;
    this.classifier.setHead(saved.adapted.head, saved.adapted.temperature);
    this.inUse = saved;
    return saved.id;
  }

  reset(): undefined {
    this.classifier.setHead(this.shipped.head, this.shipped.temperature);
    this.inUse = undefined;
    return undefined;
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
