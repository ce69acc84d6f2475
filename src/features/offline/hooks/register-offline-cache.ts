/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { useOfflineStore } from '../stores/offline-store';

let started = false;
let update: (reload?: boolean) => Promise<void> = async () => {};

/**
 * Registers the service worker once per page and mirrors its state in the offline store. The
 * registration code comes from the page's own bundle, so index.html needs no inline script.
 */
export function registerOfflineCache(): void {
  if (started) return;
  started = true;
  const { setCache, setUpdateWaiting } = useOfflineStore.getState();
  if (import.meta.env.DEV) return setCache('dev');
  if (!('serviceWorker' in navigator)) return setCache('unsupported');
  setCache('saving');
  update = registerSW({
    // First install: 'installed' means every file is precached; 'ready' waits for activation.
    onOfflineReady: () => void navigator.serviceWorker.ready.then(() => setCache('ready')),
    // A later visit: the active worker already holds a complete copy of this version.
    onRegisteredSW: (_url, registration) => {
      if (!registration) setCache('failed');
      else if (registration.active) setCache('ready');
    },
    onNeedRefresh: () => setUpdateWaiting(true),
    onRegisterError: () => setCache('failed'),
  });
}

/** Lets the waiting service worker take over; the page reloads once it controls it. */
export function applyUpdate(): void {
  void update(true);
}
