import { useLabProfiles } from '@/components/use-lab-profiles';
import { useCaseStore } from '@/features/case/stores/case-store';
import { ModelCardPage } from '@/features/model-card/components/model-card-page';

/** The model card, with the figures of the lab profile the open case is read by beside the shipped model's. */
export function ModelCardRoute() {
  const profileId = useCaseStore((s) => s.meta.profileId);
  const profile = useLabProfiles()?.find((p) => p.id === profileId);
  return <ModelCardPage caseProfile={profile} />;
}
