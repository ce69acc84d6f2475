import { clear, createStore, del, get, set, update } from 'idb-keyval';
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

/**
 * A finished count drill: one answer per cell in the drill's order (`itemId` is the cell's id in
 * the drill, `truth` the key's class, `answer` the student's tally).
 */
export interface DrillResult {
  readonly seed: string;
  readonly size: number;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly answers: readonly PracticeAnswer[];
}

/** A count drill under way, saved on every tally (and undo) so that a reload resumes it. */
export interface OpenDrill {
  readonly seed: string;
  readonly size: number;
  readonly startedAt: number;
  /** The drill's cells in order, so a resumed drill is the very same one. */
  readonly cellIds: readonly string[];
  /** The student's tallies, one per cell so far. */
  readonly tallies: readonly CellClass[];
}

/** A finished proficiency test. */
export interface TestResult {
  readonly testId: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly answers: readonly PracticeAnswer[];
  /** The name the student typed on the certificate, if any. */
  readonly name?: string;
}

/** A proficiency test under way: its answers so far, stored so that a reload resumes it. */
export interface OpenTest {
  readonly testId: string;
  readonly startedAt: number;
  readonly itemIds: readonly string[];
  readonly answers: readonly CellClass[];
}

export interface PracticeProgress {
  /** Every answer ever given (newest last, capped), which the adaptive scheduler learns from. */
  readonly answers: readonly PracticeAnswer[];
  readonly sessions: readonly PracticeSession[];
  readonly drills: readonly DrillResult[];
  readonly tests: readonly TestResult[];
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
  const [answers, sessions, drills, tests] = await Promise.all([
    get<PracticeAnswer[]>('answers', practiceStore()),
    get<PracticeSession[]>('sessions', practiceStore()),
    get<DrillResult[]>('drills', practiceStore()),
    get<TestResult[]>('tests', practiceStore()),
  ]);
  return { answers: answers ?? [], sessions: sessions ?? [], drills: drills ?? [], tests: tests ?? [] };
}

export async function saveAnswer(answer: PracticeAnswer): Promise<void> {
  await update<PracticeAnswer[]>('answers', (a = []) => [...a, answer].slice(-MAX_ANSWERS), practiceStore());
}

export async function saveSession(session: PracticeSession): Promise<void> {
  await update<PracticeSession[]>('sessions', (s = []) => [...s, session], practiceStore());
}

export async function saveDrillResult(drill: DrillResult): Promise<void> {
  await update<DrillResult[]>('drills', (d = []) => [...d, drill], practiceStore());
  await del('open-drill', practiceStore());
}

export async function saveTestResult(test: TestResult): Promise<void> {
  await update<TestResult[]>('tests', (t = []) => [...t, test], practiceStore());
  await del('open-test', practiceStore());
}

/** The name typed on a finished test's certificate, stored with its result. */
export async function saveTestName(startedAt: number, name: string): Promise<void> {
  await update<TestResult[]>(
    'tests',
    (t = []) => t.map((r) => (r.startedAt === startedAt ? { ...r, name } : r)),
    practiceStore(),
  );
}

export function loadOpenDrill(): Promise<OpenDrill | undefined> {
  return get<OpenDrill>('open-drill', practiceStore());
}

/** Saves the drill under way, or forgets it (undefined: finished or abandoned). */
export async function saveOpenDrill(drill: OpenDrill | undefined): Promise<void> {
  await (drill ? set('open-drill', drill, practiceStore()) : del('open-drill', practiceStore()));
}

export function loadOpenTest(): Promise<OpenTest | undefined> {
  return get<OpenTest>('open-test', practiceStore());
}

export async function saveOpenTest(test: OpenTest | undefined): Promise<void> {
  await (test ? set('open-test', test, practiceStore()) : del('open-test', practiceStore()));
}

/**
 * Adds another device's progress to this one's: sessions, drills and tests already here (the
 * same start time) are kept once, answers by item and time; everything stays in time order.
 * Returns the merged progress as stored.
 */
export async function mergePracticeProgress(incoming: PracticeProgress): Promise<PracticeProgress> {
  const byKey =
    <T>(key: (x: T) => string, at: (x: T) => number) =>
    (here: readonly T[] = [], there: readonly T[]) => {
      const seen = new Map(here.map((x) => [key(x), x]));
      for (const x of there) if (!seen.has(key(x))) seen.set(key(x), x);
      return [...seen.values()].sort((a, b) => at(a) - at(b));
    };
  const answers = byKey<PracticeAnswer>(
    (a) => `${a.itemId}@${a.at}`,
    (a) => a.at,
  );
  const sessions = byKey<PracticeSession>(
    (s) => String(s.startedAt),
    (s) => s.startedAt,
  );
  const drills = byKey<DrillResult>(
    (d) => `${d.seed}@${d.startedAt}`,
    (d) => d.startedAt,
  );
  const tests = byKey<TestResult>(
    (t) => `${t.testId}@${t.startedAt}`,
    (t) => t.startedAt,
  );
  await update<PracticeAnswer[]>('answers', (a) => answers(a, incoming.answers).slice(-MAX_ANSWERS), practiceStore());
  await update<PracticeSession[]>('sessions', (s) => sessions(s, incoming.sessions), practiceStore());
  await update<DrillResult[]>('drills', (d) => drills(d, incoming.drills), practiceStore());
  await update<TestResult[]>('tests', (t) => tests(t, incoming.tests), practiceStore());
  return loadPracticeProgress();
}

/**
 * Forgets every answer, session, drill and test on this device, and closes the connection: an open one would
 * block "Delete all local data" from deleting the database (idb-keyval never closes it itself).
 */
export async function clearPracticeProgress(): Promise<void> {
  await clear(practiceStore());
  await practiceStore()('readonly', (s) => s.transaction.db.close());
  store = undefined;
}
