import { useEffect, useRef } from 'react';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { networkReachability } from '@/lib/network/network-reachability';
import { isNetworkFailure } from '@/features/model/utils/network-failure';
import { useModelStore } from '../stores/model-store';

/**
 * A model download the network cut off goes on by itself: as soon as the network is back, or
 * after a growing delay if it never seemed gone. Files that arrived wrong (missing, corrupt)
 * wait for the user's Retry: fetching them again would fail the same way.
 */
export function useModelAutoRetry(): void {
  const model = useModelStore((s) => s.model);
  const attempts = useRef(0);
  useEffect(() => {
    if (model.status === 'ready') attempts.current = 0;
    // A download the network cut off goes on in the same worker, with the shards it already has.
    const resume = model.status === 'interrupted';
    if (!resume && (model.status !== 'error' || !isNetworkFailure(model.message))) return;
    networkReachability.reportFailure();
    return networkReachability.whenBackOnline(attempts.current++, () => {
      void (resume ? analysisClient.load() : analysisClient.retry()).catch(() => {});
    });
  }, [model]);
}
