/**
 * Draws the app's PNG icons from public/icons/icon.svg with Debian's Chromium, so the icons
 * are reproducible from the one SVG: `npx tsx scripts/make-icons.ts`.
 * The maskable icon has a square, full-bleed background and keeps the cell inside the central
 * 80 % safe zone, as launchers may cut it to any shape.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM } from '../playwright.config';

const SVG = readFileSync('public/icons/icon.svg', 'utf8');
const MASKABLE = SVG.replace('rx="112"', 'rx="0"')
  .replace(/<(circle|path|g)/, '<g transform="translate(51.2 51.2) scale(0.8)"><$1')
  .replace('</svg>', '</g></svg>');

const ICONS = [
  { file: 'public/icons/icon-192.png', size: 192, svg: SVG },
  { file: 'public/icons/icon-512.png', size: 512, svg: SVG },
  { file: 'public/icons/icon-maskable-512.png', size: 512, svg: MASKABLE },
  { file: 'public/icons/apple-touch-icon-180.png', size: 180, svg: MASKABLE },
];

const browser = await chromium.launch({ executablePath: CHROMIUM });
const page = await browser.newPage();
for (const { file, size, svg } of ICONS) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<body style="margin:0;background:transparent">${sized}</body>`);
  await page.screenshot({ path: file, omitBackground: true });
  console.log(`${file} (${size}×${size})`);
}
await browser.close();
