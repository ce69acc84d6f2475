import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADERS_FILE, NGINX_SNIPPET, parseHeadersFile, parseNginxSnippet } from '../scripts/vite/deploy-headers';
import { CONTENT_SECURITY_POLICY_META, SECURITY_HEADERS } from '../scripts/vite/security-headers';
import { expect, test } from './support/fixtures';

/** The build the preview server serves (playwright.config.ts: PW_DIST, else dist/). */
const DIST = process.env.PW_DIST ?? 'dist';
const built = (path: string) => readFileSync(join(DIST, path), 'utf8');

/** Header names as they arrive (lower case) with their values. */
const lowerCased = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

test('the built meta tag, _headers file and nginx snippet say what the policy source says', async ({ page }) => {
  const html = built('index.html');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) =>
    m[1]
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
  expect(metas).toEqual([CONTENT_SECURITY_POLICY_META]);
  // It is the first tag of <head>, so it covers everything after it.
  expect(html).toMatch(/<head>\s*<meta http-equiv="Content-Security-Policy"/);
  expect(parseHeadersFile(built(HEADERS_FILE))).toEqual(SECURITY_HEADERS);
  expect(parseNginxSnippet(built(NGINX_SNIPPET))).toEqual(SECURITY_HEADERS);
  // And the page the browser gets is that build.
  await page.goto('/');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
    CONTENT_SECURITY_POLICY_META,
  );
});

test('the preview server sends every security header, to the page and the analysis worker; the worker runs under them', async ({
  page,
}) => {
  const policyErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Permissions-Policy|Permissions Policy/i.test(m.text())) policyErrors.push(m.text());
  });
  const workerScript = page.waitForResponse(/\/assets\/analysis\.worker-[\w-]+\.js$/);
  const worker = page.waitForEvent('worker');
  const response = await page.goto('/');
  expect(response?.headers()).toMatchObject(lowerCased(SECURITY_HEADERS));
  expect((await workerScript).headers()).toMatchObject(lowerCased(SECURITY_HEADERS));
  // The worker started and runs script (its own, under the header policy) …
  expect(
    await (await worker).evaluate(() => typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope),
  ).toBe('function');
  // … far enough to load the model.
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  // The Permissions-Policy is in force: camera for this page, microphone for nobody. (Chromium's
  // document.featurePolicy reads the policy the page got; other browsers lack it.)
  const allowed = await page.evaluate(() => {
    const policy = (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy;
    return policy && { camera: policy.allowsFeature('camera'), microphone: policy.allowsFeature('microphone') };
  });
  expect(allowed).toEqual({ camera: true, microphone: false });
  expect(policyErrors).toEqual([]);
});

test('no page can frame the app: frame-ancestors refuses even its own origin', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes("frame-ancestors 'none'")) refused.push(m.text());
  });
  await page.goto('/');
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/#/privacy';
    document.body.append(frame);
  });
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  // The frame holds an error page, not the app.
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(framed?.url()).not.toContain('/#/privacy');
});
