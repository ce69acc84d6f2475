import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import './app/index.css';
import { analysisClient } from '@/lib/worker-client/analysis-client';
import { debugRequested } from '@/lib/worker-client/debug-flag';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The test and benchmark hooks are a chunk of their own, fetched only with `?debug`.
if (debugRequested(location.search))
  void import('@/lib/worker-client/debug-hooks').then((m) => m.installDebugHooks(analysisClient));
