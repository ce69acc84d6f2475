import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { AnalysedCell } from '@/core/analyse';
import type { LabelledFeatures } from '@/core/head-adaptation';
import type { Box } from '@/core/rgba-image';
import type {
  AdaptationProgressCallback,
  AnalysisWorkerApi,
  CalibratedCase,
  CalibratedCell,
  ExplainResult,
  HandCellOutcome,
  ModelInfo,
  NewAdaptation,
  RereadOutcome,
  SavedAdaptation,
} from '@/worker/worker-api';
import type { AnalysisWorkerName } from '@/worker/debug-worker-api';
import type { CaseCalibration } from '@/core/case-calibration';
import type { CellClass } from '@/core/model-spec';
import { failedBackends, forcedBackend, rememberFailedBackends, wasmThreadsAllowed } from './backend-choice';
import { debugRequested } from './debug-flag';
import { decodeFile } from './decode-file';
import { inspectFile } from '@/lib/image-format/inspect-file';
import { GRAYSCALE_NOTE } from '@/lib/image-format/plan-intake';
import type { ImageOutcome } from './image-outcome';
import { interruptedAt, isDownloadInterrupted, type ModelState, type ModelStateListener } from './model-state';
import { StopSignal, Stopper } from './stopper';
import { wideFieldNote } from './wide-field-note';

const MODEL_URL = new URL(`${import.meta.env.BASE_URL}model`, location.origin).href;

/**
 * The UI's only door to the analysis worker. It starts the worker lazily, loads the model,
 * decodes files and hands them over as transferred ImageBitmaps; `cancel` terminates the
 * worker at once, and the next call starts a fresh one.
 */
export class AnalysisClient {
  /**
   * `workerName` names each worker started (WorkerOptions.name): `analysis-debug` lets the test
   * and benchmark hooks attach to it (src/lib/worker-client/debug-hooks.ts); the app's worker is `analysis`.
   */
  constructor(private readonly workerName: AnalysisWorkerName = 'analysis') {}

  private worker?: Worker;
  private readonly workerListeners = new Set<(worker: Worker) => void>();
  private api?: Remote<AnalysisWorkerApi>;
  private loading?: Promise<ModelInfo>;
  private stopper = new Stopper();
  private state: ModelState = { status: 'idle' };
  private readonly listeners = new Set<ModelStateListener>();

