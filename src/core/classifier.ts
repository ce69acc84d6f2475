import * as tf from '@tensorflow/tfjs';
import {
  classBalancedWeights,
  foldCalibration,
  MIN_CALIBRATION_CELLS,
  StatisticsAccumulator,
  toChunks,
  type CalibrationSettings,
  type CaseCalibration,
  type TrainingStatistics,
} from './case-calibration';
import { gatherCaseStatistics } from './case-statistics-pass';
import type { ModelMetadata } from './model-metadata';
import type { NotWhiteCellHead } from './not-white-cell';
import { FusedNetwork } from './fused-network';
import {
  fetchModelFiles,
  ModelLoadError,
  type FetchLike,
  type ProgressListener,
  type VerifiedShards,
} from './model-files';
import { INPUT_SIZE } from './model-spec';

export { ModelLoadError };

/** A side × side heat map over the crop, row-major, values in [0, 1]. */
export interface ClassActivationMap {
  readonly map: Float32Array;
  readonly side: number;
  readonly classIndex: number;
}

/** The network's last layer: logits = features · kernel + bias (kernel row-major, features × classes). */
export interface LinearHead {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
  readonly features: number;
  readonly classes: number;
}

/** The settings a calibration uses when the model's metadata names none (no class floor). */
const DEFAULT_CALIBRATION: Required<CalibrationSettings> = { blend: 0.5, rounds: 1, classFloor: 0 };

/** A calibration's settings, and the smallest case it accepts (lower only to measure small cases). */
export interface CalibrateOptions extends Partial<CalibrationSettings> {
  readonly minCells?: number;
  /**
   * Each cell's class as the case reads it now, as its index in metadata.classes: the first
   * class-balanced weights come from it and the case is not read with the shipped weights
   * first. Without it, that shipped reading is run (what a script that holds only images does).
   */
  readonly classes?: readonly number[];
}

/** A case calibration and the case's cells read with it. */
export interface CalibratedReading {
  readonly calibration: CaseCalibration;
  /** Each cell's probabilities as classify() gives them once the calibration is folded in. */
  readonly probabilities: number[][];
  /** The review threshold of that reading (reviewThreshold once it is folded in). */
  readonly reviewThreshold: number;
}

export interface LoadOptions {
  fetchFn?: FetchLike;
  onProgress?: ProgressListener;
  /** Run the LayersModel as tfjs-layers builds it, never its fused ops (to compare the two). */
  layersOnly?: boolean;
  /** Shards kept from a download the network cut off (fetchModelFiles). */
  verifiedShards?: VerifiedShards;
}

/**
 * The white-cell classifier: load() → warmUp() → classify() → dispose(), after tfjs-models.
 * It never picks a tfjs backend: the host (the worker, a Node script) does that first.
 * A MobileNet-shaped model runs as fused ops over the model's own weights (FusedNetwork), one op
 * per convolution where tfjs-layers runs three to five; any other shape runs through tfjs-layers.
 */
export class CellClassifier {
  private explainer?: tf.LayersModel;
  private scorer?: tf.LayersModel;
  private readonly fused?: FusedNetwork;
  /** Logits are divided by this; the shipped value comes from validation, an adapted head has its own. */
  private logitScale: number;
  /** The case calibration in use and the network with it folded in. */
  private calibrated?: { readonly calibration: CaseCalibration; readonly network: FusedNetwork };

  private constructor(
    readonly metadata: ModelMetadata,
    private readonly model: tf.LayersModel,
    layersOnly = false,
    private readonly trainingStatistics?: TrainingStatistics,
    /** The "not a white cell" reject analyseImage applies to every box, where the model ships one. */
    readonly notWhiteCell?: NotWhiteCellHead,
  ) {
    this.logitScale = metadata.temperature;
    if (!layersOnly) this.fused = FusedNetwork.from(model, metadata.featureLayer, 'logits');
  }

  /** Whether the forward pass runs as fused ops rather than through tfjs-layers. */
  get runsFused(): boolean {
    return this.fused !== undefined;
  }

