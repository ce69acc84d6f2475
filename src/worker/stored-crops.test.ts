import { describe, expect, it } from 'vitest';
import { cropToInput } from '../core/cell-crop';
import { INPUT_SIZE } from '../core/model-spec';
import { storedCrop, storedCropInput } from './stored-crops';

describe('stored crops', () => {
  it('keep the RGB bytes the classifier read and give back exactly its input', () => {
    const rgba = new Uint8ClampedArray(INPUT_SIZE * INPUT_SIZE * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + 11) % 256;
    const rgb = storedCrop(rgba);
    expect(rgb.byteLength).toBe(INPUT_SIZE * INPUT_SIZE * 3);
    expect(Array.from(rgb.subarray(0, 6))).toEqual([rgba[0], rgba[1], rgba[2], rgba[4], rgba[5], rgba[6]]);
    expect(storedCropInput(rgb)).toEqual(cropToInput(rgba));
  });
});
