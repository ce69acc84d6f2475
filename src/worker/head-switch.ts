import type { CellClassifier, LinearHead } from '../core/classifier';
import { adaptHeadCalibrated, labelledCellFeatures, type LabelledFeatures } from '../core/head-adaptation';
import { bitmapPixels } from './bitmap-pixels';
import type { LabelledImage, SavedAdaptation } from './worker-api';

/**
 * Which head the worker's classifier runs: the shipped one, or one adapted to a lab. Adapting
 * always starts from the shipped head, so adapting twice never compounds.
 */
export class HeadSwitch {
  private readonly shipped: LinearHead;

  constructor(private readonly classifier: CellClassifier) {
    this.shipped = classifier.head();
  }

  async adapt(images: LabelledImage[]): Promise<SavedAdaptation & { skipped: number; ms: number }> {
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
    const adapted = adaptHeadCalibrated(this.shipped, examples);
    this.classifier.setHead(adapted.head, adapted.temperature);
    const cellsPerClass = this.shipped.bias.map((_, c) => examples.filter((e) => e.label === c).length);
    return {
      modelVersion: this.classifier.metadata.version,
      adapted,
      cellsPerClass: Array.from(cellsPerClass),
      createdAt: new Date().toISOString(),
      skipped: images.length - examples.length,
      ms: performance.now() - t0,
    };
  }

  /** Applies a saved adaptation if it was made for this model; false (shipped head kept) if not. */
  use(saved: SavedAdaptation): boolean {
    if (saved.modelVersion !== this.classifier.metadata.version) return false;
    this.classifier.setHead(saved.adapted.head, saved.adapted.temperature);
    return true;
  }

  reset(): boolean {
    this.classifier.setHead(this.shipped, this.classifier.metadata.temperature);
    return false;
  }
}
