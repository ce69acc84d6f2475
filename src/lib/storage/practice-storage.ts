import { clear, createStore, get, update } from 'idb-keyval';
import type { CellClass } from '@/core/model-spec';

/** One answered question. */
export interface PracticeAnswer {
  readonly itemId: string;
  readonly truth: CellClass;
  readonly answer: CellClass;
  /** ms since the epoch */
  readonly at: number;
}

/** A finished session, as the history lists it. */
export interface PracticeSession {
  readonly startedAt: number;
  readonly endedAt: number;
  readonly size: number;
  readonly correct: number;
  readonly answers: readonly PracticeAnswer[];
}

export interface PracticeProgress {
  /** Every answer ever given (newest last, capped), which the adaptive scheduler learns from. */
  readonly answers: readonly PracticeAnswer[];
  readonly sessions: readonly PracticeSession[];
}

/** Enough answers for the scheduler to know a student's weak spots; older ones are dropped. */
const MAX_ANSWERS = 2000;

let store: ReturnType<typeof createStore> | undefined;
/** Opened on first use, so merely importing this module (the delete-all button does) touches nothing. */
function practiceStore() {
  store ??= createStore('hematovision-practice', 'progress');
  return store;
}

export async function loadPracticeProgress(): Promise<PracticeProgress> {
  const [answers, sessions] = await Promise.all([
    get<PracticeAnswer[]>('answers', practiceStore()),
    get<PracticeSession[]>('sessions', practiceStore()),
  ]);
  return { answers: answers ?? [], sessions: sessions ?? [] };
}

export async function saveAnswer(answer: PracticeAnswer): Promise<void> {
  await update<PracticeAnswer[]>('answers', (a = []) => [...a, answer].slice(-MAX_ANSWERS), practiceStore());
}

export async function saveSession(session: PracticeSession): Promise<void> {
  await update<PracticeSession[]>('sessions', (s = []) => [...s, session], practiceStore());
}

/**
 * Forgets every answer and session on this device, and closes the connection: an open one would
 * block "Delete all local data" from deleting the database (idb-keyval never closes it itself).
 */
export async function clearPracticeProgress(): Promise<void> {
  await clear(practiceStore());
  await practiceStore()('readonly', (s) => s.transaction.db.close());
  store = undefined;
}
