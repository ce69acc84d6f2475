/**
 * The test and benchmark side of the worker, apart from the API every user loads. The page names
 * its worker `analysis-debug` only when opened with `?debug`; only such a worker accepts a
 * DebugPortMessage, and only then fetches the code behind it (src/worker/bench/debug-api.ts).
 */
export type AnalysisWorkerName = 'analysis' | 'analysis-debug';

/** Sent by the page to a debug worker: the port on which it exposes DebugWorkerApi (Comlink). */
export interface DebugPortMessage {
  readonly debugPort: MessagePort;
}

/** tf.memory() in the worker: tensors alive and the bytes they hold. */
export interface WorkerMemory {
  readonly numTensors: number;
  readonly numBytes: number;
  readonly numDataBuffers: number;
}

/** One image through the seed's pipeline, split by stage like AnalysisOutcome.timings; buildMs is non-zero on the first call. */
export interface SeedTimings {
  readonly buildMs: number;
  readonly pixelsMs: number;
  /** The whole field resized to the seed's 224 × 224 input. */
  readonly cropMs: number;
  readonly classifyMs: number;
  readonly thumbnailMs: number;
}

export interface DebugWorkerApi {
  /** tf.memory() now: lets tests check that every batch gives its tensors back. */
  memory(): Promise<WorkerMemory>;
  /** Loses the WebGL context on purpose; does nothing (false) on WASM or CPU. */
  loseContext(): Promise<boolean>;
  /** One image through the seed's architecture on the same backend (benchmark only). */
  analyseSeed(image: ImageBitmap): Promise<SeedTimings>;
}
