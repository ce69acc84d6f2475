import { useEffect, useState } from 'react';
import { usePracticeStore } from '../stores/practice-store';
import { formatDuration, scoreAnswers } from '@/features/practice/utils/scoring';

/** Score, streak and time of the running session. */
export function SessionStats() {
  const answers = usePracticeStore((s) => s.answers);
  const startedAt = usePracticeStore((s) => s.startedAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const s = scoreAnswers(answers);
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="session-stats">
      <div className="flex gap-1">
        <dt className="text-slate-600 dark:text-slate-300">Score</dt>
        <dd className="font-semibold tabular-nums" data-testid="score">
          {s.correct} / {s.total}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt className="text-slate-600 dark:text-slate-300">Streak</dt>
        <dd className="font-semibold tabular-nums" data-testid="streak">
          {s.streak}
        </dd>
      </div>
      <div className="flex gap-1">
        <dt className="text-slate-600 dark:text-slate-300">Time</dt>
        <dd className="font-semibold tabular-nums">{formatDuration(now - startedAt)}</dd>
      </div>
    </dl>
  );
}
