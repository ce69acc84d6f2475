import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { pwa } from './scripts/vite/pwa';
import { SECURITY_HEADERS } from './scripts/vite/security-headers';
import { securityHeaders } from './scripts/vite/security-headers-plugin';

const WASM_DIR = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
/** Where the app serves tfjs's WASM binaries: its own origin, never a CDN. */
const WASM_PUBLIC_PATH = 'tfjs-wasm/';

/** Serves (dev) and emits (build) tfjs-backend-wasm's .wasm binaries under /tfjs-wasm/. */
function tfjsWasmFiles(): Plugin {
  const files = () => readdirSync(WASM_DIR).filter((f) => f.endsWith('.wasm'));
  return {
    name: 'tfjs-wasm-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.split('?')[0].replace(/^\//, '');
        const file = name?.startsWith(WASM_PUBLIC_PATH) ? name.slice(WASM_PUBLIC_PATH.length) : undefined;
        if (!file || !files().includes(file)) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.end(readFileSync(join(WASM_DIR, file)));
      });
    },
    generateBundle() {
      for (const file of files()) {
        this.emitFile({ type: 'asset', fileName: WASM_PUBLIC_PATH + file, source: readFileSync(join(WASM_DIR, file)) });
      }
    },
  };
}

export default defineConfig({
  // `@/` is src/, as in tsconfig.base.json's paths.
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src') } },
  plugins: [react(), tailwindcss(), tfjsWasmFiles(), securityHeaders(), pwa()],
  worker: { format: 'es' },
  // The manifest lets scripts/measure/bundle.ts find the entry chunk and its static imports.
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, manifest: true },
  // The built app is served with the headers a real host sends (the build writes them for
  // static hosts too): the CSP header covers the analysis worker, which the page's meta tag cannot.
  preview: { port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
});
