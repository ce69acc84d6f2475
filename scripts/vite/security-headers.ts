/**
 * The app's security policy, the one place it is written. From here come the meta tag in the
 * built index.html, the headers `vite preview` sends, and the header files for static hosts
 * (scripts/vite/deploy-headers.ts): they cannot say different things.
 *
 * Content-Security-Policy: everything comes from the app's own origin; the exceptions are the
 * ones the app needs and nothing more:
 * - `img-src blob: data:` — result thumbnails are blob: URLs made on this device;
 * - `worker-src blob:` — tfjs may start helper workers from blob: URLs (the analysis worker
 *   itself is a file from 'self');
 * - `script-src 'wasm-unsafe-eval'` — lets the WASM backend compile its binaries; it does not
 *   allow eval() or new Function() in JavaScript;
 * - `script-src blob:` — each thread of the threaded WASM backend (a blob: worker) loads tfjs's
 *   Emscripten code from a blob: URL the worker made; only script already running on this
 *   origin can make one;
 * - no 'unsafe-inline' anywhere: the built page has no inline script or style (React sets styles
 *   through the CSSOM, which a CSP does not restrict).
 */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** No site may frame the app (clickjacking). Browsers ignore it in a <meta> policy: header only. */
const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * The policy in the page's <meta> tag. It guards the page wherever it is served, even by a host
 * that sends no headers; the header adds what a meta tag cannot carry and also covers the
 * analysis worker, which a page's meta tag does not.
 */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.join('; ');

/** The policy sent as a header: the meta tag's, plus frame-ancestors. */
export const CONTENT_SECURITY_POLICY = [...CSP_DIRECTIVES, FRAME_ANCESTORS].join('; ');

/**
 * Powerful features: the camera for this origin only (taking a photo of a smear on a phone);
 * everything else the app never uses is off, for the page and anything it might embed.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'display-capture=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'xr-spatial-tracking=()',
  'idle-detection=()',
  'screen-wake-lock=()',
  'publickey-credentials-get=()',
  'encrypted-media=()',
  'browsing-topics=()',
].join(', ');

/** Every response's security headers, by name. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Files are only what their Content-Type says: no script sniffed out of an image or JSON.
  'X-Content-Type-Options': 'nosniff',
  // Links to other sites (the model card's references) do not tell them where the user came from.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_POLICY,
  // Cross-origin isolation: no other site's window shares this page's process, and nothing is
  // embedded unless it is this site's own. Only then does the browser give SharedArrayBuffer,
  // which the WASM backend's threads need (src/worker/wasm-threads.ts); every file the app loads
  // is its own, so nothing is refused.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
