import { readdirSync } from 'node:fs';
import { card, openReady } from '@testkit/app-page';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { TEST_DIR } from '@testkit/test-images';

const FILES = readdirSync(`${TEST_DIR}/MONOCYTE`)
  .sort()
  .slice(0, 10)
  .map((f) => fileFromDisk(`${TEST_DIR}/MONOCYTE/${f}`, `MONOCYTE-${f}`));

test('a reload mid-batch is asked about first; afterwards every tab names the files it left unanalysed, which can be chosen again', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await openReady(page);
  // Browsers ask before leaving only a page the user has interacted with.
  await page.getByTestId('privacy').click();
  await dropFiles(page, FILES);
  const done = page.locator('[data-testid="result-card"][data-status="done"]');
  await expect(done.first()).toBeVisible({ timeout: 150_000 });
  const finished = await page
    .locator('[data-testid="result-card"]:not([data-status="queued"]):not([data-status="analysing"])')
    .count();
  expect(finished, 'files still waiting when the page is reloaded').toBeLessThan(FILES.length - 2);

  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);

  // Files are analysed in order, so the unanalysed ones, the one in flight among them, are the last ones dropped.
  const notice = page.getByTestId('interrupted-batch');
  await expect(notice).toBeVisible();
  const namedItems = page.getByTestId('interrupted-files').locator('li');
  const named = await namedItems.evaluateAll((items) => items.map((li) => li.getAttribute('data-name')));
  expect(named.length).toBeGreaterThanOrEqual(2);
  expect(named.length).toBeLessThanOrEqual(FILES.length - finished);
  expect(named).toEqual(FILES.slice(FILES.length - named.length).map((f) => f.name));
  await expect(notice).toContainText(`${named.length} files were not analysed`);

  // They are kept in IndexedDB, not in this tab: another tab names them too.
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByTestId('interrupted-files').locator('li')).toHaveCount(named.length);
  await other.close();

  // The images analysed before the reload make a case: continue it, so what is analysed next joins it.
  await page.getByTestId('case-choice').getByRole('button', { name: 'Continue this case' }).click();

  // Chosen again: the one of the list is analysed, a file not in it is not, and the rest stay named.
  const again = FILES.find((f) => f.name === named[0]);
  const stranger = { ...FILES[0], name: 'not-in-the-list.jpg' };
  if (!again) throw new Error('the first named file is one of those dropped');
  await page.getByTestId('interrupted-pick').setInputFiles([again, stranger]);
  await expect(namedItems).toHaveCount(named.length - 1);
  await expect(page.getByTestId('interrupted-unknown')).toContainText('1 chosen file is not in the list');
  await expect(card(page, again.name)).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  await expect(card(page, stranger.name)).toHaveCount(0);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // No batch running: leaving is not questioned, and nothing is named again.
  await page.reload();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(notice).toHaveCount(0);
});
