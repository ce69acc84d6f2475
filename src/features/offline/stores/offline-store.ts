import { create } from 'zustand';
import { networkReachability } from '@/lib/network/network-reachability';

/**
 * Whether the app can run without a network: 'saving' while the service worker precaches it,
 * 'ready' once an active worker holds the whole app (Workbox activates a worker only after
 * every precached file is stored), 'interrupted' when a first download failed part-way (it
 * starts again by itself), 'failed' when the browser refused the registration, 'unsupported'
 * when the browser has no service workers, and 'dev' on Vite's dev server, which has none.
 */
export type OfflineCache = 'dev' | 'unsupported' | 'saving' | 'interrupted' | 'ready' | 'failed';

interface OfflineState {
  cache: OfflineCache;
  /** A new version is installed and waits for the user to reload into it. */
  updateWaiting: boolean;
  /** Whether requests reach the app's server now (lib/network-reachability.ts), not only what the browser says. */
  online: boolean;
  setCache: (cache: OfflineCache) => void;
  setUpdateWaiting: (waiting: boolean) => void;
  setOnline: (online: boolean) => void;
}

export const useOfflineStore = create<OfflineState>((set) => ({
  cache: 'saving',
  updateWaiting: false,
  online: networkReachability.isOnline,
  setCache: (cache) => set({ cache }),
  setUpdateWaiting: (updateWaiting) => set({ updateWaiting }),
  setOnline: (online) => set({ online }),
}));
