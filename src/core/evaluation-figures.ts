import type { CellClass } from './model-spec';

/**
 * Shapes of the figures an evaluation writes into public/model/metrics.json: the Node scripts
 * write them, the model card reads them, so both name this one definition.
 */

/** Cells of a lab called a class the lab holds none of (an IG or NRBC call where there are none). */
export interface FalseCalls {
  /** The model's classes this set holds none of. */
  readonly classes: readonly CellClass[];
  /** Per such class: the images whose cell was called it, and their share of the set's images. */
  readonly perClass: Readonly<Record<string, { readonly count: number; readonly share: number }>>;
  /** All of them together. */
  readonly count: number;
  readonly share: number;
}

/** What the accuracy interval resamples: images, or the source cells a grouping file names. */
export type IntervalBasis =
  | { readonly by: 'image' }
  | {
      readonly by: 'source cell';
      /** The file,group CSV the groups come from. */
      readonly groupsFile: string;
      readonly groups: number;
      /** Images the grouping does not name, each counted as a group of its own. */
      readonly ungrouped: number;
      /** The interval a bootstrap over images would give, for comparison (too narrow for copies). */
      readonly byImageCI95: readonly [number, number];
    };
