import { fileSha256 } from '@/lib/files/file-sha256';
import { useCaseStore } from '@/features/case/stores/case-store';
import { useResultsStore } from '@/features/results/stores/results-store';
import { addFiles } from '@/features/results/utils/batch-runner';
import { useDuplicateFiles, type DuplicateFile } from '@/app/stores/duplicate-files-store';

/** Each queued result item's file hash, until its image joins a case (which stores it). */
const queuedHashes = new Map<number, { sha256: string; name: string; caseId: string }>();

/** The hash of the file behind a result item, taken once as its image joins the case. */
export function takeQueuedHash(itemId: number): string | undefined {
  const queued = queuedHashes.get(itemId);
  queuedHashes.delete(itemId);
  return queued?.sha256;
}

const nameOf = (file: File) => file.webkitRelativePath || file.name;

/**
 * Analyses the files whose bytes the open case does not hold yet (nor the batch on its way into
 * it); the others wait in the duplicate notice, which says so and offers to add them anyway.
 */
export async function addNewFiles(files: File[]): Promise<void> {
  const hashes = await Promise.all(files.map(fileSha256));
  const { meta, images } = useCaseStore.getState();
  const known = new Map<string, string>();
  for (const image of images) if (image.sha256) known.set(image.sha256, image.name);
  // A file whose analysis failed or was stopped never joined the case: it may come again.
  const failed = new Set(
    useResultsStore
      .getState()
      .items.filter((it) => it.status === 'error' || it.status === 'cancelled')
      .map((it) => it.id),
  );
  for (const [id, q] of queuedHashes) if (q.caseId === meta.id && !failed.has(id)) known.set(q.sha256, q.name);
  const fresh: { file: File; sha256: string }[] = [];
  const duplicates: DuplicateFile[] = [];
  files.forEach((file, i) => {
    const sameAs = known.get(hashes[i]);
    if (sameAs !== undefined) duplicates.push({ file, name: nameOf(file), sameAs, sha256: hashes[i] });
    else {
      known.set(hashes[i], nameOf(file));
      fresh.push({ file, sha256: hashes[i] });
    }
  });
  useDuplicateFiles.setState({ files: duplicates });
  queue(fresh, meta.id);
}

function queue(files: readonly { file: File; sha256: string }[], caseId: string): void {
  if (files.length === 0) return;
  const ids = addFiles(files.map((f) => f.file));
  ids.forEach((id, i) => queuedHashes.set(id, { sha256: files[i].sha256, name: nameOf(files[i].file), caseId }));
}

/** "Add it anyway": the files the notice held are analysed and join the case a second time. */
export function addDuplicatesAnyway(): void {
  const { files } = useDuplicateFiles.getState();
  useDuplicateFiles.setState({ files: [] });
  queue(files, useCaseStore.getState().meta.id);
}

export function dismissDuplicates(): void {
  useDuplicateFiles.setState({ files: [] });
}
