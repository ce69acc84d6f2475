import { NORMALISATION } from '../core/model-spec';

/**
 * A cell's crop as the case keeps it: the RGB bytes the classifier read (INPUT_SIZE² × 3, before
 * normalisation), without the alpha channel, which is always opaque. A stored case can be read
 * again (calibrated to itself) from these without its images.
 */
export function storedCrop(rgba: Uint8ClampedArray | Uint8Array): Uint8Array<ArrayBuffer> {
  const pixels = rgba.length / 4;
  const rgb = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = rgba[i * 4];
    rgb[i * 3 + 1] = rgba[i * 4 + 1];
    rgb[i * 3 + 2] = rgba[i * 4 + 2];
  }
  return rgb;
}

/** A stored crop → the network's input, exactly as cropToInput makes it from the RGBA crop. */
export function storedCropInput(rgb: Uint8Array): Float32Array {
  const { scale, offset } = NORMALISATION;
  const input = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) input[i] = rgb[i] * scale + offset;
  return input;
}
