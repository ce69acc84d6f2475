import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchModelFiles, ModelLoadError } from './model-files';

const MODEL = 'public/model';

/** A fetch over public/model that lets a test damage one file on the way. */
function fetchWith(
  damage: (name: string, bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> | null = (_, b) => b,
) {
  return async (url: string) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    const bytes = damage(name, new Uint8Array(await readFile(join(MODEL, name))));
    return bytes ? new Response(new Uint8Array(bytes)) : new Response(null, { status: 404 });
  };
}

describe('fetchModelFiles', () => {
  it('loads every shard, checks it, and reports byte-accurate progress', async () => {
    const seen: [number, number][] = [];
    const files = await fetchModelFiles(MODEL, fetchWith(), (loaded, total) => seen.push([loaded, total]));
    const total = files.metadata.totalBytes;
    expect(files.weights.byteLength).toBe(files.metadata.shards.reduce((s, x) => s + x.bytes, 0));
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([a], i) => i === 0 || a >= seen[i - 1][0])).toBe(true);
  });

  it('names a missing shard', async () => {
    const fetchFn = fetchWith((name, b) => (name.endsWith('.bin') && name.includes('shard1') ? null : b));
    await expect(fetchModelFiles(MODEL, fetchFn)).rejects.toThrow(/group1-shard1of\d+\.bin is missing \(HTTP 404\)/);
  });

  it('rejects a shard with one flipped byte', async () => {
    const fetchFn = fetchWith((name, b) => {
      if (!name.endsWith('.bin')) return b;
      const copy = b.slice();
      copy[100] ^= 0x01;
      return copy;
    });
    const err = await fetchModelFiles(MODEL, fetchFn).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toMatch(/shard1of\d+\.bin is corrupt/);
  });

  it('rejects a model.json that is not JSON', async () => {
    const fetchFn = fetchWith((name, b) => (name === 'model.json' ? new TextEncoder().encode('<html>oops') : b));
    await expect(fetchModelFiles(MODEL, fetchFn)).rejects.toThrow(/model\.json is not valid JSON/);
  });
});
