import type { CellClassifier, LinearHead } from '../core/classifier';
import { adaptHeadCalibrated, labelledCellFeatures, type LabelledFeatures } from '../core/head-adaptation';
import { bitmapPixels } from './bitmap-pixels';
import type { LabelledImage, NewAdaptation, SavedAdaptation } from './worker-api';

/**
 * Which head the worker's classifier runs: the shipped one, or one adapted to a lab. Adapting
 * always starts from the shipped head, so adapting twice never compounds.
 */
export class HeadSwitch {
  private readonly shipped: LinearHead;

  constructor(private readonly classifier: CellClassifier) {
    this.shipped = classifier.head();
  }

  async adapt(images: LabelledImage[]): Promise<NewAdaptation> {
    const t0 = performance.now();
    const examples: LabelledFeatures[] = [];
    for (const { image, label } of images) {
      try {
        const example = await labelledCellFeatures(bitmapPixels(image), label, this.classifier);
        if (example) examples.push(example);
      } finally {
        image.close();
      }
    }
    if (examples.length === 0) throw new Error('No white cell was found in any of these images.');
    return { ...this.fit(examples), skipped: images.length - examples.length, ms: performance.now() - t0 };
  }

  /** Adapts on cells whose features the analysis already computed (cells reviewed in cases). */
  adaptOnFeatures(examples: LabelledFeatures[]): NewAdaptation {
    const t0 = performance.now();
    const width = this.shipped.features;
    if (examples.some((e) => e.features.length !== width)) {
      throw new Error(`these cells' features do not fit this model (${width} expected)`);
    }
    if (examples.length === 0) throw new Error('No reviewed cells to adapt on.');
    return { ...this.fit(examples), skipped: 0, ms: performance.now() - t0 };
  }

  private fit(examples: LabelledFeatures[]): SavedAdaptation {
    const adapted = adaptHeadCalibrated(this.shipped, examples);
    this.classifier.setHead(adapted.head, adapted.temperature);
    const cellsPerClass = this.shipped.bias.map((_, c) => examples.filter((e) => e.label === c).length);
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
    return saved.id;
  }

  reset(): undefined {
    this.classifier.setHead(this.shipped, this.classifier.metadata.temperature);
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
