import { create } from 'zustand';

/** Which analysed images reached the case's storage since the user last dismissed a problem. */
interface SaveLog {
  saved: number;
  unsaved: { name: string; quota: boolean; reason: string }[];
}

export const useCaseSaveLog = create<SaveLog>(() => ({ saved: 0, unsaved: [] }));

export function dismissSaveProblems(): void {
  useCaseSaveLog.setState({ saved: 0, unsaved: [] });
}

const isQuotaError = (err: unknown) =>
  err instanceof DOMException
    ? err.name === 'QuotaExceededError'
    : (err as { name?: string } | undefined)?.name === 'QuotaExceededError';

/** Runs one image's save to the case and notes whether it was stored. */
export async function saveToCase(name: string, save: () => Promise<void>): Promise<void> {
  try {
    await save();
    useCaseSaveLog.setState((s) => ({ saved: s.saved + 1 }));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    useCaseSaveLog.setState((s) => ({ unsaved: [...s.unsaved, { name, quota: isQuotaError(err), reason }] }));
  }
}

const images = (n: number) => `${n} image${n === 1 ? '' : 's'}`;

/**
 * What the user must know when images were not stored: that storage is full (or failed), what
 * was saved and what was not, and that the unsaved results go with a reload. Undefined if all went well.
 */
export function saveProblemText(log: SaveLog): { title: string; detail: string } | undefined {
  if (log.unsaved.length === 0) return undefined;
  const quota = log.unsaved.some((u) => u.quota);
  const title = quota
    ? "This browser's storage is full: not every image was saved to the case."
    : `Not every image was saved to the case: ${log.unsaved[log.unsaved.length - 1].reason}`;
  const names = log.unsaved.map((u) => u.name).join(', ');
  const detail =
    `Saved: ${images(log.saved)}. Not saved: ${images(log.unsaved.length)} (${names}). ` +
    'Their results are shown here until you reload or leave the page, and are then gone. ' +
    (quota ? 'To make room, export and delete old cases on the Case page, then add these images again.' : '');
  return { title, detail: detail.trim() };
}
