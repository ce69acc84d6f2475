import { useEffect } from 'react';
import { useOfflineStore } from '../stores/offline-store';
import { registerOfflineCache } from './register-offline-cache';

/** Registers the offline cache once and follows the browser's online/offline events. */
export function useOfflineCache(): void {
  const setOnline = useOfflineStore((s) => s.setOnline);
  useEffect(() => {
    registerOfflineCache();
    const sync = () => setOnline(navigator.onLine);
    window.addEventListener('online', sync);
    window.addEventListener('offline', sync);
    return () => {
      window.removeEventListener('online', sync);
      window.removeEventListener('offline', sync);
    };
  }, [setOnline]);
}
