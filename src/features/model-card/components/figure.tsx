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

/** The row of headline figures a section of the card opens with: two a line on a phone, four on a wider screen. */
export function FigureGrid({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">{children}</dl>;
}
