import type { ModelInfo } from '@/worker/worker-api';
import { modelVersionLabel } from '@/lib/format/model-version-label';

const NAMES = { webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

/** Shows that the model is ready, which backend runs it (on WASM, on how many threads), and any backend that failed first. */
export function BackendBadge({ info }: { info: ModelInfo }) {
  const fellBack = info.failures.map((f) => `${NAMES[f.backend]} ${f.reason}`).join('; ');
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="model-ready">
      <span className="inline-flex items-center gap-1.5 rounded-full bg-emerald-100 px-2.5 py-0.5 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
        <span aria-hidden="true" className="size-2 rounded-full bg-emerald-600" />
        Model {modelVersionLabel(info.version)} ready on{' '}
        <strong data-testid="backend" data-backend={info.backend}>
          {NAMES[info.backend]}
        </strong>
        {info.wasmThreads !== undefined && (
          <span
            data-testid="wasm-threads"
            data-threads={info.wasmThreads}
            title="WASM runs on several threads when the site is served cross-origin isolated (COOP and COEP headers)."
          >
            ({info.wasmThreads > 1 ? `${info.wasmThreads} threads` : 'one thread'})
          </span>
        )}
      </span>
      {fellBack && <span className="text-amber-800 dark:text-amber-200">({fellBack})</span>}
    </div>
  );
}
