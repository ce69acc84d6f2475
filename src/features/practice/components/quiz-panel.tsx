import { useEffect } from 'react';
import { usePracticeStore } from '../stores/practice-store';
import { QuizView } from './quiz-view';
import { SessionSummary } from './session-summary';
import { StartPanel } from './start-panel';

/** The quiz: start screen and history, the questions, and the end-of-session summary. */
export function QuizPanel() {
  const phase = usePracticeStore((s) => s.phase);
  const message = usePracticeStore((s) => s.message);
  const init = usePracticeStore((s) => s.init);
  useEffect(() => void init(), [init]);
  if (phase === 'loading') return <p className="text-sm">Loading the practice set…</p>;
  if (phase === 'error')
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {message}
      </p>
    );
  if (phase === 'start') return <StartPanel />;
  if (phase === 'done') return <SessionSummary />;
  return <QuizView />;
}
