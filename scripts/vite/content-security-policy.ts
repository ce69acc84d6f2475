import type { Plugin } from 'vite';

/**
 * The app's Content-Security-Policy. Everything comes from the app's own origin; the exceptions
 * are the ones the app needs and nothing more:
 * - `img-src blob: data:` — result thumbnails are blob: URLs made on this device;
 * - `worker-src blob:` — tfjs may start helper workers from blob: URLs (the analysis worker
 *   itself is a file from 'self');
 * - `script-src 'wasm-unsafe-eval'` — lets the WASM backend compile its binaries; it does not
 *   allow eval() or new Function() in JavaScript;
 * - no 'unsafe-inline' anywhere: the built page has no inline script or style (React sets styles
 *   through the CSSOM, which a CSP does not restrict).
 * `frame-ancestors` is left out because a <meta> policy cannot carry it; the same string is sent
 * as a header and as a meta tag so that both say exactly the same.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Puts the policy in the built index.html as the first tag of <head>, so it covers every tag
 * after it. Build only: Vite's dev server injects inline scripts (React Fast Refresh) and
 * <style> tags (hot CSS) that the policy would rightly block.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
