import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFloors } from '../lib/model-floors';
import { runScript } from '../lib/run-script';

/**
 * Floors that only rise (training/floors.json): the committed model, run through the CLI the way
 * `npm run evaluate` runs it, must read each set at least as well as its floor — the shipped
 * model's figure less its noise. A retrained model that is worse, or a broken export or
 * preprocessing, fails here; raise a floor when a better model lands, never lower it.
 */
const floors = readFloors();

describe.each(Object.entries(floors))('the committed model on %s', (name, floor) => {
  it.runIf(existsSync(floor.data))(
    `reads at least its floor (accuracy ${floor.accuracy})`,
    () => {
      const card = JSON.parse(readFileSync('public/model/metrics.json', 'utf8'));
      const out = join(mkdtempSync(join(tmpdir(), `hv-floor-${name}-`)), 'report.json');
      const split = floor.split ? ['--split', floor.split, '--partition', floor.partition ?? 'test'] : [];
      const r = runScript('scripts/evaluate/folder.ts', ['--data', floor.data, ...split, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      expect(report.modelVersion).toBe(card.modelVersion);
      expect(report.images).toBe(floor.images);
      expect(report.accuracy).toBeGreaterThanOrEqual(floor.accuracy);
      expect(report.macroF1).toBeGreaterThanOrEqual(floor.macroF1);
    },
    900_000,
  );
});
