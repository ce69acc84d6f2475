import { describe, expect, it } from 'vitest';
import type { CellClass } from '@/core/model-spec';
import type { PracticeProgress } from '@/lib/storage/practice-storage';
import { progressCsv, progressPoints } from './progress';
import { parseProgressFile, progressFile } from './progress-file';

const a = (n: number, truth: CellClass, answer: CellClass = truth) => ({ itemId: `i${n}`, truth, answer, at: n });

const PROGRESS: PracticeProgress = {
  answers: [a(1, 'MONOCYTE', 'LYMPHOCYTE'), a(2, 'MONOCYTE')],
  sessions: [
    {
      startedAt: 1_000,
      endedAt: 61_000,
      size: 10,
      correct: 1,
      answers: [a(1, 'MONOCYTE', 'LYMPHOCYTE'), a(2, 'MONOCYTE')],
    },
  ],
  drills: [
    {
      seed: 'k7f2qm',
      size: 100,
      startedAt: 5_000_000,
      endedAt: 5_600_000,
      answers: [a(3, 'NEUTROPHIL'), a(4, 'NEUTROPHIL', 'EOSINOPHIL'), a(5, 'LYMPHOCYTE')],
    },
  ],
  tests: [{ testId: 'HV-50-5', startedAt: 200_000, endedAt: 800_000, answers: [a(6, 'BASOPHIL')], name: 'A. Student' }],
};

describe('progressPoints and progressCsv', () => {
  it('lists sessions, drills and tests in time order and writes a row per class and one for all', () => {
    const points = progressPoints(PROGRESS);
    expect(points.map((p) => p.kind)).toEqual(['quiz', 'test', 'drill']);
    expect(progressCsv(points).trim().split('\n')).toEqual([
      'finished_utc,kind,class,cells,right,right_percent',
      '1970-01-01T00:01:01.000Z,quiz,MONOCYTE,2,1,50.0',
      '1970-01-01T00:01:01.000Z,quiz,ALL,2,1,50.0',
      '1970-01-01T00:13:20.000Z,test,BASOPHIL,1,1,100.0',
      '1970-01-01T00:13:20.000Z,test,ALL,1,1,100.0',
      '1970-01-01T01:33:20.000Z,drill,LYMPHOCYTE,1,1,100.0',
      '1970-01-01T01:33:20.000Z,drill,NEUTROPHIL,2,1,50.0',
      '1970-01-01T01:33:20.000Z,drill,ALL,3,2,66.7',
    ]);
  });

  it('writes only the header when nothing is finished', () => {
    expect(progressCsv(progressPoints({ answers: [], sessions: [], drills: [], tests: [] }))).toBe(
      'finished_utc,kind,class,cells,right,right_percent\n',
    );
  });
});

describe('progress file', () => {
  it('reads back what it wrote', () => {
    expect(parseProgressFile(progressFile(PROGRESS, 9))).toEqual(PROGRESS);
  });

  it('refuses what is not a progress file, or is damaged, with the reason', () => {
    expect(() => parseProgressFile('not json')).toThrow('not JSON');
    expect(() => parseProgressFile('{"format":"something-else"}')).toThrow('not a HematoVision progress file');
    const file = JSON.parse(progressFile(PROGRESS)) as Record<string, unknown>;
    expect(() => parseProgressFile(JSON.stringify({ ...file, version: 2 }))).toThrow('version 2');
    expect(() => parseProgressFile(JSON.stringify({ ...file, drills: {} }))).toThrow('drills is not a list');
    const unknownClass = { ...file, answers: [{ itemId: 'x', truth: 'MYELOCYTE', answer: 'NEUTROPHIL', at: 1 }] };
    expect(() => parseProgressFile(JSON.stringify(unknownClass))).toThrow(
      'answers[0].truth is "MYELOCYTE", a class this app does not know',
    );
    const backwards = { ...file, tests: [{ testId: 't', startedAt: 5, endedAt: 4, answers: [] }] };
    expect(() => parseProgressFile(JSON.stringify(backwards))).toThrow('tests[0] ends before it starts');
    const noTime = {
      ...file,
      sessions: [
        {
          startedAt: 1,
          endedAt: 2,
          size: 1,
          correct: 0,
          answers: [{ itemId: 'x', truth: 'MONOCYTE', answer: 'MONOCYTE' }],
        },
      ],
    };
    expect(() => parseProgressFile(JSON.stringify(noTime))).toThrow('sessions[0].answers[0].at is not a time');
  });
});
