import * as tf from '@tensorflow/tfjs';
import type { ModelMetadata } from './model-metadata';
import { fetchModelFiles, ModelLoadError, type FetchLike, type ProgressListener } from './model-files';
import { INPUT_SIZE } from './model-spec';

export { ModelLoadError };

export interface LoadOptions {
  fetchFn?: FetchLike;
  onProgress?: ProgressListener;
}

/**
 * The white-cell classifier: load() → warmUp() → classify() → dispose(), after tfjs-models.
 * It never picks a tfjs backend: the host (the worker, a Node script) does that first.
 */
export class CellClassifier {
  private constructor(
    readonly metadata: ModelMetadata,
    private readonly model: tf.LayersModel,
  ) {}

  static async load(baseUrl: string, options: LoadOptions = {}): Promise<CellClassifier> {
    const fetchFn = options.fetchFn ?? ((url: string) => fetch(url));
    const files = await fetchModelFiles(baseUrl, fetchFn, options.onProgress);
    const weightSpecs = files.modelJson.weightsManifest.flatMap((g) => g.weights);
    try {
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: files.modelJson.modelTopology, weightSpecs, weightData: files.weights }),
      );
      return new CellClassifier(files.metadata, model);
    } catch (err) {
      throw new ModelLoadError(`The model could not be built: ${(err as Error).message}`);
    }
  }

  /**
   * Runs one blank crop through the network so shaders compile before the first real image,
   * and checks the answer is a probability vector: a backend that computes garbage (a broken
   * GPU driver, a lost context) fails here instead of mislabelling cells.
   */
  async warmUp(): Promise<void> {
    const [p] = await this.classify([new Float32Array(INPUT_SIZE * INPUT_SIZE * 3)]);
    const sum = p.reduce((a, b) => a + b, 0);
    if (!p.every(Number.isFinite) || Math.abs(sum - 1) > 1e-3) {
      throw new Error(`backend ${tf.getBackend()} failed the warm-up check`);
    }
  }

  /** Calibrated class probabilities for crops made by cropToInput, in CELL_CLASSES order. */
  async classify(inputs: Float32Array[]): Promise<number[][]> {
    if (inputs.length === 0) return [];
    const logits = this.logits(inputs);
    const values = await logits.data();
    logits.dispose();
    const k = this.metadata.classes.length;
    return inputs.map((_, i) => softmax(Array.from(values.subarray(i * k, (i + 1) * k)), this.metadata.temperature));
  }

  private logits(inputs: Float32Array[]): tf.Tensor {
    return tf.tidy(() => {
      const batch = new Float32Array(inputs.length * INPUT_SIZE * INPUT_SIZE * 3);
      inputs.forEach((x, i) => batch.set(x, i * x.length));
      const x = tf.tensor4d(batch, [inputs.length, INPUT_SIZE, INPUT_SIZE, 3]);
      return this.model.predict(x) as tf.Tensor;
    });
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Softmax of logits / temperature, computed stably in float64. */
export function softmax(logits: number[], temperature = 1): number[] {
  const scaled = logits.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
