import { transfer, wrap, type Remote } from 'comlink';
import type { DebugPortMessage, DebugWorkerApi, SeedTimings, WorkerMemory } from '@/worker/debug-worker-api';
import type { ModelInfo, StageTimings } from '@/worker/worker-api';
import type { AnalysisClient } from './analysis-client';
import { decodeFile } from './decode-file';
import { inspectFile } from '@/lib/image-format/inspect-file';

/** What one timed image reports to the benchmark. */
export interface TimedImage {
  readonly status: string;
  readonly cells: number;
  /** From the File to its answer on the page. */
  readonly totalMs: number;
  /** On the page before the worker: the file sniffed and decoded into an ImageBitmap. */
  readonly pageMs: number;
  /** The worker's stages; absent when the image was not analysed. */
  readonly stages?: StageTimings;
}

/** The seed's pipeline timed the same way. */
export type TimedSeedImage = SeedTimings & { readonly totalMs: number; readonly pageMs: number };

/** window.hematovisionDebug: present only with `?debug` in the URL, for the e2e tests and `npm run bench`. */
export interface DebugHooks {
  info(): Promise<ModelInfo>;
  memory(): Promise<WorkerMemory>;
  loseContext(): Promise<boolean>;
  analyse(file: File): Promise<TimedImage>;
  analyseSeed(file: File): Promise<TimedSeedImage>;
}

/**
 * Attaches to each worker the client starts (named `analysis-debug`, see debug-worker-api.ts) on
 * a port of its own, and installs window.hematovisionDebug. The hooks reach only this tab's own
 * worker, so the worst a visitor can do with them is slow down or reset their own analysis.
 */
export function installDebugHooks(client: AnalysisClient): void {
  let debugApi: Remote<DebugWorkerApi> | undefined;
  client.onWorkerStart((worker) => {
    const { port1, port2 } = new MessageChannel();
    const message: DebugPortMessage = { debugPort: port2 };
    worker.postMessage(message, [port2]);
    debugApi = wrap<DebugWorkerApi>(port1);
  });
  const current = async () => {
    await client.load();
    if (!debugApi) throw new Error('The analysis worker stopped.');
    return debugApi;
  };
  const hooks: DebugHooks = {
    info: () => client.load(),
    memory: async () => (await current()).memory(),
    loseContext: async () => (await current()).loseContext(),
    async analyse(file) {
      const t0 = performance.now();
      const out = await client.analyse(file);
      const totalMs = performance.now() - t0;
      if (out.status !== 'done') return { status: out.status, cells: 0, totalMs, pageMs: totalMs };
      URL.revokeObjectURL(out.thumbnailUrl);
      const { timings } = out as { timings?: StageTimings };
      return { status: out.status, cells: out.cells.length, totalMs, pageMs: totalMs - out.elapsedMs, stages: timings };
    },
    async analyseSeed(file) {
      const api = await current();
      const t0 = performance.now();
      const plan = await inspectFile(file);
      if (!plan.ok) throw new Error(plan.message);
      const bitmap = await decodeFile(file, plan);
      const t1 = performance.now();
      const timings = await api.analyseSeed(transfer(bitmap, [bitmap]));
      const t2 = performance.now();
      return { ...timings, totalMs: t2 - t0, pageMs: t1 - t0 };
    },
  };
  (window as unknown as { hematovisionDebug: DebugHooks }).hematovisionDebug = hooks;
}
