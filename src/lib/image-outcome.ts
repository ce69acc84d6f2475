import type { AnalysedCell } from '../core/analyse';

/** What the app learns about one dropped file. */
export type ImageOutcome =
  | {
      readonly status: 'done';
      readonly width: number;
      readonly height: number;
      readonly cells: AnalysedCell[];
      readonly thumbnailUrl: string;
      readonly notes: string[];
      readonly elapsedMs: number;
    }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'cancelled' };
