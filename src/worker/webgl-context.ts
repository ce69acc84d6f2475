import * as tf from '@tensorflow/tfjs';

/** tfjs's WebGL context in a worker, where it draws on an OffscreenCanvas. */
type WorkerWebgl = WebGLRenderingContext & { readonly canvas: OffscreenCanvas };

/** The WebGL context tfjs draws with, when the WebGL backend is the one running. */
export function webglContext(): WorkerWebgl | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  return (tf.backend() as unknown as { gpgpu?: { gl?: WorkerWebgl } }).gpgpu?.gl;
}

/**
 * Throws when the GPU context is gone (driver reset, too many contexts, a tab in the background
 * on mobile). tfjs does not always notice: reads from a lost context can return zeros, which
 * would be taken for probabilities. Throwing makes the client rebuild the worker instead.
 */
export function assertWebglAlive(): void {
  if (webglContext()?.isContextLost()) throw new Error('The WebGL context was lost.');
}

const lostSignals = new WeakMap<WorkerWebgl, Promise<never>>();

/**
 * Rejects when tfjs's WebGL context is lost. Raced against the GPU work of an analysis: a read
 * from a lost context can wait for a fence that never signals, and the batch would hang.
 * Never settles on WASM or CPU.
 */
export function whenWebglLost(): Promise<never> {
  const gl = webglContext();
  if (!gl) return new Promise<never>(() => {});
  let signal = lostSignals.get(gl);
  if (!signal) {
    signal = new Promise<never>((_, reject) =>
      gl.canvas.addEventListener('webglcontextlost', () => reject(new Error('The WebGL context was lost.')), {
        once: true,
      }),
    );
    signal.catch(() => {}); // only awaited while an analysis runs
    lostSignals.set(gl, signal);
  }
  return signal;
}
