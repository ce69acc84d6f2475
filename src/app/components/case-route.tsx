import { CasePage } from '@/features/case/components/case-page';
import { DropZone } from '@/features/intake/components/drop-zone';
import { BatchProgress } from '@/features/results/components/batch-progress';
import { addFiles } from '@/features/results/utils/batch-runner';
import { useCaseStore } from '@/features/case/stores/case-store';

/** The case page: images dropped here are analysed like anywhere else and join the open case. */
export function CaseRoute() {
  const hasImages = useCaseStore((s) => s.images.length > 0);
  return (
    <>
      <DropZone onFiles={addFiles} compact={hasImages} />
      <BatchProgress />
      <CasePage />
    </>
  );
}
