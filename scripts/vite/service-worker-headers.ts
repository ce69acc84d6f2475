/** The script the service worker imports, relative to the build folder (scripts/vite/pwa.ts). */
export const SERVICE_WORKER_HEADERS_SCRIPT = 'sw-headers.js';

/**
 * A script for the service worker, run before Workbox's own code: every response the service
 * worker answers with (the precached app, model and WASM binaries) gets each of `headers` that
 * it lacks. A host that cannot set headers (GitHub Pages, a plain file server) then still gives
 * the page its security policy and cross-origin isolation, and so the WASM backend its threads,
 * from the visit after the one that installed the offline copy. Headers the host did send are
 * left as they are.
 *
 * It works by wrapping `respondWith` on each fetch event before Workbox's listener, registered
 * after this one, calls it: Workbox answers as it always does, and the answer passes through
 * here on its way out. Requests the service worker leaves to the network are not touched.
 */
export function serviceWorkerHeadersScript(headers: Readonly<Record<string, string>>): string {
  return `// Written by the build from scripts/vite/security-headers.ts: change the headers there.
const HEADERS = ${JSON.stringify(headers)};
function withHeaders(response) {
  if (!response || response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0)
    return response;
  const missing = Object.keys(HEADERS).filter((name) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const name of missing) headers.set(name, HEADERS[name]);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
self.addEventListener('fetch', (event) => {
  const respondWith = event.respondWith.bind(event);
  event.respondWith = (response) => respondWith(Promise.resolve(response).then(withHeaders));
});
`;
}
