import { useEffect, useState } from 'react';
import type { ModelMetrics } from '@/features/model-card/utils/metrics';

type State = { status: 'loading' } | { status: 'ready'; metrics: ModelMetrics } | { status: 'error'; message: string };

/** Fetches the model card's figures from the app's own origin, where the model itself lives. */
export function useMetrics(): State {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(`${import.meta.env.BASE_URL}model/metrics.json`)
      .then((r) => {
        if (!r.ok) throw new Error(`metrics.json: HTTP ${r.status}`);
        return r.json() as Promise<ModelMetrics>;
      })
      .then(
        (metrics) => live && setState({ status: 'ready', metrics }),
        (err: unknown) => live && setState({ status: 'error', message: (err as Error).message }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
