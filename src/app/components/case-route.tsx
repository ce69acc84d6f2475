import { CasePage } from '@/features/case/components/case-page';
import { DropZone } from '@/features/intake/components/drop-zone';
import { BatchProgress } from '@/features/results/components/batch-progress';
import { useCaseStore } from '@/features/case/stores/case-store';
import { addNewFiles } from '@/app/utils/add-new-files';
import { DuplicateFilesNotice } from './duplicate-files-notice';

/** The case page: images dropped here are analysed like anywhere else and join the open case. */
export function CaseRoute() {
  const hasImages = useCaseStore((s) => s.images.length > 0);
  return (
    <>
      <DropZone onFiles={(files) => void addNewFiles(files)} compact={hasImages} />
      <DuplicateFilesNotice />
      <BatchProgress />
      <CasePage />
    </>
  );
}
