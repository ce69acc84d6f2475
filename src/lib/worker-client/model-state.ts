import type { ModelInfo } from '@/worker/worker-api';

/** The model's life cycle as the UI sees it. */
export type ModelState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly loadedBytes: number; readonly totalBytes: number }
  | { readonly status: 'ready'; readonly info: ModelInfo }
  | { readonly status: 'error'; readonly message: string };

export type ModelStateListener = (state: ModelState) => void;
