import type { Plugin } from 'vite';
import { HEADERS_FILE, headersFile, NGINX_SNIPPET, nginxSnippet } from './deploy-headers';
import { CONTENT_SECURITY_POLICY_META, SECURITY_HEADERS } from './security-headers';
import { SERVICE_WORKER_HEADERS_SCRIPT, serviceWorkerHeadersScript } from './service-worker-headers';

/**
 * Writes the security policy into the build: the CSP as the first tag of index.html's <head>,
 * so it covers every tag after it, the header files for static hosts next to the app, and the
 * script with which the service worker sends the same headers where a host sends none.
 * Build only: Vite's dev server injects inline scripts (React Fast Refresh) and <style> tags
 * (hot CSS) that the policy would rightly block.
 */
export function securityHeaders(): Plugin {
  return {
    name: 'security-headers',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: headersFile(SECURITY_HEADERS) });
      this.emitFile({ type: 'asset', fileName: NGINX_SNIPPET, source: nginxSnippet(SECURITY_HEADERS) });
      this.emitFile({
        type: 'asset',
        fileName: SERVICE_WORKER_HEADERS_SCRIPT,
        source: serviceWorkerHeadersScript(SECURITY_HEADERS),
      });
    },
  };
}
