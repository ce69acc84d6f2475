import { test as base, expect } from '@playwright/test';

/**
 * Every test runs with a request log: each request any page or worker makes is recorded, and
 * after the test every one must have gone to the app's own origin (blob: and data: URLs are local).
 */
export const test = base.extend<{ requestLog: string[] }>({
  requestLog: [
    async ({ context, baseURL }, use) => {
      const log: string[] = [];
      context.on('request', (req) => log.push(req.url()));
      await use(log);
      const own = new URL(baseURL ?? 'http://localhost:4173').origin;
      const foreign = log.filter((url) => !isLocal(url, own));
      expect(foreign, `requests that left ${own}`).toEqual([]);
      expect(log.length, 'the request log saw the app load').toBeGreaterThan(0);
    },
    { auto: true },
  ],
});

function isLocal(url: string, own: string): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.startsWith(`blob:${own}/`);
  return new URL(url).origin === own;
}

export { expect };
