import { usePracticeStore } from '@/features/practice/stores/practice-store';
import { dismissInterruptedFiles, unfinishedBatchSettled } from '@/features/results/utils/batch-runner';
import { useResultsStore } from '@/features/results/stores/results-store';
import { ADAPTATION_DB_NAME, labProfiles } from '@/lib/storage/adaptation-storage';
import { CASE_DB_NAME, clearAllCaseData } from '@/lib/storage/case-storage';
import { clearPracticeProgress, loadPracticeProgress } from '@/lib/storage/practice-storage';
import { UNFINISHED_BATCH_DB } from '@/lib/storage/unfinished-batch';
import { wipeLocalData, type DataOwner, type WipeReport } from '@/lib/storage/wipe-local-data';
import { dismissSaveProblems } from '@/app/stores/case-save-log-store';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Each module that owns a database clears it itself: it closes its connection and resets its memory. */
const OWNERS: DataOwner[] = [
  {
    database: CASE_DB_NAME,
    clear: async () => {
      const { cases, images } = await clearAllCaseData();
      return `${count(cases, 'case')}, ${count(images, 'image')}`;
    },
  },
  {
    database: 'hematovision-practice',
    clear: async () => {
      const { answers, sessions, drills, tests } = await loadPracticeProgress();
      await clearPracticeProgress();
      usePracticeStore.setState({ progress: { answers: [], sessions: [], drills: [], tests: [] } });
      const finished = [
        count(answers.length, 'practice answer'),
        count(sessions.length, 'session'),
        ...(drills.length > 0 ? [count(drills.length, 'count drill')] : []),
        ...(tests.length > 0 ? [count(tests.length, 'proficiency test')] : []),
      ];
      return finished.join(', ');
    },
  },
  {
    database: ADAPTATION_DB_NAME,
    clear: async () => {
      // Every tab forgets its profiles at once; the cases that named them go with their own database.
      const kept = await labProfiles.clearAll({ announce: false });
      await labProfiles.close();
      return count(kept, 'lab profile');
    },
  },
  {
    database: UNFINISHED_BATCH_DB,
    clear: async () => {
      // The results were dropped from memory first: their last writes land before the deletion.
      await unfinishedBatchSettled();
      return 'the names of files not yet analysed';
    },
  },
];

/**
 * "Delete all local data": the owners clear their data, every hematovision* database left is
 * deleted, and the Analyse page's results are dropped from memory.
 */
export async function deleteAllLocalData(): Promise<WipeReport> {
  const report = await wipeLocalData(OWNERS, () => {
    const images = useResultsStore.getState().items.length;
    useResultsStore.getState().clear();
    // The notices name the user's files: they go with the rest.
    dismissInterruptedFiles();
    dismissSaveProblems();
    return images;
  });
  // Only now, with the database gone: every tab re-reads its profiles and finds none.
  labProfiles.announceChanged();
  return report;
}
