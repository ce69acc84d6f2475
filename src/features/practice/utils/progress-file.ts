import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import type {
  DrillResult,
  PracticeAnswer,
  PracticeProgress,
  PracticeSession,
  TestResult,
} from '@/lib/storage/practice-storage';

/** What a progress file says it is, so that any other JSON is refused with a clear message. */
export const PROGRESS_FORMAT = 'hematovision-practice-progress';
const VERSION = 1;

/** The student's whole practice record as a file to carry to another device. */
export function progressFile(progress: PracticeProgress, now = Date.now()): string {
  const { answers, sessions, drills, tests } = progress;
  return JSON.stringify({ format: PROGRESS_FORMAT, version: VERSION, savedAt: now, answers, sessions, drills, tests });
}

class Invalid extends Error {}

type Json = Record<string, unknown>;

function object(x: unknown, where: string): Json {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Invalid(`${where} is not an object`);
  return x as Json;
}

function array(x: unknown, where: string): unknown[] {
  if (!Array.isArray(x)) throw new Invalid(`${where} is not a list`);
  return x;
}

function time(x: unknown, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new Invalid(`${where} is not a time`);
  return x;
}

function count(x: unknown, where: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw new Invalid(`${where} is not a count`);
  return x;
}

function text(x: unknown, where: string, max = 200): string {
  if (typeof x !== 'string' || x.length > max) throw new Invalid(`${where} is not a short text`);
  return x;
}

function cellClass(x: unknown, where: string): CellClass {
  if (typeof x !== 'string' || !CELL_CLASSES.includes(x as CellClass))
    throw new Invalid(`${where} is "${String(x)}", a class this app does not know`);
  return x as CellClass;
}

function answer(x: unknown, where: string): PracticeAnswer {
  const a = object(x, where);
  return {
    itemId: text(a.itemId, `${where}.itemId`),
    truth: cellClass(a.truth, `${where}.truth`),
    answer: cellClass(a.answer, `${where}.answer`),
    at: time(a.at, `${where}.at`),
  };
}

function answers(x: unknown, where: string): PracticeAnswer[] {
  return array(x, where).map((a, i) => answer(a, `${where}[${i}]`));
}

function timed(o: Json, where: string) {
  const startedAt = time(o.startedAt, `${where}.startedAt`);
  const endedAt = time(o.endedAt, `${where}.endedAt`);
  if (endedAt < startedAt) throw new Invalid(`${where} ends before it starts`);
  return { startedAt, endedAt };
}

function session(x: unknown, where: string): PracticeSession {
  const s = object(x, where);
  return {
    ...timed(s, where),
    size: count(s.size, `${where}.size`),
    correct: count(s.correct, `${where}.correct`),
    answers: answers(s.answers, `${where}.answers`),
  };
}

function drill(x: unknown, where: string): DrillResult {
  const d = object(x, where);
  return {
    seed: text(d.seed, `${where}.seed`, 24),
    size: count(d.size, `${where}.size`),
    ...timed(d, where),
    answers: answers(d.answers, `${where}.answers`),
  };
}

function test(x: unknown, where: string): TestResult {
  const t = object(x, where);
  const result = {
    testId: text(t.testId, `${where}.testId`, 40),
    ...timed(t, where),
    answers: answers(t.answers, `${where}.answers`),
  };
  return t.name === undefined ? result : { ...result, name: text(t.name, `${where}.name`) };
}

/**
 * Reads a progress file another device saved, checking every field: anything that is not such a
 * file, or names a class this app does not know, is refused whole with the reason, never half
 * imported.
 */
export function parseProgressFile(content: string): PracticeProgress {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new Error('This is not a progress file: it is not JSON.');
  }
  try {
    const file = object(json, 'the file');
    if (file.format !== PROGRESS_FORMAT) throw new Invalid('it is not a HematoVision progress file');
    if (file.version !== VERSION) throw new Invalid(`its version ${String(file.version)} is not one this app reads`);
    return {
      answers: answers(file.answers, 'answers'),
      sessions: array(file.sessions, 'sessions').map((s, i) => session(s, `sessions[${i}]`)),
      drills: array(file.drills, 'drills').map((d, i) => drill(d, `drills[${i}]`)),
      tests: array(file.tests, 'tests').map((t, i) => test(t, `tests[${i}]`)),
    };
  } catch (err) {
    if (err instanceof Invalid) throw new Error(`This progress file cannot be read: ${err.message}.`);
    throw err;
  }
}
