import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIGURES_END,
  FIGURES_START,
  renderDocument,
  renderFigures,
  replaceFigures,
  shapeProblem,
  type ModelDocMetrics,
  type RecipeValidation,
} from './model-doc';

const FIVE = ['BASOPHIL', 'EOSINOPHIL', 'LYMPHOCYTE', 'MONOCYTE', 'NEUTROPHIL'];

function lab(accuracy: number, recalls: number[], held = FIVE) {
  return {
    data: 'somewhere',
    images: 1000,
    accuracy,
    accuracyCI95: [accuracy - 0.0111, accuracy + 0.0122] as [number, number],
    macroF1: accuracy - 0.0123,
    ece: 0.0345,
    eceBeforeCalibration: 0.0456,
    classes: FIVE,
    classesHeld: held,
    perClass: Object.fromEntries(
      FIVE.map((c, i) => [c, { precision: 0.9, recall: recalls[i], f1: 0.9, support: held.includes(c) ? 200 : 0 }]),
    ),
    confusion: [],
    reliability: [],
    review: { threshold: 0.95, flaggedShare: 0.2468, accuracyAboveThreshold: 0.9753 },
    noCellFound: ['a.jpg', 'b.jpg', 'c.jpg'],
  };
}

const METRICS: ModelDocMetrics = {
  modelVersion: '2.abcdef12',
  gflopsPerCell: 0.32,
  modelBytes: 3215624,
  test: lab(0.9234, [0, 0.811, 0.999, 0.822, 0.955], FIVE.slice(1)),
  pbc: lab(0.9612, [0.9321, 0.97, 0.98, 0.95, 0.99]),
  lisc: lab(0.8133, [0.61, 0.72, 0.93, 0.84, 0.95]),
  liscAdapted: { ...lab(0.9077, [0.81, 0.82, 0.93, 0.94, 0.95]), adaptedOn: '50 cells of lisc/adapt' },
  detection: { split: 'test', whiteCells: 71, recall: 0.9859, precision: 0.9211, precisionInsideField: 1 },
  noWhiteCell: { negativeSet: 'fixtures/negatives', negativesRejected: 0.9583, negativesAccepted: ['x.jpg'] },
  heatmap: { meanMassInsideBox: 0.8421 },
  calibration: { temperature: 1.0253, reviewThreshold: 0.9544, reviewTarget: 0.97 },
};

const VALIDATION: RecipeValidation = {
  selected: 'final epoch (12)',
  validation: {
    'blood-cells': {
      trainedOn: true,
      crops: 2139,
      accuracy: 0.9012,
      macroF1: 0.8876,
      review: { unmarkedShare: 0.5432, unmarkedAccuracy: 0.9711 },
    },
    pbc: { trainedOn: true, crops: 675, accuracy: 0.9655, macroF1: 0.9644 },
  },
};

