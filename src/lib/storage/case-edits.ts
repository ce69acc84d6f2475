import type { CaseMeta, FinalClass, HandCell, Target } from './case-types';

/**
 * One change of a case's cells, as undo and redo see it: each cell's decision and presence before
 * and after. Applied to the case as stored, it touches only its own cells, so what another tab
 * changed meanwhile is kept.
 */
export interface CaseStep {
  /** Tells a step apart when it is applied twice (a tab reading back what it wrote). */
  readonly id: string;
  /** What the step did, for the Undo and Redo buttons' names. */
  readonly label: string;
  /** A cell's decision (undefined: the model's class). */
  readonly decisions: readonly { key: string; before?: FinalClass; after?: FinalClass }[];
  /** A box removed (true) or present (false); `was`: the cell's class when the step was made. */
  readonly removals: readonly { key: string; before: boolean; after: boolean; was?: FinalClass }[];
}

/** A box taken out of the case or put back, kept for the case's JSON: who did what, and when. */
export interface RemovalRecord {
  readonly key: string;
  readonly removed: boolean;
  readonly at: number;
  /** The cell's class at that moment (the user's decision, or else the model's). */
  readonly was?: FinalClass;
}

/** What a stored case keeps beside its cells: its undo and redo history and its removals. */
export interface CaseHistory {
  /** Steps that undo takes back, newest last; at most HISTORY_LIMIT. */
  readonly past?: readonly CaseStep[];
  /** Steps undone, the next to redo last; at most HISTORY_LIMIT. */
  readonly future?: readonly CaseStep[];
  /** Every removal and restoration of a box, oldest first; never trimmed. */
  readonly removals?: readonly RemovalRecord[];
}

/** A case as stored: its record and its history. */
export type CaseRecord = CaseMeta & CaseHistory;

/** Steps kept for undo and for redo: a long review stays undoable without the record growing without end. */
export const HISTORY_LIMIT = 100;

/**
 * One decision of the user, written to storage as it is (a blind write, so that it is durable at
 * once) and applied to the stored case afterwards. Applying an edit twice changes nothing more.
 */
export type CaseEdit =
  | { readonly type: 'step'; readonly step: CaseStep; readonly at: number; readonly hand?: HandCell }
  | { readonly type: 'undo'; readonly step: CaseStep; readonly at: number }
  | { readonly type: 'redo'; readonly step: CaseStep; readonly at: number }
  | { readonly type: 'name'; readonly name: string; readonly at: number }
  | { readonly type: 'target'; readonly target: Target; readonly at: number };

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

const has = (steps: readonly CaseStep[] | undefined, step: CaseStep) => (steps ?? []).some((s) => s.id === step.id);
const without = (steps: readonly CaseStep[] | undefined, step: CaseStep) =>
  (steps ?? []).filter((s) => s.id !== step.id);
const bounded = (steps: readonly CaseStep[]) => steps.slice(-HISTORY_LIMIT);

/** Applies one side of a step to the cells and notes each box that changed presence. */
function applyCells<T extends CaseRecord>(record: T, step: CaseStep, side: 'before' | 'after', at: number): T {
  const wasRemoved = new Set(record.removed ?? []);
  const changed = step.removals.filter((r) => r[side] !== wasRemoved.has(r.key));
  const removals = [
    ...(record.removals ?? []),
    ...changed.map((r) => ({ key: r.key, removed: r[side], at, ...(r.was ? { was: r.was } : {}) })),
  ];
  return { ...record, ...applyStep(record, step, side), ...(changed.length > 0 ? { removals } : {}) };
}

/** The case with the edit applied; the same case (unchanged) when it was applied already. */
export function applyEdit<T extends CaseRecord>(record: T, edit: CaseEdit): T {
  const at = { updatedAt: Math.max(record.updatedAt, edit.at) };
  switch (edit.type) {
    case 'name':
      return { ...record, name: edit.name, ...at };
    case 'target':
      return { ...record, target: edit.target, ...at };
    case 'step': {
      if (has(record.past, edit.step) || has(record.future, edit.step)) return record;
      const handCells = edit.hand ? { handCells: [...(record.handCells ?? []), edit.hand] } : {};
      return {
        ...applyCells({ ...record, ...handCells }, edit.step, 'after', edit.at),
        past: bounded([...(record.past ?? []), edit.step]),
        future: [],
        ...at,
      };
    }
    case 'undo':
      if (!has(record.past, edit.step)) return record;
      return {
        ...applyCells(record, edit.step, 'before', edit.at),
        past: without(record.past, edit.step),
        future: bounded([...(record.future ?? []), edit.step]),
        ...at,
      };
    case 'redo':
      if (!has(record.future, edit.step)) return record;
      return {
        ...applyCells(record, edit.step, 'after', edit.at),
        past: bounded([...(record.past ?? []), edit.step]),
        future: without(record.future, edit.step),
        ...at,
      };
  }
}

/** The cells a case counts: those found, and those drawn by hand, less the boxes removed. */
export function cellsInCase(meta: Pick<CaseMeta, 'cellCount' | 'handCells' | 'removed'>): number {
  return meta.cellCount + (meta.handCells?.length ?? 0) - (meta.removed?.length ?? 0);
}