  static async load(baseUrl: string, options: LoadOptions = {}): Promise<CellClassifier> {
    const fetchFn = options.fetchFn ?? ((url: string) => fetch(url));
    const files = await fetchModelFiles(baseUrl, fetchFn, options.onProgress, options.verifiedShards);
    const weightSpecs = files.modelJson.weightsManifest.flatMap((g) => g.weights);
    try {
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: files.modelJson.modelTopology, weightSpecs, weightData: files.weights }),
      );
      return new CellClassifier(
        files.metadata,
        model,
        options.layersOnly,
        files.trainingStatistics,
        files.notWhiteCell,
      );
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
    return (await this.classifyWithFeatures(inputs)).probabilities;
  }

  /**
   * The temperature in use: metadata.temperature for the shipped head, the calibrated reading's
   * own when a case calibration is in use, or an adapted head's own (an adapted head was fitted
   * on readings of its own and keeps its temperature).
   */
  get temperature(): number {
    return this.reading(!!this.calibrated).temperature;
  }

  /** The review threshold of the reading in use: the shipped one, or a calibrated reading's own. */
  get reviewThreshold(): number {
    return this.reading(!!this.calibrated).reviewThreshold;
  }

  /**
   * The temperature and review threshold of a reading by the current head, of a calibrated
   * network or not: the shipped head reading a calibrated network has its own.
   */
  private reading(calibrated: boolean): { temperature: number; reviewThreshold: number } {
    const own = this.metadata.calibrated;
    return calibrated && own && this.logitScale === this.metadata.temperature
      ? { temperature: own.temperature, reviewThreshold: own.reviewThreshold }
      : { temperature: this.logitScale, reviewThreshold: this.metadata.reviewThreshold };
  }

  /** The case calibration folded in, or undefined for the shipped weights. */
  get calibration(): CaseCalibration | undefined {
    return this.calibrated?.calibration;
  }

  /**
   * Calibrates to a case without a label (docs/model.md, "Calibrating to a case"): weighs each
   * cell by 1 / the count of its class as the case reads it (options.classes, else a reading
   * with the shipped weights), gathers each step's statistics in one forward pass (blended with
   * the training labs'), and re-balances by that pass's calibrated reading for as many rounds
   * as set. It returns the calibration and changes nothing: useCalibration() folds it in.
   */
  async calibrate(inputs: Float32Array[], options: CalibrateOptions = {}): Promise<CaseCalibration> {
    return (await this.calibrateAndRead(inputs, options)).calibration;
  }

  /** The settings a calibration runs with: each as given, else as the model's metadata names it, else the default. */
  calibrationSettings(options: Partial<CalibrationSettings> = {}): Required<CalibrationSettings> {
    const shipped = this.metadata.calibrated;
    return {
      blend: options.blend ?? shipped?.blend ?? DEFAULT_CALIBRATION.blend,
      rounds: options.rounds ?? shipped?.rounds ?? DEFAULT_CALIBRATION.rounds,
      classFloor: options.classFloor ?? shipped?.classFloor ?? DEFAULT_CALIBRATION.classFloor,
    };
  }

  /**
   * calibrate(), with the cells read by the calibrated network: the pass that gathers the
   * statistics computes that reading anyway, so the case need not be read again.
   */
  async calibrateAndRead(inputs: Float32Array[], options: CalibrateOptions = {}): Promise<CalibratedReading> {
    if (!this.fused) throw new Error('Calibration needs the fused network; this model runs through tfjs-layers.');
    if (!this.trainingStatistics) throw new Error('This model ships no training statistics to calibrate against.');
    const minCells = options.minCells ?? MIN_CALIBRATION_CELLS;
    if (inputs.length < minCells) {
      throw new Error(`A case needs at least ${minCells} cells to calibrate on; it has ${inputs.length}.`);
    }
    const { blend, rounds, classFloor } = this.calibrationSettings(options);
    if (!(rounds >= 1)) throw new Error(`a calibration takes at least one round, not ${rounds}`);
    const given = options.classes;
    const classes = this.metadata.classes.length;
    if (given && (given.length !== inputs.length || given.some((c) => !Number.isInteger(c) || c < 0 || c >= classes))) {
      throw new Error(`${given.length} classes given for ${inputs.length} cells, or one is not a class of the model`);
    }
    const network = this.fused;
    const chunks = toChunks(inputs, INPUT_SIZE);
    try {
      let predicted = given;
      if (!predicted) {
        const shipped = tf.tidy(() => tf.concat(chunks.map((x) => network.apply(x).logits)));
        predicted = argmaxRows((await shipped.data()) as Float32Array, classes);
        shipped.dispose();
      }
      let steps: CaseCalibration['steps'] = [];
      let logits: Float32Array = new Float32Array();
      for (let r = 0; r < rounds; r++) {
        const weights = classBalancedWeights(predicted, classFloor);
        ({ steps, logits } = await gatherCaseStatistics(network, chunks, weights, this.trainingStatistics, blend));
        predicted = argmaxRows(logits, classes);
      }
      const { temperature, reviewThreshold } = this.reading(true);
      return {
        calibration: { modelVersion: this.metadata.version, cells: inputs.length, rounds, steps },
        probabilities: inputs.map((_, i) =>
          softmax(Array.from(logits.subarray(i * classes, (i + 1) * classes)), temperature),
        ),
        reviewThreshold,
      };
    } finally {
      tf.dispose(chunks);
    }
  }

  /** Gathers the shipped network's per-step statistics over many cells: the training labs' statistics. */
  shippedStatistics(): StatisticsAccumulator {
    if (!this.fused) throw new Error('Statistics need the fused network; this model runs through tfjs-layers.');
    return new StatisticsAccumulator(this.fused);
  }

  /**
   * Folds a case calibration into the network (undefined: the shipped weights back). classify,
   * embed and explain then read calibrated, at the shipped speed: the same ops, other weights.
   */
  useCalibration(calibration: CaseCalibration | undefined): void {
    if (calibration && calibration.modelVersion !== this.metadata.version) {
      throw new Error(
        `A calibration for model ${calibration.modelVersion} does not fit model ${this.metadata.version}.`,
      );
    }
    if (calibration && (!this.fused || !this.trainingStatistics)) {
      throw new Error('This model cannot be calibrated (no fused network or no training statistics).');
    }
    const network = calibration ? foldCalibration(this.fused!, this.trainingStatistics!, calibration.steps) : undefined;
    this.calibrated?.network.dispose();
    this.calibrated = network && calibration ? { calibration, network } : undefined;
  }

  /** The pooled features the linear head reads, one vector per crop (for adapting the head). */
  async embed(inputs: Float32Array[]): Promise<Float32Array[]> {
    return (await this.classifyWithFeatures(inputs)).features;
  }

  /**
   * classify() and embed() from one forward pass: the analysis keeps each cell's features so
   * that cells a user reviews can later adapt the head without their images being run again.
   */
  async classifyWithFeatures(inputs: Float32Array[]): Promise<{ probabilities: number[][]; features: Float32Array[] }> {
    if (inputs.length === 0) return { probabilities: [], features: [] };
    const network = this.network;
    const [features, logits] = tf.tidy(() => {
      const x = toBatch(inputs);
      if (network) {
        const { pooled, logits } = network.apply(x);
        return [pooled, logits];
      }
      this.scorer ??= tf.model({
        inputs: this.model.inputs,
        outputs: [this.model.getLayer('logits').input as tf.SymbolicTensor, this.model.outputs[0]],
      });
      return this.scorer.predict(x) as tf.Tensor[];
    });
    const [f, z] = await Promise.all([features.data() as Promise<Float32Array>, logits.data()]);
    const width = features.shape[1] as number;
    tf.dispose([features, logits]);
    const k = this.metadata.classes.length;
    return {
      probabilities: inputs.map((_, i) => softmax(Array.from(z.subarray(i * k, (i + 1) * k)), this.temperature)),
      features: inputs.map((_, i) => f.slice(i * width, (i + 1) * width)),
    };
  }

  /** A copy of the current linear head. */
  head(): LinearHead {
    const [kernel, bias] = this.model.getLayer('logits').getWeights();
    const [features, classes] = kernel.shape;
    return { kernel: kernel.dataSync() as Float32Array, bias: bias.dataSync() as Float32Array, features, classes };
  }

  /** Swaps in another head (an adapted one, or the shipped one back) with its own temperature. */
  setHead(head: LinearHead, temperature: number): void {
    const [current] = this.model.getLayer('logits').getWeights();
    if (current.shape[0] !== head.features || current.shape[1] !== head.classes) {
      throw new Error(`head of shape ${head.features}×${head.classes} does not fit ${current.shape.join('×')}`);
    }
    const weights = [tf.tensor2d(head.kernel, [head.features, head.classes]), tf.tensor1d(head.bias)];
    this.model.getLayer('logits').setWeights(weights);
    tf.dispose(weights);
    this.logitScale = temperature;
  }

  /**
   * Class activation map of one crop (Zhou et al. 2016): the last feature map weighted by the
   * linear head's weights for `classIndex` (default: the predicted class), negative evidence
   * cut to zero, scaled to a peak of 1. Exact for this network, whose logits are the mean over
   * positions of those weighted features, so the map shows what the score is made of.
   */
  async explain(input: Float32Array, classIndex?: number): Promise<ClassActivationMap> {
    const { maps, predicted } = await this.activationMaps(input);
    return maps[classIndex ?? predicted];
  }

  /** The class activation maps of every class for one crop, from one forward pass. */
  async explainAll(input: Float32Array): Promise<ClassActivationMap[]> {
    return (await this.activationMaps(input)).maps;
  }

  private async activationMaps(input: Float32Array): Promise<{ maps: ClassActivationMap[]; predicted: number }> {
    const [camTensor, logitsTensor] = tf.tidy(() => {
      const x = tf.tensor4d(input, [1, INPUT_SIZE, INPUT_SIZE, 3]);
      const [features, logits] = this.featureMapAndLogits(x);
      const [, side, , channels] = features.shape as number[];
      const headWeights = this.model.getLayer('logits').getWeights()[0] as tf.Tensor2D;
      // [positions, classes]: each class's evidence at each position of the feature map.
      const cams = features
        .reshape([side * side, channels])
        .matMul(headWeights)
        .relu();
      return [cams, logits];
    });
    const [values, logits] = await Promise.all([camTensor.data() as Promise<Float32Array>, logitsTensor.data()]);
    const positions = camTensor.shape[0];
    camTensor.dispose();
    logitsTensor.dispose();
    const side = Math.round(Math.sqrt(positions));
    const k = this.metadata.classes.length;
    const maps = Array.from({ length: k }, (_, c) => {
      const map = new Float32Array(positions);
      for (let i = 0; i < positions; i++) map[i] = values[i * k + c];
      const peak = Math.max(...map);
      if (peak > 0) for (let i = 0; i < positions; i++) map[i] /= peak;
      return { map, side, classIndex: c };
    });
    return { maps, predicted: Array.from(logits).indexOf(Math.max(...logits)) };
  }

  /** The last feature map and the logits of a batch (call inside tf.tidy). */
  private featureMapAndLogits(x: tf.Tensor4D): tf.Tensor[] {
    const network = this.network;
    if (network) {
      const { featureMap, logits } = network.apply(x);
      return [featureMap, logits];
    }
    this.explainer ??= tf.model({
      inputs: this.model.inputs,
      outputs: [this.model.getLayer(this.metadata.featureLayer).output as tf.SymbolicTensor, this.model.outputs[0]],
    });
    return this.explainer.predict(x) as tf.Tensor[];
  }

  /** The fused network in use: the calibrated one, else the shipped one (undefined: run tfjs-layers). */
  private get network(): FusedNetwork | undefined {
    return this.calibrated?.network ?? this.fused;
  }

  dispose(): void {
    this.calibrated?.network.dispose();
    this.calibrated = undefined;
    this.explainer = undefined;
    this.scorer = undefined;
    this.model.dispose();
  }
}

/** Crops made by cropToInput as one NHWC batch tensor (call inside tf.tidy). */
function toBatch(inputs: Float32Array[]): tf.Tensor4D {
  const batch = new Float32Array(inputs.length * INPUT_SIZE * INPUT_SIZE * 3);
  inputs.forEach((x, i) => batch.set(x, i * x.length));
  return tf.tensor4d(batch, [inputs.length, INPUT_SIZE, INPUT_SIZE, 3]);
}

/** The index of the largest value of each row of a row-major [rows, width] matrix. */
function argmaxRows(values: Float32Array, width: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += width) {
    let best = 0;
    for (let c = 1; c < width; c++) if (values[i + c] > values[i + best]) best = c;
    out.push(best);
  }
  return out;
}

/** Softmax of logits / temperature, computed stably in float64. */
export function softmax(logits: number[], temperature = 1): number[] {
  const scaled = logits.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
