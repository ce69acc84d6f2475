import type { BackendName } from '@/worker/worker-api';

const KNOWN: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];
const FAILED_KEY = 'hematovision.failedBackends';

/** The backend forced by `?backend=webgl|wasm|cpu`, if any. */
export function forcedBackend(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend')?.toLowerCase();
  return KNOWN.find((b) => b === value);
}

/** False with `?threads=off`: WASM runs single-threaded even where it could have threads (to compare). */
export function wasmThreadsAllowed(search: string): boolean {
  return new URLSearchParams(search).get('threads')?.toLowerCase() !== 'off';
}

/** Backends that failed earlier in this browser session; they are not tried again. */
export function failedBackends(): BackendName[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(FAILED_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? KNOWN.filter((b) => raw.includes(b)) : [];
  } catch {
    return [];
  }
}

export function rememberFailedBackends(failed: readonly BackendName[]): void {
  if (failed.length === 0) return;
  const all = [...new Set([...failedBackends(), ...failed])];
  try {
    sessionStorage.setItem(FAILED_KEY, JSON.stringify(all));
  } catch {
    // Storage may be disabled; the fallback then simply repeats next session.
  }
}
