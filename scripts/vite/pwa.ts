import { existsSync, readFileSync } from 'node:fs';
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SERVICE_WORKER_HEADERS_SCRIPT } from './service-worker-headers';

const MODEL_METADATA = 'public/model/metadata.json';

/**
 * The shipped model's version (public/model/metadata.json). It names the offline cache, so a new
 * model gets a fresh cache and the old one is removed once the new service worker takes over.
 */
export function modelVersion(): string {
  if (!existsSync(MODEL_METADATA)) return 'no-model';
  const { version } = JSON.parse(readFileSync(MODEL_METADATA, 'utf8')) as { version?: unknown };
  return typeof version === 'string' && /^[\w.-]+$/.test(version) ? version : 'unversioned';
}

/**
 * Precache limit per file. Workbox's default (2 MiB) skips larger files with only a build
 * warning, and two files the app cannot work offline without sit right at it: the analysis
 * worker's chunk, which bundles tfjs (1.89 MB today, growing with tfjs or the worker code), and
 * the first model shard (exactly 2 MiB, the export's shard size). 8 MiB leaves room for both
 * while still refusing anything absurd (WASM binaries ≈ 0.4 MiB, practice images ≈ 20 KiB).
 */
const MAX_PRECACHED_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The installable, offline-first app: a Workbox service worker that precaches the app shell,
 * the analysis worker, tfjs's WASM binaries, the model and the practice set. It waits for the
 * user before taking over ('prompt'): the page shows "Update available — reload" instead of
 * swapping code under a running analysis. The page registers it from its own bundle
 * (src/features/offline), so no inline script is injected into index.html.
 */
export function pwa(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    // The icons and the web manifest are precached by the glob below and by the plugin itself.
    includeManifestIcons: false,
    manifest: {
      name: 'HematoVision — white blood cell classifier',
      short_name: 'HematoVision',
      description: 'Classify white blood cells in microscope images, entirely on this device.',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f8fafc',
      theme_color: '#1e3a8a',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      cacheId: `hematovision-model-${modelVersion()}`,
      globPatterns: ['**/*.{html,js,css,wasm,json,bin,jpg,png,svg}'],
      // Vite's build manifest is for scripts/measure-bundle.ts, not for the browser; the test and
      // benchmark hooks (src/lib/worker-client/debug-hooks.ts, src/worker/bench) are fetched only with ?debug.
      // The headers script is the service worker's own code, which the browser keeps with it.
      globIgnores: ['.vite/**', '**/SOURCES.md', 'assets/debug-*.js', SERVICE_WORKER_HEADERS_SCRIPT],
      // Before Workbox's code, so every answer it gives carries the security and isolation headers.
      importScripts: [SERVICE_WORKER_HEADERS_SCRIPT],
      maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
  });
}
