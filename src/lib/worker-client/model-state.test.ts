import { describe, expect, it } from 'vitest';
import { interruptedAt, isDownloadInterrupted } from './model-state';

describe('a model download the network cut off', () => {
  it('is known by the name its error crosses from the worker with', () => {
    // Comlink rebuilds a worker's error as a plain Error carrying the original name and message.
    const fromWorker = Object.assign(
      new Error('The download of group1-shard2of2.bin was cut off: the network dropped.'),
      {
        name: 'ModelDownloadInterrupted',
      },
    );
    expect(isDownloadInterrupted(fromWorker)).toBe(true);
    expect(
      isDownloadInterrupted(new Error('Model shard group1-shard1of2.bin is corrupt (its checksum does not match).')),
    ).toBe(false);
    expect(isDownloadInterrupted('ModelDownloadInterrupted')).toBe(false);
  });

  it('stops where the download was', () => {
    expect(interruptedAt({ status: 'loading', loadedBytes: 2_109_259, totalBytes: 3_228_757 })).toEqual({
      status: 'interrupted',
      loadedBytes: 2_109_259,
      totalBytes: 3_228_757,
    });
    expect(interruptedAt({ status: 'idle' })).toEqual({ status: 'interrupted', loadedBytes: 0, totalBytes: 0 });
  });
});
