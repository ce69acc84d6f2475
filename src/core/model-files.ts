import type { TrainingStatistics } from './case-calibration';
import type { ModelMetadata } from './model-metadata';
import type { NotWhiteCellHead } from './not-white-cell';
import { CELL_CLASSES, INPUT_SIZE, NORMALISATION } from './model-spec';

/** A model that cannot be loaded; `message` is one line a user can act on. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/**
 * The part of a fetch `Response` that loading reads. Core names it itself rather than take the
 * DOM's type: the page's, the worker's and Node's fetch all return a value of this shape.
 */
export interface FetchedFile {
  readonly ok: boolean;
  readonly status: number;
  readonly body: {
    getReader(): { read(): Promise<{ done: true; value?: unknown } | { done: false; value: Uint8Array }> };
  } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The network failed while the model was downloading (a request that got no answer, a download
 * cut off mid-stream): fetching again once the network is back can finish it, unlike a file that
 * arrived wrong. Its name crosses from the worker with the message.
 */
export class ModelDownloadInterrupted extends ModelLoadError {
  override name = 'ModelDownloadInterrupted';
}

/**
 * Shards already downloaded and checked, by their sha256: a download the network cut off starts
 * again with these in hand and fetches only the rest. The caller owns it (and frees it once the
 * model is built).
 */
export type VerifiedShards = Map<string, ArrayBuffer>;

export type FetchLike = (url: string) => Promise<FetchedFile>;
export type ProgressListener = (loadedBytes: number, totalBytes: number) => void;

export interface ModelFiles {
  readonly metadata: ModelMetadata;
  readonly modelJson: { modelTopology: object; weightsManifest: { weights: WeightSpec[] }[] };
  readonly weights: ArrayBuffer;
  /** The training labs' statistics for calibrating to a case, where the model ships them. */
  readonly trainingStatistics?: TrainingStatistics;
  /** The "not a white cell" reject, where the model ships one. */
  readonly notWhiteCell?: NotWhiteCellHead;
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
  quantization?: { dtype: 'float16'; original_dtype?: 'float32' };
}

/**
 * Fetches metadata.json, model.json and every shard, counting bytes as they stream in, and
 * checks each shard against its sha256 before anything is handed to tfjs: a missing, cut or
 * corrupted file ends here with a message naming it, never as a half-loaded model. A shard in
 * `verified` with the checksum metadata.json asks for is taken from there, not fetched again;
 * each shard that passes its check is added to it.
 */
export async function fetchModelFiles(
  baseUrl: string,
  fetchFn: FetchLike,
  onProgress?: ProgressListener,
  verified?: VerifiedShards,
): Promise<ModelFiles> {
  const metadata = await fetchJson<ModelMetadata>(`${baseUrl}/metadata.json`, fetchFn);
  checkAgreesWithSpec(metadata);
  let loaded = 0;
  const report = (n: number) => {
    loaded += n;
    onProgress?.(loaded, metadata.totalBytes);
  };
  const modelJsonBytes = await fetchBytes(`${baseUrl}/model.json`, fetchFn, report);
  let modelJson: ModelFiles['modelJson'];
  try {
    modelJson = JSON.parse(new TextDecoder().decode(modelJsonBytes));
  } catch {
    throw new ModelLoadError('model.json is not valid JSON: the model files are damaged; reload or reinstall.');
  }
  const weights = new Uint8Array(metadata.shards.reduce((sum, s) => sum + s.bytes, 0));
  let offset = 0;
  for (const shard of metadata.shards) {
    let bytes = verified?.get(shard.sha256);
    if (bytes && bytes.byteLength === shard.bytes) {
      report(bytes.byteLength);
    } else {
      bytes = await fetchBytes(`${baseUrl}/${shard.path}`, fetchFn, report);
      const digest = await sha256Hex(bytes);
      if (bytes.byteLength !== shard.bytes || digest !== shard.sha256) {
        throw new ModelLoadError(`Model shard ${shard.path} is corrupt (its checksum does not match).`);
      }
      verified?.set(shard.sha256, bytes);
    }
    weights.set(new Uint8Array(bytes), offset);
    offset += bytes.byteLength;
  }
  const trainingStatistics = await fetchTrainingStatistics(baseUrl, metadata, fetchFn);
  const notWhiteCell = await fetchNotWhiteCell(baseUrl, metadata, fetchFn);
  return { metadata, modelJson, weights: weights.buffer, trainingStatistics, notWhiteCell };
}

/** The reject file named in the metadata, checked like a shard: its weights, then its bias. */
async function fetchNotWhiteCell(
  baseUrl: string,
  metadata: ModelMetadata,
  fetchFn: FetchLike,
): Promise<NotWhiteCellHead | undefined> {
  const file = metadata.notWhiteCell;
  if (!file) return undefined;
  const bytes = await fetchBytes(`${baseUrl}/${file.path}`, fetchFn);
  if (
    bytes.byteLength !== file.bytes ||
    (file.features + 1) * 4 !== file.bytes ||
    (await sha256Hex(bytes)) !== file.sha256
  ) {
    throw new ModelLoadError(`Model file ${file.path} is corrupt (its checksum does not match).`);
  }
  const values = new Float32Array(bytes);
  return { weights: values.slice(0, file.features), bias: values[file.features], threshold: file.threshold };
}

/** The statistics file named in the metadata, checked like a shard and cut into steps. */
async function fetchTrainingStatistics(
  baseUrl: string,
  metadata: ModelMetadata,
  fetchFn: FetchLike,
): Promise<TrainingStatistics | undefined> {
  const file = metadata.trainingStatistics;
  if (!file) return undefined;
  const bytes = await fetchBytes(`${baseUrl}/${file.path}`, fetchFn);
  const floats = 2 * file.channels.reduce((a, b) => a + b, 0);
  if (bytes.byteLength !== file.bytes || floats * 4 !== file.bytes || (await sha256Hex(bytes)) !== file.sha256) {
    throw new ModelLoadError(`Model file ${file.path} is corrupt (its checksum does not match).`);
  }
  const values = new Float32Array(bytes);
  let at = 0;
  const steps = file.channels.map((n) => {
    const mean = values.slice(at, at + n);
    const variance = values.slice(at + n, at + 2 * n);
    at += 2 * n;
    return { mean, variance };
  });
  return { modelVersion: metadata.version, steps };
}

function checkAgreesWithSpec(m: ModelMetadata): void {
  const same =
    m.inputSize === INPUT_SIZE &&
    m.classes.join() === CELL_CLASSES.join() &&
    Math.abs(m.normalisation.scale - NORMALISATION.scale) < 1e-9 &&
    m.normalisation.offset === NORMALISATION.offset;
  if (!same)
    throw new ModelLoadError(
      'The model does not match this app version (classes, input size or normalisation differ).',
    );
}

async function fetchJson<T>(url: string, fetchFn: FetchLike): Promise<T> {
  const bytes = await fetchBytes(url, fetchFn);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new ModelLoadError(`${fileName(url)} is not valid JSON: the model files are damaged.`);
  }
}

async function fetchBytes(url: string, fetchFn: FetchLike, onChunk?: (n: number) => void): Promise<ArrayBuffer> {
  let response: FetchedFile;
  try {
    response = await fetchFn(url);
  } catch {
    throw new ModelDownloadInterrupted(`Could not fetch ${fileName(url)}: the model files are not reachable.`);
  }
  if (!response.ok) throw new ModelLoadError(`Model file ${fileName(url)} is missing (HTTP ${response.status}).`);
  if (!response.body) {
    const whole = await response.arrayBuffer();
    onChunk?.(whole.byteLength);
    return whole;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch {
      throw new ModelDownloadInterrupted(`The download of ${fileName(url)} was cut off: the network dropped.`);
    }
    const { done, value } = chunk;
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    onChunk?.(value.byteLength);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fileName(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}
