import { transfer } from 'comlink';
import type { ModelInfo, SeedTimings, WorkerMemory } from '../worker/worker-api';
import type { AnalysisClient } from './analysis-client';
import { decodeFile } from './decode-file';
import { inspectFile } from './image-format/inspect-file';

/** What one timed image reports to the benchmark; totalMs runs from the file to its answer. */
export interface TimedImage {
  readonly status: string;
  readonly cells: number;
  readonly decodeMs?: number;
  readonly analyseMs?: number;
  /** Class activation maps for every cell and class, when the worker makes them during analysis. */
  readonly explainMs?: number;
  readonly totalMs: number;
}

/** window.hematovisionDebug: present only with `?debug` in the URL, for the e2e tests and `npm run bench`. */
export interface DebugHooks {
  info(): Promise<ModelInfo>;
  memory(): Promise<WorkerMemory>;
  loseContext(): Promise<boolean>;
  analyse(file: File): Promise<TimedImage>;
  analyseSeed(file: File): Promise<SeedTimings & { totalMs: number }>;
}

/**
 * Installs the hooks when the page was opened with `?debug`. They reach only this tab's own
 * worker, so the worst a visitor can do with them is slow down or reset their own analysis.
 */
export function installDebugHooks(client: AnalysisClient): void {
  if (!new URLSearchParams(location.search).has('debug')) return;
  const hooks: DebugHooks = {
    info: () => client.load(),
    memory: async () => (await client.workerApi()).memory(),
    loseContext: async () => (await client.workerApi()).debugLoseContext(),
    async analyse(file) {
      const t0 = performance.now();
      const out = await client.analyse(file);
      const totalMs = performance.now() - t0;
      if (out.status !== 'done') return { status: out.status, cells: 0, totalMs };
      URL.revokeObjectURL(out.thumbnailUrl);
      const { timings } = out as { timings?: { decodeMs: number; analyseMs: number; explainMs?: number } };
      return { status: out.status, cells: out.cells.length, ...timings, totalMs };
    },
    async analyseSeed(file) {
      const t0 = performance.now();
      const plan = await inspectFile(file);
      if (!plan.ok) throw new Error(plan.message);
      const bitmap = await decodeFile(file, plan);
      const timings = await (await client.workerApi()).benchSeed(transfer(bitmap, [bitmap]));
      return { ...timings, totalMs: performance.now() - t0 };
    },
  };
  (window as unknown as { hematovisionDebug: DebugHooks }).hematovisionDebug = hooks;
}
