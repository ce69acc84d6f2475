import { rendererPeak } from './chromium-memory';
import { chromium } from '@playwright/test';
import { dropFiles, type FilePayload } from '@testkit/drop-files';
import { bigJpeg, blackPng, declaredBmp, withExifOrientation } from '@testkit/image-bombs';
import { flatColourJpeg } from '@testkit/huge-jpeg';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';

export interface BombRow {
  readonly file: string;
  readonly bytes: number;
  /** What the app did with it: analysed ('done') or refused / failed ('error'), and its message. */
  readonly status: string;
  readonly message?: string;
  /** False when the model failed to load: the peak then covers decoding but not the analysis. */
  readonly modelLoaded: boolean;
  /** Peak resident memory (VmHWM) of the renderer with the model loaded, before the drop, in bytes. */
  readonly rendererBeforeBytes: number;
  /** Peak resident memory of the renderer once the file's card was finished, in bytes. */
  readonly rendererPeakBytes: number;
}

/** The files that once took the renderer to gigabytes, and the rotated phone photo. */
export async function bombFiles(): Promise<FilePayload[]> {
  return [
    { name: 'black-20000x20000.png', mimeType: 'image/png', buffer: await blackPng(20000, 20000) },
    { name: 'black-16000x16000.png', mimeType: 'image/png', buffer: await blackPng(16000, 16000) },
    { name: 'black-10000x10000.png', mimeType: 'image/png', buffer: await blackPng(10000, 10000) },
    { name: 'declares-20000x20000.bmp', mimeType: 'image/bmp', buffer: declaredBmp(20000, 20000) },
    { name: 'flat-20000x20000.jpg', mimeType: 'image/jpeg', buffer: await bigJpeg(20000, 20000) },
    {
      name: 'phone-6400x4800-orientation-6.jpg',
      mimeType: 'image/jpeg',
      buffer: withExifOrientation(flatColourJpeg(6400, 4800), 6),
    },
  ];
}

/**
 * Drops each file into the app in a browser of its own (so each peak is that file's alone), after
 * the model is loaded and warm, and reads the renderer's peak resident memory once its card is done.
 */
export async function measureBombs(url: string, backend: string, files: readonly FilePayload[]): Promise<BombRow[]> {
  const rows: BombRow[] = [];
  for (const file of files) {
    const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const root = server.process().pid ?? 0;
    try {
      const browser = await chromium.connect(server.wsEndpoint());
      const page = await browser.newPage({ baseURL: url, serviceWorkers: 'block' });
      await page.goto(`/?backend=${backend}`);
      // A model that fails to load (a spec it does not match) still lets the decoding be measured.
      const modelLoaded = await page
        .getByTestId('model-ready')
        .waitFor({ timeout: 120_000 })
        .then(() => true)
        .catch(() => false);
      const rendererBeforeBytes = rendererPeak(root);
      await dropFiles(page, [file]);
      const card = page.locator(`[data-testid="result-card"][data-name="${file.name}"]`);
      await card.and(page.locator('[data-status="done"], [data-status="error"]')).waitFor({ timeout: 300_000 });
      const status = (await card.getAttribute('data-status')) ?? '';
      const message = (await card.getByTestId('card-message').or(card.getByTestId('card-note')).allTextContents())
        .join(' ')
        .trim();
      rows.push({
        file: file.name,
        bytes: file.buffer.length,
        status,
        modelLoaded,
        ...(message ? { message } : {}),
        rendererBeforeBytes,
        rendererPeakBytes: rendererPeak(root),
      });
      await browser.close();
    } finally {
      await server.close();
    }
  }
  return rows;
}
