/**
 * The browser's "Leave site?" question, asked while any part of the app holds work that leaving
 * would lose: files still queued for analysis, a decision whose write has not committed yet.
 */
const holders = new Set<string>();

function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older Chromium and Safari show the prompt only when returnValue is set.
  event.returnValue = '';
}

/** Holds (`on`) or lets go of the warning for one holder; the browser asks while any holds it. */
export function holdLeaveWarning(holder: string, on: boolean): void {
  if (typeof window === 'undefined') return;
  const before = holders.size;
  if (on) holders.add(holder);
  else holders.delete(holder);
  if (before === 0 && holders.size > 0) window.addEventListener('beforeunload', warnBeforeLeaving);
  else if (before > 0 && holders.size === 0) window.removeEventListener('beforeunload', warnBeforeLeaving);
}
