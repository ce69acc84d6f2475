/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { networkReachability } from '@/lib/network/network-reachability';
import { useOfflineStore } from '@/features/offline/stores/offline-store';

let started = false;
/** First downloads that failed in a row: each new try waits longer unless the network comes back. */
let interruptions = 0;
let update: (reload?: boolean) => Promise<void> = async () => {};

/**
 * Registers the service worker once per page and mirrors its state in the offline store. The
 * registration code comes from the page's own bundle, so index.html needs no inline script.
 */
export function registerOfflineCache(): void {
  if (started) return;
  started = true;
  const { setCache } = useOfflineStore.getState();
  if (import.meta.env.DEV) return setCache('dev');
  if (!('serviceWorker' in navigator)) return setCache('unsupported');
  register();
}

function register(): void {
  const { setCache, setUpdateWaiting } = useOfflineStore.getState();
  setCache('saving');
  update = registerSW({
    // First install: 'installed' means every file is precached; 'ready' waits for activation.
    onOfflineReady: () =>
      void navigator.serviceWorker.ready.then(() => {
        interruptions = 0;
        setCache('ready');
      }),
    // A later visit: the active worker already holds a complete copy of this version.
    onRegisteredSW: (_url, registration) => {
      if (!registration) setCache('failed');
      else if (registration.active) setCache('ready');
      else watchFirstInstall(registration);
    },
    onNeedRefresh: () => setUpdateWaiting(true),
    // Without a network the script cannot arrive, and registering again once it is back works;
    // with one, the refusal (an insecure context, a refused scope) would only come again.
    onRegisterError: () =>
      void networkReachability.check().then((online) => (online ? setCache('failed') : resumeLater())),
  });
}

/**
 * Watches a first install. When one file cannot be fetched the install fails, and with no
 * worker left the browser drops the whole registration: nothing would be saved for offline use
 * unless the page registers again, which it does once the network is back.
 */
function watchFirstInstall(registration: ServiceWorkerRegistration): void {
  const worker = registration.installing ?? registration.waiting;
  if (!worker) {
    registration.addEventListener('updatefound', () => watchFirstInstall(registration), { once: true });
    return;
  }
  const check = () => {
    if (worker.state !== 'redundant' || registration.active) return;
    worker.removeEventListener('statechange', check);
    resumeLater();
  };
  worker.addEventListener('statechange', check);
  check();
}

function resumeLater(): void {
  useOfflineStore.getState().setCache('interrupted');
  networkReachability.reportFailure();
  networkReachability.whenBackOnline(interruptions++, register);
}

/** Lets the waiting service worker take over; the page reloads once it controls it. */
export function applyUpdate(): void {
  void update(true);
}
