import { card, openReady } from './support/app-page';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from './support/test-images';

test('images come in through the file picker and by pasting', async ({ page }) => {
  await openReady(page);
  const [a, b] = knownGoodImages().slice(3, 5);
  await page.getByTestId('file-input').setInputFiles([a.file]);
  await expect(card(page, a.file.name)).toHaveAttribute('data-status', 'done');
  await expect(card(page, a.file.name).getByTestId('cell').first()).toHaveAttribute('data-class', a.cls);

  await page.evaluate(
    ({ name, base64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'image/jpeg' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    { name: b.file.name, base64: b.file.buffer.toString('base64') },
  );
  await expect(card(page, b.file.name)).toHaveAttribute('data-status', 'done');
  await expect(card(page, b.file.name).getByTestId('cell').first()).toHaveAttribute('data-class', b.cls);
});

test('keyboard users reach every control, with a visible focus ring', async ({ page }) => {
  await openReady(page);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.textContent);
  expect(first).toBe('Auto');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/dark/);

  // Next stop: the file picker, whose visible label shows the focus ring.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('file-input')).toBeFocused();
  const labelOutline = await page
    .getByTestId('file-input')
    .evaluate((input) => getComputedStyle(input.parentElement as Element).outlineStyle);
  expect(labelOutline).not.toBe('none');
});
