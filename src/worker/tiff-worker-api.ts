import type { TiffFacts, TiffLimits } from '../core/tiff-image';

export type { TiffFacts, TiffLimits };

/** A TIFF's first page, decoded: an upright, opaque bitmap at most `maxSide` a side. */
export interface DecodedTiffBitmap {
  readonly bitmap: ImageBitmap;
  readonly facts: TiffFacts;
}

/**
 * The TIFF decoder's worker (browsers cannot decode TIFF): the page transfers the file's bytes
 * and gets a bitmap back, or an Error whose message says why the file cannot be read.
 */
export interface TiffWorkerApi {
  decode(bytes: ArrayBuffer, limits: TiffLimits): Promise<DecodedTiffBitmap>;
}
