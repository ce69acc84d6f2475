import type { CaseImage } from '@/lib/storage/case-types';

/**
 * One object URL per stored picture, made when first shown and revoked when its case leaves the
 * screen. A WeakMap keys them by the Blob itself, so re-renders reuse the same URL.
 */
const urls = new WeakMap<Blob, string>();

export function blobUrl(blob: Blob): string {
  let url = urls.get(blob);
  if (!url) {
    url = URL.createObjectURL(blob);
    urls.set(blob, url);
  }
  return url;
}

export function forgetBlobUrls(images: readonly CaseImage[]): void {
  for (const image of images) {
    for (const blob of [image.thumbnail, ...image.cellImages]) {
      const url = urls.get(blob);
      if (url) URL.revokeObjectURL(url);
      urls.delete(blob);
    }
  }
}
