import { existsSync } from 'node:fs';

/** Debian's Chromium; Playwright's own browsers are never downloaded. */
export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

/** Flags that give headless Chromium WebGL on SwiftShader (no GPU needed). */
export const CHROMIUM_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
