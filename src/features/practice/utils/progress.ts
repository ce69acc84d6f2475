import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type { PracticeAnswer, PracticeProgress } from '@/lib/storage/practice-storage';
import { scoreAnswers } from './scoring';

export type ProgressKind = 'quiz' | 'drill' | 'test';

/** One finished session, drill or test, as the progress chart and the CSV show it. */
export interface ProgressPoint {
  readonly kind: ProgressKind;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly perClass: Record<CellClass, { readonly asked: number; readonly correct: number }>;
  readonly asked: number;
  readonly correct: number;
}

const KIND_NAMES: Record<ProgressKind, string> = { quiz: 'quiz', drill: 'count drill', test: 'proficiency test' };

export function kindName(kind: ProgressKind): string {
  return KIND_NAMES[kind];
}

/** Everything finished, oldest first. */
export function progressPoints(progress: PracticeProgress): ProgressPoint[] {
  const point = (kind: ProgressKind, r: { startedAt: number; endedAt: number; answers: readonly PracticeAnswer[] }) => {
    const s = scoreAnswers(r.answers);
    return {
      kind,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      perClass: s.perClass,
      asked: s.total,
      correct: s.correct,
    };
  };
  return [
    ...progress.sessions.map((s) => point('quiz', s)),
    ...progress.drills.map((d) => point('drill', d)),
    ...progress.tests.map((t) => point('test', t)),
  ].sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Progress as CSV, for a tutor's spreadsheet: one row per finished session, drill or test and
 * class (cells of that class shown, named right, and the share right), then the row for all
 * classes. Times are UTC, ISO 8601.
 */
export function progressCsv(points: readonly ProgressPoint[]): string {
  const rows = [['finished_utc', 'kind', 'class', 'cells', 'right', 'right_percent']];
  const percent = (correct: number, asked: number) => (asked > 0 ? ((100 * correct) / asked).toFixed(1) : '');
  for (const p of points) {
    const when = new Date(p.endedAt).toISOString();
    for (const cls of CELL_CLASSES) {
      const { asked, correct } = p.perClass[cls];
      if (asked > 0) rows.push([when, p.kind, cls, String(asked), String(correct), percent(correct, asked)]);
    }
    rows.push([when, p.kind, 'ALL', String(p.asked), String(p.correct), percent(p.correct, p.asked)]);
  }
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}
