import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './lib/run-script';

const TEST_DIR = '../shared/data/blood-cells/TEST';

/**
 * The guard that keeps a broken export or preprocessing from landing: the committed model, run
 * through the CLI on the whole TEST set, must not fall more than 0.5 points below the accuracy
 * its model card (public/model/metrics.json) states.
 */
describe.runIf(existsSync(TEST_DIR))('the committed model on blood-cells/TEST', () => {
  it('keeps the accuracy metrics.json states (−0.5 points at most)', () => {
    const card = JSON.parse(readFileSync('public/model/metrics.json', 'utf8'));
    const out = join(mkdtempSync(join(tmpdir(), 'hv-test-set-')), 'report.json');
    const r = runScript('scripts/evaluate.ts', ['--data', TEST_DIR, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.modelVersion).toBe(card.modelVersion);
    expect(report.images).toBe(2487);
    expect(report.accuracy).toBeGreaterThanOrEqual(card.test.accuracy - 0.005);
  }, 600_000);
});
