import { create } from 'zustand';

/**
 * Whether the app can run without a network: 'saving' while the service worker precaches it,
 * 'ready' once an active worker holds the whole app (Workbox activates a worker only after
 * every precached file is stored), 'failed' when registration failed, 'unsupported' when the
 * browser has no service workers, and 'dev' on Vite's dev server, which has none.
 */
export type OfflineCache = 'dev' | 'unsupported' | 'saving' | 'ready' | 'failed';

interface OfflineState {
  cache: OfflineCache;
  /** A new version is installed and waits for the user to reload into it. */
  updateWaiting: boolean;
  /** Whether the browser says it has a network connection now. */
  online: boolean;
  setCache: (cache: OfflineCache) => void;
  setUpdateWaiting: (waiting: boolean) => void;
  setOnline: (online: boolean) => void;
}

export const useOfflineStore = create<OfflineState>((set) => ({
  cache: 'saving',
  updateWaiting: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  setCache: (cache) => set({ cache }),
  setUpdateWaiting: (updateWaiting) => set({ updateWaiting }),
  setOnline: (online) => set({ online }),
}));
