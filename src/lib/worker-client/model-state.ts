import type { ModelInfo } from '@/worker/worker-api';

/** The model's life cycle as the UI sees it. */
export type ModelState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly loadedBytes: number; readonly totalBytes: number }
  /** The network cut the download off at loadedBytes: it resumes (AnalysisClient.load) once it is back. */
  | { readonly status: 'interrupted'; readonly loadedBytes: number; readonly totalBytes: number }
  | { readonly status: 'ready'; readonly info: ModelInfo }
  | { readonly status: 'error'; readonly message: string };

export type ModelStateListener = (state: ModelState) => void;

/**
 * Whether a failed load is a download the network cut off (core's ModelDownloadInterrupted, whose
 * name crosses from the worker with its message), which loading again finishes.
 */
export function isDownloadInterrupted(err: unknown): boolean {
  return err instanceof Error && err.name === 'ModelDownloadInterrupted';
}

/** The state to show when the download stops at `state`'s progress. */
export function interruptedAt(state: ModelState): ModelState {
  return state.status === 'loading'
    ? { status: 'interrupted', loadedBytes: state.loadedBytes, totalBytes: state.totalBytes }
    : { status: 'interrupted', loadedBytes: 0, totalBytes: 0 };
}
