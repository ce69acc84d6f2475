import { card, openReady } from '@testkit/app-page';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

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
  // Tab (a bounded number of times) to the named control, as a keyboard user would.
  const tabTo = async (isTarget: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await isTarget()) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  await tabTo(async () => (await focusedText()) === 'Dark', 'the Dark theme button');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/dark/);

  // The file picker's visible label shows the focus ring.
  const picker = page.getByTestId('file-input');
  await tabTo(() => picker.evaluate((el) => el === document.activeElement), 'the file picker');
  const labelOutline = await picker.evaluate((input) => getComputedStyle(input.parentElement as Element).outlineStyle);
  expect(labelOutline).not.toBe('none');
});
