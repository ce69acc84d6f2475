import { useOfflineStore, type OfflineCache } from '../stores/offline-store';

const TEXT: Record<OfflineCache, { label: string; title: string }> = {
  ready: {
    label: 'Ready offline',
    title: 'The app, the model and the practice images are saved on this device: it works without a network.',
  },
  saving: { label: 'Saving for offline use…', title: 'Keep this page open until it says "Ready offline".' },
  interrupted: {
    label: 'Saving for offline use paused',
    title:
      'The download was cut off. It starts again by itself when the network is back; until this says "Ready offline", the app needs the network.',
  },
  failed: { label: 'Offline use unavailable', title: 'The browser refused to save the app for offline use.' },
  unsupported: { label: 'Offline use unavailable', title: 'This browser has no service workers.' },
  dev: { label: 'Offline cache off (dev server)', title: 'The offline cache is part of the built app only.' },
};

const TONE: Record<OfflineCache, string> = {
  ready: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  saving: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
  interrupted: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  failed: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  unsupported: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  dev: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-100',
};

/** Says whether the app works without a network, and whether the network is gone right now. */
export function OfflineStatus() {
  const cache = useOfflineStore((s) => s.cache);
  const online = useOfflineStore((s) => s.online);
  const { label, title } = TEXT[cache];
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" role="status">
      <span
        data-testid="offline-status"
        data-state={cache}
        title={title}
        className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 ${TONE[cache]}`}
      >
        {label}
      </span>
      {!online && (
        <span data-testid="network-offline" className="text-slate-700 dark:text-slate-300">
          No network — working from this device
        </span>
      )}
    </div>
  );
}
