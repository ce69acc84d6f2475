import type { RgbaImage } from './rgba-image';

/** A square or rectangular source region, in source pixels; it may extend past the image. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Samples `region` of `src` into an RGBA image of outWidth × outHeight.
 *
 * Each output pixel averages an n × n grid of bilinear samples over its footprint, with n
 * growing with the reduction factor, so that a 4000 px field shrinks without aliasing and an
 * upscale stays plain bilinear. Samples outside the image take `fill` (RGBA) when given — crops
 * pass the slide's background so a cell cut by the border sits on empty slide, not on smeared
 * edge pixels — and the nearest edge pixel otherwise.
 */
export function resampleRegion(
  src: RgbaImage,
  region: Region,
  outWidth: number,
  outHeight: number,
  fill?: readonly [number, number, number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(outWidth * outHeight * 4);
  const sx = region.width / outWidth;
  const sy = region.height / outHeight;
  const nx = Math.max(1, Math.ceil(sx));
  const ny = Math.max(1, Math.ceil(sy));
  const w = src.width;
  const h = src.height;
  const d = src.data;
  const acc = [0, 0, 0, 0];
  const inv = 1 / (nx * ny);
  for (let oy = 0; oy < outHeight; oy++) {
    for (let ox = 0; ox < outWidth; ox++) {
      acc[0] = acc[1] = acc[2] = acc[3] = 0;
      for (let j = 0; j < ny; j++) {
        // Sample centres sit at the middle of each sub-cell of the output pixel's footprint.
        const fy = region.y + (oy + (j + 0.5) / ny) * sy - 0.5;
        const outsideY = fy < -0.5 || fy > h - 0.5;
        const y0f = Math.floor(fy);
        const ty = fy - y0f;
        const y0 = clamp(y0f, h);
        const y1 = clamp(y0f + 1, h);
        for (let i = 0; i < nx; i++) {
          const fx = region.x + (ox + (i + 0.5) / nx) * sx - 0.5;
          if (fill && (outsideY || fx < -0.5 || fx > w - 0.5)) {
            for (let c = 0; c < 4; c++) acc[c] += fill[c];
            continue;
          }
          const x0f = Math.floor(fx);
          const tx = fx - x0f;
          const x0 = clamp(x0f, w);
          const x1 = clamp(x0f + 1, w);
          const p00 = (y0 * w + x0) * 4;
          const p01 = (y0 * w + x1) * 4;
          const p10 = (y1 * w + x0) * 4;
          const p11 = (y1 * w + x1) * 4;
          const w00 = (1 - tx) * (1 - ty);
          const w01 = tx * (1 - ty);
          const w10 = (1 - tx) * ty;
          const w11 = tx * ty;
          for (let c = 0; c < 4; c++) {
            acc[c] += d[p00 + c] * w00 + d[p01 + c] * w01 + d[p10 + c] * w10 + d[p11 + c] * w11;
          }
        }
      }
      const o = (oy * outWidth + ox) * 4;
      out[o] = acc[0] * inv;
      out[o + 1] = acc[1] * inv;
      out[o + 2] = acc[2] * inv;
      out[o + 3] = acc[3] * inv;
    }
  }
  return out;
}

function clamp(v: number, size: number): number {
  return v < 0 ? 0 : v >= size ? size - 1 : v;
}

/** Shrinks `src` so that its longer side is at most `maxSide`; returns it unchanged if it fits. */
export function downscaleToFit(src: RgbaImage, maxSide: number): { image: RgbaImage; scale: number } {
  const longer = Math.max(src.width, src.height);
  if (longer <= maxSide) return { image: src, scale: 1 };
  const scale = maxSide / longer;
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const data = resampleRegion(src, { x: 0, y: 0, width: src.width, height: src.height }, width, height);
  return { image: { data, width, height }, scale: width / src.width };
}
