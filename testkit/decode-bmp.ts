import type { RgbaImage } from '@/core/rgba-image';

/** Decodes uncompressed 24- and 32-bit BMP files, the kinds microscope cameras write. */
export function decodeBmp(bytes: Uint8Array): RgbaImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offset = view.getUint32(10, true);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  if ((bits !== 24 && bits !== 32) || (compression !== 0 && compression !== 3)) {
    throw new Error(`unsupported BMP (${bits} bits, compression ${compression})`);
  }
  const height = Math.abs(rawHeight);
  const bytesPerPixel = bits / 8;
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4;
  if (offset + stride * height > bytes.length) throw new Error('truncated BMP');
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const srcRow = rawHeight > 0 ? height - 1 - y : y;
    for (let x = 0; x < width; x++) {
      const s = offset + srcRow * stride + x * bytesPerPixel;
      const d = (y * width + x) * 4;
      data[d] = bytes[s + 2];
      data[d + 1] = bytes[s + 1];
      data[d + 2] = bytes[s];
      data[d + 3] = 255;
    }
  }
  return { data, width, height };
}
