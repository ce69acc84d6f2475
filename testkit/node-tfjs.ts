import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { CellClassifier } from '@/core/classifier';

/**
 * Starts tfjs in Node on the WASM backend (native tfjs-node cannot be installed here) and loads
 * public/model through the same loader the browser worker uses; only the fetch reads files.
 */
export async function loadNodeClassifier(modelDir: string): Promise<CellClassifier> {
  const wasmDir = dirname(
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
  );
  setWasmPaths(join(wasmDir, '/'));
  tf.env().set('IS_NODE', true);
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs WASM backend did not start');
  await tf.ready();
  const classifier = await CellClassifier.load(modelDir, { fetchFn: fileFetch });
  await classifier.warmUp();
  return classifier;
}

/** A fetch over the file system, enough for the model loader: 200 with the bytes, or 404. */
export async function fileFetch(path: string): Promise<Response> {
  try {
    return new Response(await readFile(path));
  } catch {
    return new Response(null, { status: 404 });
  }
}
