import { transfer, wrap, type Remote } from 'comlink';
import type { DecodedTiffBitmap, TiffLimits, TiffWorkerApi } from '@/worker/tiff-worker-api';

let worker: { api: Remote<TiffWorkerApi>; crashed: Promise<never> } | undefined;

/** The TIFF worker, started on the first TIFF (its decoder is a chunk of its own, loaded then). */
function tiffWorker(): { api: Remote<TiffWorkerApi>; crashed: Promise<never> } {
  if (worker) return worker;
  const started = new Worker(new URL('../../worker/tiff.worker.ts', import.meta.url), { type: 'module', name: 'tiff' });
  const crashed = new Promise<never>((_, reject) =>
    started.addEventListener('error', () => {
      // The next TIFF starts a fresh worker.
      if (worker?.api === api) worker = undefined;
      started.terminate();
      reject(new Error('The TIFF decoder stopped: the file may be too large for this browser.'));
    }),
  );
  crashed.catch(() => {});
  const api = wrap<TiffWorkerApi>(started);
  worker = { api, crashed };
  return worker;
}

/**
 * Decodes a TIFF file in the TIFF worker: the file's bytes are transferred, not copied, and an
 * upright bitmap comes back. Rejects with an Error whose message is meant for the user.
 */
export async function decodeTiffFile(file: Blob, limits: TiffLimits): Promise<DecodedTiffBitmap> {
  const bytes = await file.arrayBuffer();
  const { api, crashed } = tiffWorker();
  return Promise.race([api.decode(transfer(bytes, [bytes]), limits), crashed]);
}
