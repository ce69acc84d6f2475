import { analysisClient } from '@/lib/worker-client/analysis-client';
import type { ImageOutcome } from '@/lib/worker-client/image-outcome';
import type { SavedAdaptation } from '@/worker/worker-api';
import { holdLeaveWarning } from '@/lib/storage/leave-warning';
import { UnfinishedBatch, useInterruptedFiles } from '@/lib/storage/unfinished-batch';
import { useResultsStore } from '@/features/results/stores/results-store';

/** Files waiting for the worker, analysed one at a time so results stream in as they finish. */
const pending: { id: number; file: File }[] = [];
let running = false;

/** The queue's names and sizes outlive the page, so the next one, in any tab, can name what was never analysed. */
const unfinished = typeof indexedDB === 'undefined' ? undefined : new UnfinishedBatch();
/** Resolves once the files that earlier pages left are read into the notice. */
export const leftBehindRead: Promise<void> = unfinished
  ? unfinished.takeLeftBehind().then((files) => useInterruptedFiles.setState({ files }))
  : Promise.resolve();

/** Resolves once what this page queued and finished so far is written down. */
export function unfinishedBatchSaved(): Promise<void> {
  return unfinished?.settled() ?? Promise.resolve();
}

export function dismissInterruptedFiles(): void {
  void unfinished?.forget(useInterruptedFiles.getState().files);
  useInterruptedFiles.setState({ files: [], unknownPicked: 0 });
}

/** Files the user picked again for the left ones: those that match are analysed, the rest stay named. */
export async function pickInterruptedFilesAgain(picked: File[]): Promise<void> {
  if (!unfinished) return;
  const { matched, stillLeft, unknown } = await unfinished.pickAgain(picked, useInterruptedFiles.getState().files);
  useInterruptedFiles.setState({ files: stillLeft, unknownPicked: unknown });
  if (matched.length > 0) addFiles([...matched]);
}

/** Leaving the page would drop the queued files: the browser asks first. */
function setLeaveWarning(on: boolean): void {
  holdLeaveWarning('queued files', on);
}

/** The lab profile that reads the next image (the open case's, as the app says); none: the shipped model. */
let profileForNext: () => Promise<SavedAdaptation | undefined> = () => Promise.resolve(undefined);

/** Sets where the batch asks, before each image, which lab profile reads it. */
export function readBatchWith(profile: () => Promise<SavedAdaptation | undefined>): void {
  profileForNext = profile;
}

function finishJob(id: number, outcome: ImageOutcome): void {
  useResultsStore.getState().finish(id, outcome);
  // An analysed image is done with once the case keeps it (keptInCase); until then it is not safe.
  if (outcome.status !== 'done') unfinished?.finished(id);
}

/** The case has stored this analysed image (or it has nothing to store): it is no longer at risk. */
export function keptInCase(id: number): void {
  unfinished?.finished(id);
}

/** Queues the files for analysis; says the result items made for them, in order. */
export function addFiles(files: File[]): number[] {
  const names = files.map((f) => f.webkitRelativePath || f.name);
  const ids = useResultsStore.getState().enqueue(names);
  files.forEach((file, i) => pending.push({ id: ids[i], file }));
  unfinished?.queued(ids.map((id, i) => ({ id, name: names[i], size: files[i].size })));
  setLeaveWarning(true);
  void pump();
  return ids;
}

/** Cancels so far: an image whose lab profile was being looked up when the batch was cancelled is not analysed. */
let cancels = 0;

/** Stops the batch now: the worker is terminated and everything not finished is marked cancelled. */
export function cancelBatch(): void {
  cancels++;
  for (const job of pending.splice(0)) finishJob(job.id, { status: 'cancelled' });
  analysisClient.cancel();
  if (!running) setLeaveWarning(false);
}

export function clearResults(): void {
  if (pending.length > 0 || running) cancelBatch();
  useResultsStore.getState().clear();
}

async function pump(): Promise<void> {
  if (running) return;
  running = true;
  const { update } = useResultsStore.getState();
  try {
    for (let job = pending.shift(); job; job = pending.shift()) {
      update(job.id, { status: 'analysing' });
      unfinished?.started(job.id);
      const cancelsBefore = cancels;
      const profile = await profileForNext().catch(() => undefined);
      if (cancels !== cancelsBefore) {
        finishJob(job.id, { status: 'cancelled' });
        continue;
      }
      finishJob(job.id, await analysisClient.analyse(job.file, profile));
    }
  } finally {
    running = false;
    setLeaveWarning(false);
  }
}

/** Every write to the unfinished batch's database asked for so far has committed (or failed). */
export function unfinishedBatchSettled(): Promise<void> {
  return unfinished?.settled() ?? Promise.resolve();
}
