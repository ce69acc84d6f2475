import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import type { PracticeItem } from '@/lib/network/practice-manifest';
import { loadPracticeProgress, mergePracticeProgress } from '@/lib/storage/practice-storage';
import { progressCsv, progressPoints } from './progress';
import { parseProgressFile } from './progress-file';
import { classWeights, nextItem, seededRandom } from './scheduler';

/**
 * Progress as the five-class app stored and saved it, written here byte for byte rather than
 * through today's code: answers, a quiz session, a count drill and test HV-50-5, none of them
 * naming an immature granulocyte or a nucleated red cell.
 */
const FIVE_CLASS = {
  answers: [
    { itemId: 'eosinophil-03', truth: 'EOSINOPHIL', answer: 'NEUTROPHIL', at: 1_000 },
    { itemId: 'monocyte-11', truth: 'MONOCYTE', answer: 'MONOCYTE', at: 2_000 },
  ],
  sessions: [
    {
      startedAt: 500,
      endedAt: 2_500,
      size: 2,
      correct: 1,
      answers: [
        { itemId: 'eosinophil-03', truth: 'EOSINOPHIL', answer: 'NEUTROPHIL', at: 1_000 },
        { itemId: 'monocyte-11', truth: 'MONOCYTE', answer: 'MONOCYTE', at: 2_000 },
      ],
    },
  ],
  drills: [
    {
      seed: 'k7f2qm',
      size: 100,
      startedAt: 10_000,
      endedAt: 70_000,
      answers: [
        { itemId: 'bccd-00012#0', truth: 'NEUTROPHIL', answer: 'NEUTROPHIL', at: 70_000 },
        { itemId: 'pbc:lymphocyte-07', truth: 'LYMPHOCYTE', answer: 'MONOCYTE', at: 70_000 },
      ],
    },
  ],
  tests: [
    {
      testId: 'HV-50-5',
      startedAt: 100_000,
      endedAt: 400_000,
      answers: [{ itemId: 'basophil-02', truth: 'BASOPHIL', answer: 'BASOPHIL', at: 400_000 }],
      name: 'A. Student',
    },
  ],
};

const FIVE_CLASS_FILE = JSON.stringify({
  format: 'hematovision-practice-progress',
  version: 1,
  savedAt: 500_000,
  ...FIVE_CLASS,
});

const sevenClassItems: PracticeItem[] = CELL_CLASSES.flatMap((label) =>
  Array.from({ length: 5 }, (_, i) => ({
    id: `${label.toLowerCase()}-${i + 1}`,
    file: `${label.toLowerCase()}-${i + 1}.jpg`,
    label,
    box: { x: 0, y: 0, width: 10, height: 10 },
    width: 100,
    height: 100,
    source: 'test',
  })),
);

describe('progress from the five-class practice', () => {
  it('loads from this device’s IndexedDB as it was stored, and the seven-class practice builds on it', async () => {
    const store = createStore('hematovision-practice', 'progress');
    for (const [key, value] of Object.entries(FIVE_CLASS)) await set(key, value, store);

    const progress = await loadPracticeProgress();
    expect(progress).toEqual(FIVE_CLASS);
    const points = progressPoints(progress);
    expect(points.map((p) => [p.kind, p.asked, p.correct])).toEqual([
      ['quiz', 2, 1],
      ['drill', 2, 1],
      ['test', 1, 1],
    ]);
    expect(points[0].perClass.IG).toEqual({ asked: 0, correct: 0 });
    expect(progressCsv(points)).toContain('quiz,EOSINOPHIL,1,0,0.0');
    // The scheduler still learns from the old answers and now asks the new classes too.
    const weights = classWeights(progress.answers);
    expect(weights.EOSINOPHIL).toBeGreaterThan(weights.IG);
    expect(weights.NEUTROPHIL).toBeGreaterThan(weights.ERYTHROBLAST);
    const random = seededRandom(1);
    const asked = new Set<string>();
    for (let n = 0; n < 35; n++) asked.add(nextItem(sevenClassItems, progress.answers, asked, random).id);
    expect(asked.size).toBe(35);
  });

  it('reads a progress file the five-class app saved, and adds it to this device once', async () => {
    const read = parseProgressFile(FIVE_CLASS_FILE);
    expect(read).toEqual(FIVE_CLASS);
    const merged = await mergePracticeProgress(read);
    const again = await mergePracticeProgress(parseProgressFile(FIVE_CLASS_FILE));
    expect(again).toEqual(merged);
    expect(merged.tests.map((t) => t.testId)).toContain('HV-50-5');
  });
});
