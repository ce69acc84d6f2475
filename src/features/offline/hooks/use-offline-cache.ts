import { useEffect } from 'react';
import { startNetworkReachability } from '@/lib/network/network-reachability';
import { useOfflineStore } from '../stores/offline-store';
import { registerOfflineCache } from '@/features/offline/utils/register-offline-cache';

/**
 * Registers the offline cache once and follows whether the network is there: what requests
 * show, not navigator.onLine alone (see lib/network-reachability.ts).
 */
export function useOfflineCache(): void {
  const setOnline = useOfflineStore((s) => s.setOnline);
  useEffect(() => {
    registerOfflineCache();
    const reachability = startNetworkReachability();
    return reachability.subscribe(setOnline);
  }, [setOnline]);
}