describe('model-doc', () => {
  it('renders every figure the document promises, per lab', () => {
    const md = renderFigures(METRICS, VALIDATION, 'two-labs');
    for (const expected of [
      '2.abcdef12',
      '92.3 % (91.2 %–93.6 %)', // TEST accuracy with its interval
      '96.1 %',
      '81.3 %',
      '90.8 %',
      '0.911', // TEST macro-F1
      '0.932', // PBC basophil recall
      '0.035 (0.046)', // ECE after (before)
      '24.7 % / 97.5 %', // review mark: share marked / accuracy of the unmarked
      '3 (0.3 %)', // images where no cell was found
      'recall 0.986, precision 0.921',
      '95.8 %', // negatives rejected
      '0.32 GFLOP per cell',
      '3.22 MB',
      '50 cells of lisc/adapt',
      '2139',
    ]) {
      expect(md).toContain(expected);
    }
    expect(md).toContain('0.888'); // blood-cells validation macro-F1
    expect(md).toContain('54.3 % / 97.1 %'); // validation: unmarked share / their accuracy
    expect(md).toContain('training/results/two-labs/validation.json');
  });

  it('shows a dash for a class the set does not hold (TEST has no basophils)', () => {
    const md = renderFigures(METRICS);
    const basophils = md.split('\n').find((l) => l.startsWith('| recall Basophil'));
    expect(basophils).toBe('| recall Basophil | — | 0.932 | 0.610 | 0.810 |');
  });

  it('says what the interval resamples, and counts the calls of a class a lab has none of', () => {
    const none = { count: 0, share: 0 };
    const md = renderFigures({
      ...METRICS,
      falseCallTarget: 0.02,
      test: {
        ...METRICS.test,
        accuracyCI95By: { by: 'source cell', groups: 71 },
        falseCalls: {
          classes: ['BASOPHIL', 'IG'],
          perClass: { BASOPHIL: none, IG: { count: 12, share: 0.012 } },
          count: 12,
          share: 0.012,
        },
      },
      lisc: { ...METRICS.lisc, accuracyCI95By: { by: 'image' } },
    });
    const line = (start: string) => md.split('\n').find((l) => l.startsWith(start));
    expect(line('| the interval resamples')).toBe(
      '| the interval resamples | 71 source cells | images | images | images |',
    );
    expect(line('| called a class the lab has none of')).toBe(
      '| called a class the lab has none of (aim ≤ 2.0 %) | 12 (1.2 %): Basophil 0, Immature granulocyte 12 | — | — | — |',
    );
    expect(line('| precision Basophil')).toBe('| precision Basophil | — | 0.900 | 0.900 | 0.900 |');
  });

  it('says how to get validation figures when the recipe has none', () => {
    expect(renderFigures(METRICS, undefined, 'two-labs')).toContain(
      'python3 -m training train --recipe training/recipes/two-labs.json',
    );
  });

  it('refuses a metrics.json of the earlier four-class shape with a clear message', () => {
    const old = { modelVersion: '1.0587e54e', gflopsPerCell: 0.32, modelBytes: 1, test: METRICS.test, labB: {} };
    expect(shapeProblem(old)).toMatch(/earlier shape.*labB.*no pbc, lisc, liscAdapted.*npm run model-card/);
    expect(shapeProblem(METRICS)).toBeUndefined();
    expect(shapeProblem({ ...METRICS, pbc: { images: 3 } })).toMatch(/pbc lacks accuracy/);
  });

  it('replaces only what lies between the markers', () => {
    const doc = `# Model\n\nbefore\n\n${FIGURES_START}\nrun npm run model-doc\n${FIGURES_END}\n\nafter\n`;
    const out = replaceFigures(doc, 'NEW');
    expect(out).toBe(`# Model\n\nbefore\n\n${FIGURES_START}\n\nNEW\n\n${FIGURES_END}\n\nafter\n`);
    expect(() => replaceFigures('# no markers\n', 'NEW')).toThrow(/figures:start/);
  });

  it('writes a document prettier leaves as it is', async () => {
    const doc = `# Model\n\n${FIGURES_START}\n${FIGURES_END}\n`;
    const out = await renderDocument(doc, METRICS, VALIDATION, 'two-labs', 'docs/model.md');
    expect(out).toContain('92.3 %');
    expect(await renderDocument(out, METRICS, VALIDATION, 'two-labs', 'docs/model.md')).toBe(out);
  });

  it('exits 1 with one line, leaving the document untouched, on an old metrics.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hv-model-doc-'));
    const doc = `# Model\n\n${FIGURES_START}\nrun npm run model-doc\n${FIGURES_END}\n`;
    writeFileSync(join(dir, 'model.md'), doc);
    writeFileSync(join(dir, 'metrics.json'), JSON.stringify({ modelVersion: '1.x', test: METRICS.test, labB: {} }));
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/evaluate/model-doc.ts',
        '--metrics',
        join(dir, 'metrics.json'),
        '--doc',
        join(dir, 'model.md'),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*earlier shape/);
    expect(readFileSync(join(dir, 'model.md'), 'utf8')).toBe(doc);
  }, 60_000);
});
