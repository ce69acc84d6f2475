import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { CellClassifier } from '../core/classifier';
import type { VerifiedShards } from '../core/model-files';
import type { BackendName, LoadOptions, ModelInfo, ProgressCallback } from './worker-api';
import { BACKENDS } from './worker-api';
import { chooseWasmThreads, wasmThreadsInUse } from './wasm-threads';

// The WASM binaries are served from this app's own origin (see vite.config.ts), never a CDN.
setWasmPaths(new URL(`${import.meta.env.BASE_URL}tfjs-wasm/`, self.location.origin).href);

/**
 * Shards of a model download the network cut off, kept in this worker so that the next load
 * (the page resumes once the network is back) fetches only the rest; emptied once a model is built.
 */
const downloadedShards: VerifiedShards = new Map();

export interface StartedModel {
  readonly classifier: CellClassifier;
  readonly info: ModelInfo;
}

/**
 * Loads the classifier on the first backend that starts and passes its warm-up check:
 * WebGL, then WASM, then CPU. A model-loading error (missing shard, bad checksum) is the
 * same on every backend, so it is thrown at once rather than masked by a fallback.
 */
export async function startBackend(options: LoadOptions, onProgress: ProgressCallback): Promise<StartedModel> {
  const order = options.forced ? [options.forced] : BACKENDS.filter((b) => !options.skip.includes(b));
  const failures: { backend: BackendName; reason: string }[] = [];
  chooseWasmThreads(options.wasmThreads !== false);
  for (const backend of order) {
    const ok = await trySetBackend(backend);
    if (!ok) {
      failures.push({ backend, reason: 'could not start' });
      continue;
    }
    const t0 = performance.now();
    const classifier = await CellClassifier.load(options.modelUrl, { onProgress, verifiedShards: downloadedShards });
    downloadedShards.clear();
    const t1 = performance.now();
    try {
      await classifier.warmUp();
    } catch (err) {
      classifier.dispose();
      failures.push({ backend, reason: `failed its warm-up check: ${(err as Error).message}` });
      continue;
    }
    const m = classifier.metadata;
    const info = {
      backend,
      version: m.version,
      reviewThreshold: m.reviewThreshold,
      reviewTarget: m.reviewTarget,
      totalBytes: m.totalBytes,
      failures,
      wasmThreads: backend === 'wasm' ? wasmThreadsInUse() : undefined,
      loadMs: t1 - t0,
      warmUpMs: performance.now() - t1,
    };
    return { classifier, info };
  }
  const tried = failures.map((f) => `${f.backend} ${f.reason}`).join('; ');
  throw new BackendUnavailableError(`No compute backend could run the model (${tried || 'none allowed'}).`, failures);
}

export class BackendUnavailableError extends Error {
  constructor(
    message: string,
    readonly failures: { backend: BackendName; reason: string }[],
  ) {
    super(message);
  }
}

async function trySetBackend(backend: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(backend))) return false;
    await tf.ready();
    return tf.getBackend() === backend;
  } catch {
    return false;
  }
}
