import { create } from 'zustand';
import type { ModelState } from '@/lib/worker-client/model-state';

/** Mirrors the analysis client's model state for React. */
export const useModelStore = create<{ model: ModelState; set: (model: ModelState) => void }>((set) => ({
  model: { status: 'idle' },
  set: (model) => set({ model }),
}));
