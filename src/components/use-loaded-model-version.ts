import { useEffect, useState } from 'react';
import { analysisClient } from '@/lib/worker-client/analysis-client';

/** The version of the model loaded in the worker, once it is ready: lab profiles made for another are unusable. */
export function useLoadedModelVersion(): string | undefined {
  const [version, setVersion] = useState<string>();
  useEffect(() => analysisClient.subscribe((state) => state.status === 'ready' && setVersion(state.info.version)), []);
  return version;
}
