import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchModelFiles, ModelDownloadInterrupted, ModelLoadError, type VerifiedShards } from './model-files';

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

  it('loads the training statistics with the model, cut into steps, and rejects them damaged', async () => {
    const files = await fetchModelFiles(MODEL, fetchWith());
    const named = files.metadata.trainingStatistics!;
    expect(files.trainingStatistics?.steps.map((s) => s.mean.length)).toEqual(named.channels);
    expect(files.trainingStatistics?.steps.every((s) => s.variance.every((v) => v >= 0))).toBe(true);
    const fetchFn = fetchWith((name, b) => {
      if (name !== named.path) return b;
      const copy = b.slice();
      copy[7] ^= 0x01;
      return copy;
    });
    await expect(fetchModelFiles(MODEL, fetchFn)).rejects.toThrow(/training-statistics\.bin is corrupt/);
  });

  it('loads the "not a white cell" reject with the model, one weight per pooled feature, and rejects it damaged', async () => {
    const files = await fetchModelFiles(MODEL, fetchWith());
    const named = files.metadata.notWhiteCell!;
    expect(files.notWhiteCell?.weights.length).toBe(named.features);
    expect(files.notWhiteCell?.threshold).toBe(named.threshold);
    expect(Number.isFinite(files.notWhiteCell?.bias)).toBe(true);
    const fetchFn = fetchWith((name, b) => {
      if (name !== named.path) return b;
      const copy = b.slice();
      copy[5] ^= 0x01;
      return copy;
    });
    await expect(fetchModelFiles(MODEL, fetchFn)).rejects.toThrow(/not-white-cell\.bin is corrupt/);
  });

  it('rejects a model.json that is not JSON', async () => {
    const fetchFn = fetchWith((name, b) => (name === 'model.json' ? new TextEncoder().encode('<html>oops') : b));
    await expect(fetchModelFiles(MODEL, fetchFn)).rejects.toThrow(/model\.json is not valid JSON/);
  });

  it('a download cut off mid-stream is an interruption, and resuming fetches only the shards it lacks', async () => {
    const asked: string[] = [];
    let cutAfterFirstShard = true;
    const fetchFn = async (url: string) => {
      const name = url.slice(url.lastIndexOf('/') + 1);
      asked.push(name);
      const bytes = new Uint8Array(await readFile(join(MODEL, name)));
      if (!(cutAfterFirstShard && name.includes('shard2'))) return new Response(bytes);
      // The second shard's first half arrives, then the network drops.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, bytes.length >> 1));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body);
    };
    const verified: VerifiedShards = new Map();
    const err = await fetchModelFiles(MODEL, fetchFn, undefined, verified).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelDownloadInterrupted);
    expect((err as Error).name).toBe('ModelDownloadInterrupted');
    expect((err as Error).message).toMatch(/group1-shard2of2\.bin was cut off/);
    expect(verified.size).toBe(1);

    asked.length = 0;
    cutAfterFirstShard = false;
    const seen: number[] = [];
    const files = await fetchModelFiles(MODEL, fetchFn, (loaded) => seen.push(loaded), verified);
    expect(asked.filter((name) => name.includes('shard'))).toEqual(['group1-shard2of2.bin']);
    expect(seen.at(-1)).toBe(files.metadata.totalBytes);
    const whole = await fetchModelFiles(MODEL, fetchWith());
    expect(Buffer.from(files.weights).equals(Buffer.from(whole.weights))).toBe(true);
  });

  it('a kept shard whose checksum metadata.json no longer lists is fetched again', async () => {
    const verified: VerifiedShards = new Map([['0'.repeat(64), new ArrayBuffer(8)]]);
    const asked: string[] = [];
    const base = fetchWith();
    await fetchModelFiles(MODEL, (url) => (asked.push(url), base(url)), undefined, verified);
    expect(asked.filter((u) => u.includes('shard'))).toHaveLength(2);
  });

  it('a request that gets no answer is an interruption', async () => {
    const fetchFn = async (url: string) => {
      if (url.endsWith('.bin')) throw new TypeError('Failed to fetch');
      return fetchWith()(url);
    };
    await expect(fetchModelFiles(MODEL, fetchFn)).rejects.toBeInstanceOf(ModelDownloadInterrupted);
  });
});
