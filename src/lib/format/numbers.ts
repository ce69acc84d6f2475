/** A share as a percentage; decimals for a threshold that whole percents would round onto a shown confidence. */
export function formatPercent(p: number, decimals = 0): string {
  return decimals === 0 ? `${Math.round(p * 100)}%` : `${(p * 100).toFixed(decimals)}%`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
