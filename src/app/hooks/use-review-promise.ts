import { useLabProfiles } from '@/components/use-lab-profiles';
import { useCaseStore } from '@/features/case/stores/case-store';
import { useModelStore } from '@/features/model/stores/model-store';
import { reviewPromise, type ReviewPromise } from '@/features/results/utils/review-promise';

/**
 * What the review mark promises for the images joining the open case: the shipped model's
 * figure, or, when the case is read by a lab profile, that profile's own (kept in its record,
 * not in the model's metadata).
 */
export function useReviewPromise(): ReviewPromise | undefined {
  const info = useModelStore((s) => (s.model.status === 'ready' ? s.model.info : undefined));
  const profileId = useCaseStore((s) => s.meta.profileId);
  const profile = useLabProfiles()?.find((p) => p.id === profileId);
  if (!info) return undefined;
  if (!profileId) return reviewPromise(info);
  // Until the profile is read, say the shipped figure rather than nothing.
  return reviewPromise(info, profile?.adapted ?? {});
}
