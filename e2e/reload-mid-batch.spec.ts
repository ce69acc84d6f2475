import { readdirSync } from 'node:fs';
import { openReady } from '@testkit/app-page';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { TEST_DIR } from '@testkit/test-images';

const FILES = readdirSync(`${TEST_DIR}/MONOCYTE`)
  .sort()
  .slice(0, 10)
  .map((f) => fileFromDisk(`${TEST_DIR}/MONOCYTE/${f}`, `MONOCYTE-${f}`));

test('a reload mid-batch is asked about first, and afterwards the files it left unanalysed are named', async ({
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

  // Files are analysed in order, so the unanalysed ones are the last ones dropped.
  const notice = page.getByTestId('interrupted-batch');
  await expect(notice).toBeVisible();
  const named = await page.getByTestId('interrupted-files').locator('li').allTextContents();
  expect(named.length).toBeGreaterThanOrEqual(2);
  expect(named.length).toBeLessThanOrEqual(FILES.length - finished);
  expect(named).toEqual(FILES.slice(FILES.length - named.length).map((f) => f.name));
  await expect(notice).toContainText(`${named.length} files were not analysed`);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // No batch running: leaving is not questioned, and nothing is named again.
  await page.reload();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(notice).toHaveCount(0);
});
