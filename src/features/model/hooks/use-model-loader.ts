import { useEffect } from 'react';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { useModelStore } from '../stores/model-store';
import { useModelAutoRetry } from './use-model-auto-retry';

/**
 * Subscribes the store to the client and loads the model once on mount (and after a cancel);
 * a download the network cut off is resumed by itself.
 */
export function useModelLoader(): void {
  const set = useModelStore((s) => s.set);
  const status = useModelStore((s) => s.model.status);
  useEffect(() => analysisClient.subscribe(set), [set]);
  useEffect(() => {
    if (status === 'idle') analysisClient.load().catch(() => {});
  }, [status]);
  useModelAutoRetry();
}
