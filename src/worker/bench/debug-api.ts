import * as tf from '@tensorflow/tfjs';
import type { DebugWorkerApi } from '../debug-worker-api';
import { webglContext } from '../webgl-context';
import { analyseWithSeed } from './seed-bench';

/** The test and benchmark hooks of a worker started with `?debug` (see debug-worker-api.ts). */
export const debugApi: DebugWorkerApi = {
  async memory() {
    const { numTensors, numBytes, numDataBuffers } = tf.memory();
    return { numTensors, numBytes, numDataBuffers };
  },
  async loseContext() {
    const ext = webglContext()?.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    return !!ext;
  },
  async analyseSeed(bitmap) {
    return analyseWithSeed(bitmap);
  },
};
