import { expose, transfer } from 'comlink';
import { decodeTiff } from '../core/tiff-image';
import type { TiffWorkerApi } from './tiff-worker-api';

/**
 * Decodes TIFFs apart from the analysis worker: its decoder loads only when a TIFF arrives, and a
 * file that exhausts memory takes this worker down, not the loaded model.
 */
const api: TiffWorkerApi = {
  async decode(bytes, limits) {
    const { image, facts } = decodeTiff(new Uint8Array(bytes), limits);
    const { buffer, byteOffset, length } = image.data;
    const rgba = new Uint8ClampedArray(buffer as ArrayBuffer, byteOffset, length);
    const bitmap = await createImageBitmap(new ImageData(rgba, image.width, image.height));
    return transfer({ bitmap, facts }, [bitmap]);
  },
};

expose(api);