  subscribe(listener: ModelStateListener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Loads the model if it is not loaded or loading; resolves when it is warm. */
  load(): Promise<ModelInfo> {
    if (this.loading) return this.loading;
    const { api, stopper } = this.start();
    // Resuming a cut-off download: the bar starts where it stopped.
    const from = this.state.status === 'interrupted' ? this.state : { loadedBytes: 0, totalBytes: 0 };
    this.setState({ status: 'loading', loadedBytes: from.loadedBytes, totalBytes: from.totalBytes });
    const onProgress = proxy((loadedBytes: number, totalBytes: number) => {
      if (!stopper.stopped) this.setState({ status: 'loading', loadedBytes, totalBytes });
    });
    const start = async () => {
      const options = {
        modelUrl: MODEL_URL,
        forced: forcedBackend(location.search),
        skip: failedBackends(),
        wasmThreads: wasmThreadsAllowed(location.search),
      };
      return api.load(options, onProgress);
    };
    const loading = stopper.race(start()).then(
      (info) => {
        rememberFailedBackends(info.failures.map((f) => f.backend));
        this.setState({ status: 'ready', info });
        return info;
      },
      (err: unknown) => {
        if (stopper.stopped) throw err;
        // A download the network cut off keeps its worker, which keeps the shards it checked.
        if (isDownloadInterrupted(err)) {
          this.loading = undefined;
          this.setState(interruptedAt(this.state));
        } else this.stop({ status: 'error', message: messageOf(err) });
        throw err;
      },
    );
    this.loading = loading;
    return loading;
  }

  /** Stops everything, then loads again in a fresh worker. */
  retry(): Promise<ModelInfo> {
    this.stop({ status: 'idle' });
    return this.load();
  }

  /** Terminates the worker now: every pending analysis resolves as cancelled. */
  cancel(): void {
    this.stop({ status: 'idle' });
  }

  /**
   * Analyses one file. If the worker fails on it (a lost WebGL context, a crash), the worker is
   * rebuilt once — loading the model again, falling back if its backend no longer starts — and
   * the file is tried again, so a batch carries on. `profile` is the lab profile that reads this
   * image (a case's); without one the shipped model reads it (practice, the atlas).
   */
  async analyse(file: File, profile?: SavedAdaptation): Promise<ImageOutcome> {
    const first = await this.analyseOnce(file, profile);
    if (first.status !== 'error' || !('workerFailed' in first)) return first;
    this.stop({ status: 'idle' });
    const second = await this.analyseOnce(file, profile);
    return second.status === 'error' ? { status: 'error', message: second.message } : second;
  }

  /**
   * Adapts the model to a lab's labelled images and returns the result without using or saving
   * it: the user sees how it reads their cells first, then keeps it (keepAdaptation) or not.
   * Undecodable files are skipped.
   */
  async adapt(
    files: readonly { file: File; label: number }[],
    onProgress?: AdaptationProgressCallback,
  ): Promise<NewAdaptation> {
    const images: { image: ImageBitmap; label: number }[] = [];
    let unreadable = 0;
    for (const { file, label } of files) {
      const plan = await inspectFile(file);
      const image = plan.ok ? await decodeFile(file, plan).catch(() => undefined) : undefined;
      if (image) images.push({ image, label });
      else unreadable++;
    }
    const progress = onProgress && proxy(onProgress);
    const result = await this.runAdaptation((api) =>
      api.adapt(
        transfer(
          images,
          images.map((i) => i.image),
        ),
        progress,
      ),
    );
    return { ...result, skipped: result.skipped + unreadable };
  }

  /** Adapts the model on cells reviewed in cases (their stored features), like adapt(). */
  async adaptOnReviewedCells(
    examples: LabelledFeatures[],
    onProgress?: AdaptationProgressCallback,
  ): Promise<NewAdaptation> {
    const progress = onProgress && proxy(onProgress);
    return this.runAdaptation((api) => api.adaptOnFeatures(examples, progress));
  }

  private async runAdaptation(
    start: (api: Remote<AnalysisWorkerApi>) => Promise<NewAdaptation>,
  ): Promise<NewAdaptation> {
    await this.load();
    const stopper = this.stopper;
    if (!this.api) throw new Error('The analysis worker stopped.');
    // A crashed or replaced worker ends the wait instead of leaving "Adapting…" for ever.
    return stopper.race(start(this.api)).catch((err: unknown) => {
      throw err instanceof StopSignal ? new Error('adapting was stopped before it finished; nothing was saved.') : err;
    });
  }

  /** Stops the adaptation under way: the worker gives up at its next step and nothing is kept. */
  async cancelAdaptation(): Promise<void> {
    await this.api?.cancelAdaptation();
  }

  /**
   * Stored cells read again from their pooled features by `profile`'s head (none: the shipped
   * model's), without their images: what switching a case to another profile runs.
   */
  async rereadCells(
    cells: AnalysedCell[],
    features: Float32Array[],
    profile?: SavedAdaptation,
  ): Promise<RereadOutcome> {
    await this.load();
    if (!this.api) throw new Error('The analysis worker stopped.');
    return this.stopper.race(this.api.rereadCells(cells, features, profile));
  }

  /** Calls `listener` with the running worker, if any, and with each worker started from now on. */
  onWorkerStart(listener: (worker: Worker) => void): () => void {
    this.workerListeners.add(listener);
    if (this.worker) listener(this.worker);
    return () => this.workerListeners.delete(listener);
  }

  /**
   * A cell's class activation map, made from the crops the worker kept when it analysed the
   * image; undefined when that worker has since been replaced (a cancel) or has forgotten it.
   */
  async explainCell(analysisId: string, cellIndex: number, classIndex: number): Promise<ExplainResult | undefined> {
    if (!this.api) return undefined;
    return this.api.explain({ analysisId, cellIndex, classIndex });
  }

  /**
   * Classifies a cell boxed by hand on a stored picture of a field (a case image's thumbnail):
   * `box` and the answer are in the analysed image's pixels, `width` × `height`.
   */
  async classifyBox(
    picture: Blob,
    box: Box,
    width: number,
    height: number,
    profile?: SavedAdaptation,
  ): Promise<HandCellOutcome> {
    const bitmap = await createImageBitmap(picture);
    try {
      await this.load();
    } catch (err) {
      bitmap.close();
      throw err;
    }
    if (!this.api) {
      bitmap.close();
      throw new Error('The analysis worker stopped.');
    }
    return this.stopper.race(this.api.classifyBox(transfer(bitmap, [bitmap]), box, width, height, profile));
  }

  /**
   * Calibrates a case to its own cells from their stored crops (label-free), balanced by each
   * cell's class as the case reads it (`classes`); the worker keeps nothing.
   */
  async calibrateCase(crops: Uint8Array[], classes?: CellClass[]): Promise<CalibratedCase> {
    await this.load();
    if (!this.api) throw new Error('The analysis worker stopped.');
    return this.stopper.race(this.api.calibrateCase(crops, classes));
  }

  /** Reads cells with a case's stored calibration: new images of a calibrated case, cells drawn by hand. */
  async readCalibrated(crops: Uint8Array[], calibration: CaseCalibration): Promise<CalibratedCell[]> {
    await this.load();
    if (!this.api) throw new Error('The analysis worker stopped.');
    return this.stopper.race(this.api.readCalibrated(crops, calibration));
  }

  /** The fewest cells a case is calibrated on: a fact of the worker's model code, asked without loading the model. */
  async calibrationMinimum(): Promise<number> {
    const { api, stopper } = this.start();
    return stopper.race(api.calibrationMinimum());
  }

  private async analyseOnce(
    file: File,
    profile: SavedAdaptation | undefined,
  ): Promise<ImageOutcome | { status: 'error'; message: string; workerFailed: true }> {
    const stopper = this.stopper;
    const plan = await inspectFile(file);
    if (!plan.ok) return { status: 'error', message: plan.message };
    let bitmap: ImageBitmap;
    try {
      bitmap = await decodeFile(file, plan);
    } catch {
      return { status: 'error', message: 'The image could not be decoded: the file is damaged or incomplete.' };
    }
    try {
      await this.load();
    } catch {
      bitmap.close();
      // A failed load stops the worker too; only a stop that is not that failure is a cancel.
      if (stopper.stopped && this.state.status !== 'error') return { status: 'cancelled' };
      return {
        status: 'error',
        message: 'Not analysed: the model could not be loaded. Use Retry at the top, then add it again.',
      };
    }
    try {
      if (stopper.stopped || !this.api) throw new StopSignal();
      const t0 = performance.now();
      const out = await stopper.race(this.api.analyse(transfer(bitmap, [bitmap]), profile));
      const notes = [...plan.notes];
      if (out.grayscale && !notes.includes(GRAYSCALE_NOTE)) notes.push(GRAYSCALE_NOTE);
      if (out.magnification > 1) notes.push(wideFieldNote(out.magnification));
      const thumbnailUrl = URL.createObjectURL(out.thumbnail);
      return { status: 'done', ...out, thumbnailUrl, notes, elapsedMs: performance.now() - t0 };
    } catch (err) {
      bitmap.close();
      if (err instanceof StopSignal || stopper.stopped) return { status: 'cancelled' };
      return { status: 'error', message: `Analysis failed: ${messageOf(err)}`, workerFailed: true };
    }
  }

  private start(): { api: Remote<AnalysisWorkerApi>; stopper: Stopper } {
    if (!this.worker || !this.api) {
      this.worker = new Worker(new URL('../../worker/analysis.worker.ts', import.meta.url), {
        type: 'module',
        name: this.workerName,
      });
      // A worker whose script could not be fetched (the network dropped on a first visit) did not crash.
      this.worker.addEventListener('error', () =>
        this.stop(
          this.state.status === 'loading' && !navigator.onLine
            ? interruptedAt(this.state)
            : { status: 'error', message: 'The analysis worker crashed.' },
        ),
      );
      this.api = wrap<AnalysisWorkerApi>(this.worker);
      for (const listener of this.workerListeners) listener(this.worker);
    }
    return { api: this.api, stopper: this.stopper };
  }

  private stop(next: ModelState): void {
    this.stopper.stop();
    this.stopper = new Stopper();
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
    this.loading = undefined;
    this.setState(next);
  }

  private setState(state: ModelState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The app's single client; with `?debug` its workers accept the test and benchmark hooks. */
export const analysisClient = new AnalysisClient(debugRequested(location.search) ? 'analysis-debug' : 'analysis');
