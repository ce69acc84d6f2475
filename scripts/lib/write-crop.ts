import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { cutCellCrop } from '@/core/cell-crop';
import type { FoundCell } from '@/core/localise';
import { INPUT_SIZE, TRAINING_CONTEXT } from '@/core/model-spec';
import type { RgbaImage } from '@/core/rgba-image';
import type { ChannelGains } from '@/core/white-balance';

/**
 * Cuts one cell's crop with the app's crop rule and writes it as a PNG under out/name.
 * context = TRAINING_CONTEXT leaves the margin training's rotations need; 1 is the app's crop.
 * inputSize other than the model's is for trying a larger input (recipe key inputSize).
 */
export function writeCellCrop(
  out: string,
  name: string,
  image: RgbaImage,
  cell: FoundCell,
  gains: ChannelGains,
  context: number = TRAINING_CONTEXT,
  inputSize: number = INPUT_SIZE,
): void {
  const size = Math.round(inputSize * context);
  const rgba = cutCellCrop(image, cell, gains, size, context);
  const png = new PNG({ width: size, height: size });
  png.data.set(rgba);
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), PNG.sync.write(png));
}
