import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
// The same module the backend imports (so the same function object), and its text as published.
import threadedFactory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
import threadedFactorySource from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';

/** XNNPACK's own cap: tfjs's threaded build starts a pool of 8 workers. */
const MAX_THREADS = 8;

/**
 * Chooses tfjs's WASM build before the backend starts: the threaded SIMD binary when this worker
 * is cross-origin isolated (the page was served with COOP and COEP, scripts/vite/security-headers.ts),
 * since only then may threads share memory; the single-threaded one otherwise, or when `allowed`
 * is false (`?threads=off`, to compare the two). tfjs reads the flag once, when the WASM backend
 * first starts, so this must run before that.
 */
export function chooseWasmThreads(allowed: boolean): void {
  const isolated = (self as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!allowed || !isolated || !giveThreadsTheirSource()) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return;
  }
  // As many as the pool holds; tfjs itself then keeps to half the logical cores (it counts two
  // per physical core), and its feature check still decides whether the browser can run them.
  setThreadsCount(Math.min(MAX_THREADS, Math.max(1, navigator.hardwareConcurrency || 1)));
}

/**
 * tfjs starts each thread from the text of its Emscripten factory, `factory.toString()`. In a
 * bundled build that text is the minified function, which reaches for names the minifier moved
 * outside it ("e is not defined" in every thread, and the backend never starts). So the factory
 * is made to give the text tfjs ships, which holds everything it needs: the expression that
 * tfjs puts after `var WasmBackendModuleThreadedSimd = `. False if a tfjs version ships it in
 * another shape: WASM then runs on one thread rather than not at all.
 */
function giveThreadsTheirSource(): boolean {
  const expression = /var WasmBackendModuleThreadedSimd = (\(\(\) => \{[\s\S]*\}\)\(\));/.exec(
    threadedFactorySource,
  )?.[1];
  if (!expression) return false;
  (threadedFactory as { toString: () => string }).toString = () => expression;
  return true;
}

/**
 * How many threads the running WASM backend computes on: 1 for the single-threaded build, and
 * for the threaded one on a machine of two logical cores or fewer.
 */
export function wasmThreadsInUse(): number {
  return getThreadsCount();
}
