import type { FoundCell } from './localise';
import { CROP_SIDE_OVER_CELL, INPUT_SIZE, NORMALISATION } from './model-spec';
import type { Region } from './resample';
import { resampleRegion } from './resample';
import type { RgbaImage } from './rgba-image';
import type { ChannelGains } from './white-balance';
import { applyGains } from './white-balance';

/**
 * The crop rule: a square centred on the cell, its side a fixed multiple of the cell's own
 * diameter. Scaling by the cell rather than by pixels makes the classifier see every cell at
 * one size whatever the microscope's magnification or the camera's resolution.
 */
export function cropRegion(cell: Pick<FoundCell, 'centreX' | 'centreY' | 'diameter'>, context = 1): Region {
  const side = cell.diameter * CROP_SIDE_OVER_CELL * context;
  return { x: cell.centreX - side / 2, y: cell.centreY - side / 2, width: side, height: side };
}

/**
 * Cuts the cell's crop from the full-resolution image at `size` pixels, white balanced with the
 * field's gains. Returns RGBA bytes; training crops are written from exactly this output.
 */
export function cutCellCrop(
  image: RgbaImage,
  cell: Pick<FoundCell, 'centreX' | 'centreY' | 'diameter'>,
  gains: ChannelGains,
  size = INPUT_SIZE,
  context = 1,
): Uint8ClampedArray<ArrayBuffer> {
  const background = [255 / gains[0], 255 / gains[1], 255 / gains[2], 255] as const;
  const rgba = resampleRegion(image, cropRegion(cell, context), size, size, background);
  applyGains(rgba, gains);
  return rgba;
}

/** RGBA crop bytes → the network's input: RGB floats, channels last, normalised. */
export function cropToInput(rgba: Uint8ClampedArray | Uint8Array, out?: Float32Array): Float32Array {
  const pixels = rgba.length / 4;
  const input = out ?? new Float32Array(pixels * 3);
  const { scale, offset } = NORMALISATION;
  for (let i = 0; i < pixels; i++) {
    input[i * 3] = rgba[i * 4] * scale + offset;
    input[i * 3 + 1] = rgba[i * 4 + 1] * scale + offset;
    input[i * 3 + 2] = rgba[i * 4 + 2] * scale + offset;
  }
  return input;
}
