import type { CaseMeta, FinalClass } from '@/lib/storage/case-types';
import type { CaseStep } from '@/lib/storage/case-edits';
import { FINAL_STYLE } from './final-class-style';

export { applyStep, type CaseStep } from '@/lib/storage/case-edits';

const cellsWord = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
const stepId = () => crypto.randomUUID();

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
  return { id: stepId(), label: `${what} for ${cellsWord(decisions.length)}`, decisions, removals: [] };
}

/**
 * Removes the boxes (`removed` true) or puts them back; adding a cell by hand is putting it back.
 * `was` names each cell's class at that moment, for the case's record of removals.
 */
export function removalStep(
  keys: readonly string[],
  removed: boolean,
  label?: string,
  was: (key: string) => FinalClass | undefined = () => undefined,
): CaseStep {
  return {
    id: stepId(),
    label: label ?? `${removed ? 'Removed' : 'Restored'} ${cellsWord(keys.length)}`,
    decisions: [],
    removals: keys.map((key) => {
      const cls = was(key);
      return { key, before: !removed, after: removed, ...(cls ? { was: cls } : {}) };
    }),
  };
}
