import { describe, expect, it } from 'vitest';
import { isNetworkFailure } from './network-failure';

describe('isNetworkFailure', () => {
  it('is true for a file that could not be fetched or a download cut off', () => {
    expect(isNetworkFailure('Could not fetch group1-shard1of2.bin: the model files are not reachable.')).toBe(true);
    expect(isNetworkFailure('network error')).toBe(true);
    expect(isNetworkFailure('Failed to fetch')).toBe(true);
    expect(isNetworkFailure('Load failed')).toBe(true);
    expect(isNetworkFailure('NetworkError when attempting to fetch resource.')).toBe(true);
  });

  it('is false for files that arrived wrong, which fetching again does not fix', () => {
    expect(isNetworkFailure('Model file group1-shard1of2.bin is missing (HTTP 404).')).toBe(false);
    expect(isNetworkFailure('Model shard group1-shard1of2.bin is corrupt (its checksum does not match).')).toBe(false);
    expect(isNetworkFailure('model.json is not valid JSON: the model files are damaged; reload or reinstall.')).toBe(
      false,
    );
    expect(
      isNetworkFailure('The model does not match this app version (classes, input size or normalisation differ).'),
    ).toBe(false);
    expect(isNetworkFailure('The analysis worker crashed.')).toBe(false);
  });
});
