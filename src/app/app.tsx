import { PageNav } from '@/app/components/page-nav';
import { FOCUS_RING } from '@/components/button';
import { classListInWords } from '@/core/class-names';
import { NotFoundPage } from '@/app/components/not-found-page';
import { PAGES } from '@/app/components/pages';
import { MAIN_ID, SkipLink } from '@/app/components/skip-link';
import { CaseChoiceDialog } from '@/app/components/case-choice-dialog';
import { DuplicateFilesNotice } from '@/app/components/duplicate-files-notice';
import { addNewFiles } from '@/app/utils/add-new-files';
import { UnsavedWorkNotices } from '@/app/components/unsaved-work-notices';
import { useCaseIntake } from '@/app/hooks/use-case-intake';
import { useHashRoute } from '@/app/hooks/use-hash-route';
import { useRouteFocus } from '@/app/hooks/use-route-focus';
import { useReviewPromise } from '@/app/hooks/use-review-promise';
import { CaseBanner } from '@/features/case/components/case-banner';
import { DropZone } from '@/features/intake/components/drop-zone';
import { ModelStatus } from '@/features/model/components/model-status';
import { useModelLoader } from '@/features/model/hooks/use-model-loader';
import { OfflineStatus } from '@/features/offline/components/offline-status';
import { UpdatePrompt } from '@/features/offline/components/update-prompt';
import { useOfflineCache } from '@/features/offline/hooks/use-offline-cache';
import { ResultsPanel } from '@/features/results/components/results-panel';
import { useResultsStore } from '@/features/results/stores/results-store';
import { ThemeToggle } from '@/features/theme/components/theme-toggle';
import { useApplyTheme } from '@/features/theme/hooks/use-apply-theme';

export function App() {
  useModelLoader();
  useApplyTheme();
  useOfflineCache();
  useCaseIntake();
  const route = useHashRoute();
  useRouteFocus(route);
  const page = PAGES.find((p) => p.id === route);
  const hasItems = useResultsStore((s) => s.items.length > 0);
  const review = useReviewPromise();
  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <SkipLink />
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">HematoVision</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {classListInWords()} in stained blood smear images.
          </p>
        </div>
        <PageNav current={page ? page.id : route} />
        <ThemeToggle />
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="flex flex-1 flex-col gap-6 focus:outline-none">
        <UpdatePrompt />
        <UnsavedWorkNotices />
        <CaseChoiceDialog />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-3">
            <ModelStatus />
            <OfflineStatus />
          </div>
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="privacy">
            Images are analysed on this device. Nothing is uploaded.{' '}
            <a
              href="#/privacy/how-we-test"
              className={`underline underline-offset-2 hover:text-slate-900 dark:hover:text-slate-100 ${FOCUS_RING}`}
            >
              How we test this
            </a>
          </p>
        </div>
        {page ? (
          page.render()
        ) : route !== '' ? (
          <NotFoundPage route={route} />
        ) : (
          <>
            <DropZone onFiles={(files) => void addNewFiles(files)} compact={hasItems} />
            <DuplicateFilesNotice />
            <CaseBanner />
            <ResultsPanel review={review} />
          </>
        )}
      </main>
      <footer className="text-xs text-slate-500 dark:text-slate-400">
        A research and teaching aid, not a medical device: check every result under the microscope.
      </footer>
    </div>
  );
}
