import { expose } from 'comlink';
import type { AnalysisWorkerName, DebugPortMessage } from './debug-worker-api';

const DEBUG_NAME: AnalysisWorkerName = 'analysis-debug';

function isDebugPortMessage(data: unknown): data is DebugPortMessage {
  return typeof data === 'object' && data !== null && (data as DebugPortMessage).debugPort instanceof MessagePort;
}

/**
 * In a worker the page named `analysis-debug` (opened with `?debug`), exposes the test and
 * benchmark hooks on each port the page sends. Any other worker never listens, and never fetches
 * their code: it is a chunk of its own. Comlink ignores the port's message (it has no type).
 */
export function acceptDebugPorts(): void {
  if (self.name !== DEBUG_NAME) return;
  self.addEventListener('message', (event: MessageEvent) => {
    if (!isDebugPortMessage(event.data)) return;
    const port = event.data.debugPort;
    void import('./bench/debug-api').then(({ debugApi }) => expose(debugApi, port));
  });
}
