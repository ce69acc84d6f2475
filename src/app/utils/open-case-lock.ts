/**
 * Which stored case each tab has open, told through the Web Locks API: a tab holds a shared lock
 * named after its open case for as long as it shows it, and the browser lets the lock go when
 * the tab closes or reloads. A page just loaded can so tell a case still open in another tab
 * (the same work, carried on beside it) from a case left open at the end of an earlier visit.
 */
const PREFIX = 'hematovision-open-case:';

let held: { id: string; release: () => void } | undefined;

/** Holds this tab's lock on the case it shows, letting go of the one it held before. */
export function holdOpenCase(id: string | undefined): void {
  if (held?.id === id) return;
  held?.release();
  held = undefined;
  if (!id || !navigator.locks) return;
  const release = new Promise<void>((resolve) => (held = { id, release: resolve }));
  void navigator.locks.request(`${PREFIX}${id}`, { mode: 'shared' }, () => release).catch(() => undefined);
}

/** Whether a tab other than this one shows the case now (false where the browser cannot tell). */
export async function isCaseOpenElsewhere(id: string): Promise<boolean> {
  if (!navigator.locks) return false;
  const mine = held?.id === id;
  const { held: locks = [] } = await navigator.locks.query();
  return locks.filter((l) => l.name === `${PREFIX}${id}`).length > (mine ? 1 : 0);
}
