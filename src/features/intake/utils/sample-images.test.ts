import { readFileSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { SAMPLE_IMAGES, SAMPLE_SOURCES } from './sample-images';

const DIR = 'public/samples';

describe('the sample images', () => {
  it('are committed, and every committed image is offered', () => {
    const committed = readdirSync(DIR).filter((f) => f.endsWith('.jpg'));
    expect(SAMPLE_IMAGES.map((s) => s.file).sort()).toEqual(committed.sort());
  });

  it('hold whole fields and one single cell of every class', () => {
    expect(SAMPLE_IMAGES.filter((s) => s.kind === 'field').length).toBeGreaterThanOrEqual(2);
    const cells = SAMPLE_IMAGES.filter((s) => s.kind === 'cell').flatMap((s) => s.cells);
    expect([...cells].sort()).toEqual([...CELL_CLASSES].sort());
  });

  it('are JPEGs, small enough to ship and cache offline', () => {
    let bytes = 0;
    for (const s of SAMPLE_IMAGES) {
      const head = readFileSync(`${DIR}/${s.file}`).subarray(0, 3);
      expect([...head], s.file).toEqual([0xff, 0xd8, 0xff]);
      bytes += statSync(`${DIR}/${s.file}`).size;
    }
    expect(bytes).toBeLessThan(400_000);
  });

  it('each name their source and licence, in the app and in SOURCES.md', () => {
    const sources = readFileSync(`${DIR}/SOURCES.md`, 'utf8');
    for (const s of SAMPLE_IMAGES) {
      expect(sources, s.file).toContain(s.file);
      const source = SAMPLE_SOURCES[s.source];
      expect(sources).toContain(source.licence);
      expect(source.url).toMatch(/^https:\/\//);
    }
  });
});
