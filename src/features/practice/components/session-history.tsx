import { TableHead } from '@/components/table-head';
import type { PracticeSession } from '@/lib/storage/practice-storage';
import { formatDuration } from '@/features/practice/utils/scoring';

/** Past sessions, newest first. */
export function SessionHistory({ sessions }: { sessions: readonly PracticeSession[] }) {
  if (sessions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">No sessions yet.</p>;
  return (
    <table className="max-w-xl text-sm tabular-nums" data-testid="history">
      <caption className="mb-1 text-left font-semibold">Your sessions</caption>
      <TableHead columns={[{ label: 'When' }, { label: 'Score', numeric: true }, { label: 'Time', numeric: true }]} />
      <tbody>
        {[...sessions].reverse().map((s) => (
          <tr key={s.startedAt} data-testid="history-row" className="border-b border-slate-200 dark:border-slate-800">
            <td className="pr-4">{new Date(s.startedAt).toLocaleString()}</td>
            <td className="pr-4 text-right" data-metric="score">{`${s.correct} / ${s.answers.length}`}</td>
            <td className="text-right">{formatDuration(s.endedAt - s.startedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
