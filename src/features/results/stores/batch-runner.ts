import { analysisClient } from '../../../lib/analysis-client';
import { useResultsStore } from './results-store';

/** Files waiting for the worker, analysed one at a time so results stream in as they finish. */
const pending: { id: number; file: File }[] = [];
let running = false;

export function addFiles(files: File[]): void {
  const ids = useResultsStore.getState().enqueue(files.map((f) => f.webkitRelativePath || f.name));
  files.forEach((file, i) => pending.push({ id: ids[i], file }));
  void pump();
}

/** Stops the batch now: the worker is terminated and everything not finished is marked cancelled. */
export function cancelBatch(): void {
  const { finish } = useResultsStore.getState();
  for (const job of pending.splice(0)) finish(job.id, { status: 'cancelled' });
  analysisClient.cancel();
}

export function clearResults(): void {
  if (pending.length > 0 || running) cancelBatch();
  useResultsStore.getState().clear();
}

async function pump(): Promise<void> {
  if (running) return;
  running = true;
  const { update, finish } = useResultsStore.getState();
  try {
    for (let job = pending.shift(); job; job = pending.shift()) {
      update(job.id, { status: 'analysing' });
      finish(job.id, await analysisClient.analyse(job.file));
    }
  } finally {
    running = false;
  }
}
