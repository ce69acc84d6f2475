import type { CaseMeta, FinalClass } from '@/lib/storage/case-types';
import { FINAL_STYLE } from './final-class-style';

/**
 * One change of a case's cells, as undo and redo see it: each cell's decision and presence before
 * and after. Applied to the case as stored, it touches only its own cells, so what another tab
 * changed meanwhile is kept.
 */
export interface CaseStep {
  /** What the step did, for the Undo and Redo buttons' names. */
  readonly label: string;
  /** A cell's decision (undefined: the model's class). */
  readonly decisions: readonly { key: string; before?: FinalClass; after?: FinalClass }[];
  /** A box removed (true) or present (false). */
  readonly removals: readonly { key: string; before: boolean; after: boolean }[];
}

const cellsWord = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;

/** Gives the cells a class (undefined: back to the model's); undefined when nothing would change. */
export function decisionStep(
  meta: Pick<CaseMeta, 'decisions'>,
  keys: readonly string[],
  after: FinalClass | undefined,
): CaseStep | undefined {
  const decisions = keys
    .filter((key) => meta.decisions[key] !== after)
    .map((key) => ({ key, before: meta.decisions[key], after }));
  if (decisions.length === 0) return undefined;
  const what = after ? FINAL_STYLE[after].label : "the model's class";
  return { label: `${what} for ${cellsWord(decisions.length)}`, decisions, removals: [] };
}

/** Removes the boxes (`removed` true) or puts them back; adding a cell by hand is putting it back. */
export function removalStep(keys: readonly string[], removed: boolean, label?: string): CaseStep {
  return {
    label: label ?? `${removed ? 'Removed' : 'Restored'} ${cellsWord(keys.length)}`,
    decisions: [],
    removals: keys.map((key) => ({ key, before: !removed, after: removed })),
  };
}

/** The case's decisions and removed boxes with one side of the step applied. */
export function applyStep(
  meta: Pick<CaseMeta, 'decisions' | 'removed'>,
  step: CaseStep,
  side: 'before' | 'after',
): Pick<CaseMeta, 'decisions' | 'removed'> {
  const decisions = { ...meta.decisions };
  for (const d of step.decisions) {
    const value = d[side];
    if (value === undefined) delete decisions[d.key];
    else decisions[d.key] = value;
  }
  const removed = new Set(meta.removed ?? []);
  for (const r of step.removals) {
    if (r[side]) removed.add(r.key);
    else removed.delete(r.key);
  }
  return { decisions, removed: [...removed] };
}
