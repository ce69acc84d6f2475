import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';

export interface FilePayload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

const MIME: Record<string, string> = { jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', bmp: 'image/bmp' };

export function fileFromDisk(path: string, name = basename(path)): FilePayload {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return { name, mimeType: MIME[ext] ?? 'application/octet-stream', buffer: readFileSync(path) };
}

/** Drops files on the drop zone the way a browser does: a real `drop` event carrying a DataTransfer. */
export async function dropFiles(page: Page, files: readonly FilePayload[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, mimeType: f.mimeType, base64: f.buffer.toString('base64') }));
  const zone = page.getByTestId('drop-zone');
  await zone.waitFor();
  await zone.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, payload);
}
