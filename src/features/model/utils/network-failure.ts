/**
 * Whether a model load failed because a file could not be fetched at all (the network dropped,
 * the server was unreachable), as opposed to a file that arrived wrong (missing, corrupt, not
 * JSON), which fetching again would not fix. It reads the message because that is all that
 * crosses from the worker: core/model-files.ts says "not reachable" when fetch() itself fails;
 * a download cut mid-stream surfaces as the browser's own fetch error ("network error" in
 * Chromium, "Failed to fetch", Safari's "Load failed").
 */
export function isNetworkFailure(message: string): boolean {
  return /not reachable|network error|failed to fetch|load failed|networkerror/i.test(message);
}
