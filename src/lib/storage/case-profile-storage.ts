import type { AnalysedCell } from '@/core/analyse';
import { CASE_DB_NAME, CASES, IMAGES, inTransaction, openCaseDatabase, request } from './case-database';
import { CaseChannel } from './case-channel';
import type { CaseImage, CaseMeta, HandCell } from './case-types';

/** One image's cells as another profile read them. */
export interface ImageReading {
  readonly imageId: string;
  readonly cells: readonly AnalysedCell[];
  readonly modelVersion: string;
}

/** A hand-drawn cell (found by its image and when it was added) as another profile read it. */
export interface HandCellReading {
  readonly imageId: string;
  readonly addedAt: number;
  readonly cell: AnalysedCell;
}

let db: Promise<IDBDatabase> | undefined;
let channel: CaseChannel | undefined;

/**
 * Stores a case re-read by another lab profile (none: the shipped model) in one transaction: the
 * case's profile, every image's cells and the hand-drawn cells' readings together, or nothing.
 * Decisions are keyed by cell, not by reading, so they stay as they are. Every tab showing the
 * case, this one included, hears of it on the case channel and shows the stored case.
 */
export async function storeCaseReading(
  caseId: string,
  profileId: string | undefined,
  images: readonly ImageReading[],
  handCells: readonly HandCellReading[],
): Promise<CaseMeta> {
  db ??= openCaseDatabase(CASE_DB_NAME, () => (db = undefined));
  const stored = await inTransaction(await db, [CASES, IMAGES], 'readwrite', async (tx) => {
    const meta = (await request(tx.objectStore(CASES).get(caseId))) as CaseMeta | undefined;
    if (!meta) throw new Error('This case is no longer stored in this browser.');
    for (const reading of images) {
      const image = (await request(tx.objectStore(IMAGES).get(reading.imageId))) as CaseImage | undefined;
      if (!image || image.caseId !== caseId) continue;
      tx.objectStore(IMAGES).put({ ...image, cells: reading.cells, modelVersion: reading.modelVersion });
    }
    const readOf = (h: HandCell) => handCells.find((r) => r.imageId === h.imageId && r.addedAt === h.addedAt)?.cell;
    const { profileId: _previous, ...rest } = meta;
    const next: CaseMeta = {
      ...rest,
      ...(profileId ? { profileId } : {}),
      ...(meta.handCells ? { handCells: meta.handCells.map((h) => ({ ...h, cell: readOf(h) ?? h.cell })) } : {}),
      updatedAt: Date.now(),
    };
    tx.objectStore(CASES).put(next);
    return next;
  });
  (channel ??= new CaseChannel()).post({ type: 'changed', id: caseId });
  return stored;
}
