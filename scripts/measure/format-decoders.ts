import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { decodeImageBytes, decodeImageFile } from '@testkit/decode-file';
import { CHROMIUM, CHROMIUM_ARGS } from '@testkit/chromium';
import { fail } from '../lib/fail';
import { CELL_SETS, DECODER_ONLY_FORMATS, REENCODE_FORMATS, sampleFiles } from '../lib/reencode-formats';

/**
 * Whether `npm run measure:formats` speaks for the app: the same re-encoded cell images are
 * decoded by the Node decoders that script uses and by Chromium the way the app decodes a file
 * (createImageBitmap with the options of src/lib/worker-client/decode-file.ts, drawn on a canvas),
 * and per format the script prints how far the two sets of pixels lie apart (mean and largest
 * difference in levels of 255, over every colour sample). Near zero: the agreement measured in
 * Node is the app's. GIF and a JPEG without chroma subsampling are compared too (DECODER_ONLY_FORMATS).
 *   npm run measure:format-decoders [-- --per-class 4]
 */

/** Decodes in the page as the app does, and returns the RGBA bytes, base64. */
function decodeInChromium(base64: string): Promise<string> {
  return (async () => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes]), {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'default',
      colorSpaceConversion: 'none',
    });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let out = '';
    for (let i = 0; i < data.length; i += 0x8000) out += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(out);
  })();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'per-class': { type: 'string', default: '4' } } });
  const perClass = Number(values['per-class']);
  if (!(perClass > 0)) fail('--per-class must be a positive number');
  const formats = [...REENCODE_FORMATS, ...DECODER_ONLY_FORMATS];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const sum: Record<string, { total: number; count: number; max: number }> = {};
    for (const f of formats) sum[f.name] = { total: 0, count: 0, max: 0 };
    let images = 0;
    for (const set of Object.values(CELL_SETS)) {
      for (const file of sampleFiles(set(), perClass)) {
        const pixels = await decodeImageFile(file.path);
        images++;
        for (const format of formats) {
          const bytes = await format.encode(pixels);
          const node = await decodeImageBytes(bytes, file.path);
          const inBrowser = Buffer.from(await page.evaluate(decodeInChromium, bytes.toString('base64')), 'base64');
          if (inBrowser.length !== node.data.length) fail(`${file.path} as ${format.name}: sizes differ`);
          const s = sum[format.name];
          for (let i = 0; i < inBrowser.length; i++) {
            if (i % 4 === 3) continue;
            const d = Math.abs(inBrowser[i] - node.data[i]);
            s.total += d;
            s.count++;
            if (d > s.max) s.max = d;
          }
        }
      }
    }
    console.log(`Chromium's decoding against Node's, ${images} cell images (levels of 255):`);
    console.log('| format | mean difference | largest |');
    console.log('|---|---|---|');
    for (const f of formats) {
      const s = sum[f.name];
      console.log(`| ${f.name} | ${(s.total / s.count).toFixed(3)} | ${s.max} |`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => fail((err as Error).message));
