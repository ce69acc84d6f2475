import { useEffect } from 'react';
import { FOCUS_RING } from '@/components/button';
import { practiceHref, usePracticeRoute, type PracticeMode } from '../hooks/use-practice-route';
import { DrillPanel } from './drill-panel';
import { usePracticeStore } from '../stores/practice-store';
import { ProgressPanel } from './progress-panel';
import { QuizPanel } from './quiz-panel';
import { TestPanel } from './test-panel';
import './practice-print.css';

const MODES: { mode: PracticeMode; label: string }[] = [
  { mode: 'quiz', label: 'Quiz' },
  { mode: 'drill', label: 'Count drill' },
  { mode: 'test', label: 'Proficiency test' },
  { mode: 'progress', label: 'Progress' },
];

/** Practice: the one-cell quiz, the count drill, the proficiency test and the progress over time. */
export function PracticePage() {
  const { mode } = usePracticeRoute();
  const init = usePracticeStore((s) => s.init);
  // Every part shows the stored progress (past drills, tests), so it is read whichever opens first.
  useEffect(() => void init(), [init]);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Practice" className="print:hidden">
        <ul className="flex flex-wrap gap-1 text-sm">
          {MODES.map((m) => (
            <li key={m.mode}>
              <a
                href={practiceHref(m.mode)}
                aria-current={m.mode === mode ? 'page' : undefined}
                data-testid={`practice-mode-${m.mode}`}
                className={`inline-block rounded-md px-3 py-1.5 font-medium ${FOCUS_RING} ${
                  m.mode === mode
                    ? 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900'
                    : 'text-slate-700 underline-offset-2 hover:bg-slate-200 hover:underline dark:text-slate-200 dark:hover:bg-slate-800'
                }`}
              >
                {m.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {mode === 'drill' ? (
        <DrillPanel />
      ) : mode === 'test' ? (
        <TestPanel />
      ) : mode === 'progress' ? (
        <ProgressPanel />
      ) : (
        <QuizPanel />
      )}
    </div>
  );
}
