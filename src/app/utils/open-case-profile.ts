import { currentLabProfiles } from '@/components/use-lab-profiles';
import { useCaseStore, type NewCaseImage } from '@/features/case/stores/case-store';
import { baseModelVersion } from '@/lib/storage/reviewed-cells';
import type { LabProfile } from '@/lib/storage/adaptation-storage';
import { analysisClient } from '@/lib/worker-client/analysis-client';

/** The lab profile the open case is read by; undefined: the shipped model (or the profile is gone). */
export async function openCaseProfile(): Promise<LabProfile | undefined> {
  const id = useCaseStore.getState().meta.profileId;
  if (!id) return undefined;
  return (await currentLabProfiles()).find((p) => p.id === id);
}

/**
 * An analysed image as the open case's profile reads it. The batch asks for the case's profile
 * before each image, so this only re-reads (from the features, no image needed) an image read
 * while the case was being switched to another profile: a case is never read by two models.
 */
export async function readForOpenCase(image: NewCaseImage): Promise<NewCaseImage> {
  const id = useCaseStore.getState().meta.profileId;
  const wanted = `${baseModelVersion(image.modelVersion)}${id ? `+${id}` : ''}`;
  if (image.modelVersion === wanted || !image.cellFeatures) return image;
  const profile = await openCaseProfile();
  if (id && !profile) return image;
  const read = await analysisClient.rereadCells([...image.cells], [...image.cellFeatures], profile);
  return { ...image, cells: read.cells, modelVersion: read.modelVersion };
}
