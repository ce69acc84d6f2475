import type { ReactNode } from 'react';

/** One headline number with its name, as a term/definition pair inside a <dl>. */
export function Figure({
  label,
  value,
  testId,
  note,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  note?: string;
}) {
  return (
    <div className="flex flex-col rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="text-xs text-slate-600 dark:text-slate-400">{note}</dd>}
    </div>
  );
}
