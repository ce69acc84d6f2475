import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { SAMPLE_IMAGES, SAMPLE_SOURCES } from './sample-images';

const DIR = 'public/samples';
const shipped = (folder: string): { file: string; source: string }[] => {
  const manifest = JSON.parse(readFileSync(`public/${folder}/manifest.json`, 'utf8')) as Record<string, unknown>;
  return (manifest.items ?? manifest.fields) as { file: string; source: string }[];
};

describe('the sample images', () => {
  it('are files the app ships anyway (practice cells, drill fields), each offered once under its own name', () => {
    const names = new Set<string>();
    for (const s of SAMPLE_IMAGES) {
      expect(existsSync(`public/${s.path}`), s.path).toBe(true);
      const [folder, file] = s.path.split('/');
      const entry = shipped(folder).find((e) => e.file === file);
      expect(entry, s.path).toBeDefined();
      expect(entry!.source.startsWith(`${s.source}/`), s.path).toBe(true);
      names.add(s.file);
    }
    expect(names.size).toBe(SAMPLE_IMAGES.length);
    expect(new Set(SAMPLE_IMAGES.map((s) => s.path)).size).toBe(SAMPLE_IMAGES.length);
  });

  it('hold whole fields and one single cell of every class', () => {
    expect(SAMPLE_IMAGES.filter((s) => s.kind === 'field').length).toBeGreaterThanOrEqual(2);
    const cells = SAMPLE_IMAGES.filter((s) => s.kind === 'cell').flatMap((s) => s.cells);
    expect([...cells].sort()).toEqual([...CELL_CLASSES].sort());
  });

  it('are JPEGs, small enough to ship and cache offline', () => {
    let bytes = 0;
    for (const s of SAMPLE_IMAGES) {
      const head = readFileSync(`public/${s.path}`).subarray(0, 3);
      expect([...head], s.file).toEqual([0xff, 0xd8, 0xff]);
      bytes += statSync(`public/${s.path}`).size;
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
