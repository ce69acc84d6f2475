import { reviewFlagText, type ReviewFlag } from '@/lib/differential/review-flags';

/**
 * The flags for review at the top of a case's report, on the page and on paper: immature
 * granulocytes at 2 % of the white cells or more, any nucleated red cell. Said as a flag, never a
 * diagnosis. Nothing when there is none.
 */
export function ReviewFlagsNote({ flags, printed = false }: { flags: readonly ReviewFlag[]; printed?: boolean }) {
  if (flags.length === 0) return null;
  const look = printed
    ? 'border-2 border-black p-2'
    : 'rounded-lg border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100';
  return (
    <div className={`text-sm ${look}`} data-testid={printed ? 'report-flags' : 'case-flags'}>
      <p className="font-semibold">Flagged for review (a flag, not a diagnosis)</p>
      <ul className="mt-1 list-inside list-disc">
        {flags.map((f) => (
          <li key={f.kind} data-testid="review-flag" data-kind={f.kind}>
            {reviewFlagText(f)}
          </li>
        ))}
      </ul>
    </div>
  );
}
