import { useEffect } from 'react';
import { DRILL_SIZES, isDrillSeed, type DrillSize } from '@/features/practice/utils/drill';
import { usePracticeRoute } from '../hooks/use-practice-route';
import { useDrillStore } from '../stores/drill-store';
import { DrillCounter } from './drill-counter';
import { DrillReport } from './drill-report';
import { DrillStart } from './drill-start';

/** The count drill: choose or open a drill by its code, tally it, then its report. */
export function DrillPanel() {
  const phase = useDrillStore((s) => s.phase);
  const message = useDrillStore((s) => s.message);
  const init = useDrillStore((s) => s.init);
  const { params } = usePracticeRoute();
  const seed = params.get('seed') ?? '';
  const cells = Number(params.get('cells'));
  useEffect(() => {
    void init(
      isDrillSeed(seed) ? seed : undefined,
      (DRILL_SIZES as readonly number[]).includes(cells) ? (cells as DrillSize) : undefined,
    );
  }, [init, seed, cells]);
  if (phase === 'loading') return <p className="text-sm">Loading the drill’s images…</p>;
  if (phase === 'error')
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {message}
      </p>
    );
  if (phase === 'counting') return <DrillCounter />;
  if (phase === 'done') return <DrillReport />;
  return <DrillStart />;
}
