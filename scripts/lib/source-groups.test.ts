import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bloodCellsTestSample } from '@testkit/dataset-sample';
import { buildReport } from './evaluation-report';
import { groupsOfFiles, readSourceGroups, SOURCE_GROUP_FILES, sourceGroupsFor } from './source-groups';

const TEST = '../shared/data/blood-cells/TEST';
const TEST_GROUPS = SOURCE_GROUP_FILES['blood-cells/TEST'];

describe('source-cell groups', () => {
  it('give a file the grouping does not name a group of its own, and count it', () => {
    const groups = {
      file: 'g.csv',
      byFile: new Map([
        ['N/a.jpg', 'N1'],
        ['N/b.jpg', 'N1'],
      ]),
    };
    expect(groupsOfFiles(['N/a.jpg', 'N/b.jpg', 'N/c.jpg'], groups)).toEqual({
      of: ['N1', 'N1', 'file:N/c.jpg'],
      ungrouped: 1,
    });
  });

  it('bootstrap a report over source cells where it has them, and over images where it does not', () => {
    // 10 cells of 40 copies each, 8 read right every time: the copies say little more than the cells.
    const files = Array.from({ length: 400 }, (_, i) => `NEUTROPHIL/${i}.jpg`);
    const of = files.map((_, i) => `N${Math.floor(i / 40)}`);
    const preds = of.map((g) => ({ truth: 4, predicted: Number(g.slice(1)) < 8 ? 4 : 0, confidence: 0.9 }));
    const meta = {
      data: 'x',
      modelVersion: '1.x',
      seconds: 1,
      noCellFound: [],
      temperature: 1,
      reviewThreshold: 0.9,
      probabilities: preds.map(() => [0.9, 0.1]),
    };
    const byImage = buildReport(preds, meta);
    const bySource = buildReport(preds, { ...meta, grouping: { file: 'g.csv', of, ungrouped: 0 } });
    expect(byImage.accuracyCI95By).toEqual({ by: 'image' });
    expect(bySource.accuracyCI95By).toEqual({
      by: 'source cell',
      groupsFile: 'g.csv',
      groups: 10,
      ungrouped: 0,
      byImageCI95: byImage.accuracyCI95,
    });
    const width = (ci: [number, number]) => ci[1] - ci[0];
    expect(width(bySource.accuracyCI95)).toBeGreaterThan(3 * width(byImage.accuracyCI95));
    expect(bySource.accuracy).toBe(byImage.accuracy);
  });

  it('find no grouping for a folder of distinct cells', () => {
    expect(sourceGroupsFor(bloodCellsTestSample())).toBeUndefined();
  });

  it.runIf(existsSync(TEST))(
    'name a source cell for every blood-cells TEST image a cell was found in, within its class',
    () => {
      const groups = sourceGroupsFor(TEST)!;
      expect(groups.file).toBe(TEST_GROUPS);
      const images = readdirSync(TEST).flatMap((cls) => readdirSync(join(TEST, cls)).map((f) => `${cls}/${f}`));
      // Every grouped file is a TEST image; the few without a found cell are left to count alone.
      for (const file of groups.byFile.keys()) expect(images).toContain(file);
      expect(images.length - groups.byFile.size).toBeLessThan(50);
      // A group is named by its class's initial and its BCCD field, and never spans two classes.
      for (const [file, group] of groups.byFile) expect(group[0]).toBe(file[0]);
      // The dataset's authors made TEST from about 71 source cells (../shared/data/README.md). A
      // copy matched to the wrong field makes a small group of its own, so matching finds more
      // groups than cells, never far fewer: a merge of two cells would hide their independence.
      const count = new Set(groups.byFile.values()).size;
      expect(count).toBeGreaterThan(60);
      expect(count).toBeLessThan(120);
      expect(readSourceGroups(TEST_GROUPS).byFile.size).toBe(groups.byFile.size);
    },
  );
});
