/** An accessible determinate progress bar. */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
  testId,
}: {
  value: number;
  max: number;
  label: string;
  valueText?: string;
  testId?: string;
}) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      data-testid={testId}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div
        className="h-full rounded-full bg-blue-600 motion-safe:transition-[width] dark:bg-blue-400"
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
