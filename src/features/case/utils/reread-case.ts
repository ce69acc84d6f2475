import { labProfiles, type LabProfile } from '@/lib/storage/adaptation-storage';
import { storeCaseReading, type HandCellReading, type ImageReading } from '@/lib/storage/case-profile-storage';
import type { CaseImage, CaseMeta, HandCell } from '@/lib/storage/case-types';
import { baseModelVersion } from '@/lib/storage/reviewed-cells';

/** The lab profile a case names (none, or deleted since: undefined, the shipped model). */
export async function caseProfile(profileId: string | undefined): Promise<LabProfile | undefined> {
  return profileId ? labProfiles.get(profileId) : undefined;
}

/** The case as another profile reads it: what the page shows once it is stored. */
export interface CaseReading {
  readonly meta: CaseMeta;
  readonly images: CaseImage[];
}

/**
 * Why a case cannot be read by another profile without its images, or undefined when it can: every
 * cell needs the features its analysis kept, from the model version now loaded.
 */
export function whyNotRereadable(images: readonly CaseImage[], handCells: readonly HandCell[]): string | undefined {
  const without = images.filter((i) => !i.cellFeatures || i.cellFeatures.length !== i.cells.length).length;
  const bases = new Set(images.map((i) => baseModelVersion(i.modelVersion)));
  if (without > 0) {
    return `${without} image(s) of this case were analysed before cases kept what another profile needs to read them: add them to a new case to read them with a profile.`;
  }
  if (bases.size > 1)
    return 'Images of this case were read by different model versions: it cannot be read again as one.';
  if (handCells.some((h) => !h.features))
    return 'A cell drawn by hand in an older version has no features to be read again.';
  return undefined;
}

/**
 * Reads every cell of a case again with `profileId`'s head (none: the shipped model) from the
 * features its analysis kept — no image is needed — and stores the new reading with the case's
 * profile in one transaction. Decisions are keyed by cell, so every decision stays.
 */
export async function rereadCase(
  meta: CaseMeta,
  images: readonly CaseImage[],
  profileId: string | undefined,
): Promise<CaseReading> {
  const handCells = meta.handCells ?? [];
  const why = whyNotRereadable(images, handCells);
  if (why) throw new Error(why);
  const profile = profileId ? await labProfiles.get(profileId) : undefined;
  if (profileId && !profile) throw new Error('That lab profile is no longer kept in this browser.');
  // Loaded when first needed: the case store (and its tests, in Node) need no worker client until then.
  const { analysisClient } = await import('@/lib/worker-client/analysis-client');
  const readings: ImageReading[] = [];
  for (const image of images) {
    const read = await analysisClient.rereadCells([...image.cells], [...image.cellFeatures!], profile);
    if (baseModelVersion(read.modelVersion) !== baseModelVersion(image.modelVersion)) {
      throw new Error(
        `this case was read by model ${baseModelVersion(image.modelVersion)}; the app now runs ${baseModelVersion(read.modelVersion)}`,
      );
    }
    readings.push({ imageId: image.id, cells: read.cells, modelVersion: read.modelVersion });
  }
  const handReadings: HandCellReading[] = [];
  if (handCells.length > 0) {
    const read = await analysisClient.rereadCells(
      handCells.map((h) => h.cell),
      handCells.map((h) => h.features!),
      profile,
    );
    handCells.forEach((h, i) => handReadings.push({ imageId: h.imageId, addedAt: h.addedAt, cell: read.cells[i] }));
  }
  const reread = (image: CaseImage): CaseImage => {
    const r = readings.find((x) => x.imageId === image.id);
    return r ? { ...image, cells: r.cells, modelVersion: r.modelVersion } : image;
  };
  const handRead = (h: HandCell): HandCell => ({
    ...h,
    cell: handReadings.find((r) => r.imageId === h.imageId && r.addedAt === h.addedAt)?.cell ?? h.cell,
  });
  const { profileId: _previous, ...rest } = meta;
  const shown: CaseMeta = {
    ...rest,
    ...(profileId ? { profileId } : {}),
    ...(meta.handCells ? { handCells: meta.handCells.map(handRead) } : {}),
  };
  // A case with no image yet lives only in memory: its profile is stored with its first image.
  if (meta.imageIds.length > 0) await storeCaseReading(meta.id, profileId, readings, handReadings);
  return { meta: shown, images: images.map(reread) };
}
