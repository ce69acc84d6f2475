import { readdirSync } from 'node:fs';
import { openReady } from '@testkit/app-page';
import { readCaseRecords } from './support/case-records';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expect, test } from './support/fixtures';
import { TEST_DIR } from '@testkit/test-images';

/** Twelve single-cell images (small, so two tabs analysing at once fit a 2-core machine). */
const FILES = ['NEUTROPHIL', 'LYMPHOCYTE', 'EOSINOPHIL'].flatMap((cls) =>
  readdirSync(`${TEST_DIR}/${cls}`)
    .sort()
    .slice(0, 4)
    .map((f) => fileFromDisk(`${TEST_DIR}/${cls}/${f}`, `${cls}-${f}`)),
);

test('two tabs on one case analyse six images each at once: both show all twelve, and deleting the case leaves no record', async ({
  context,
  page,
}) => {
  test.setTimeout(480_000);
  const tabA = page;
  await openReady(tabA, '#/case');
  await dropFiles(tabA, FILES.slice(0, 1));
  await expect(tabA.getByTestId('case-image')).toHaveCount(1, { timeout: 150_000 });

  // The second tab opens on the case the first one stored.
  const tabB = await context.newPage();
  await openReady(tabB, '#/case');
  await expect(tabB.getByTestId('case-image')).toHaveCount(1);

  await Promise.all([dropFiles(tabA, FILES.slice(1, 6)), dropFiles(tabB, FILES.slice(6, 12))]);
  for (const tab of [tabA, tabB]) {
    await expect(tab.getByTestId('case-image')).toHaveCount(12, { timeout: 360_000 });
  }

  const stored = await readCaseRecords(tabB);
  expect(stored.cases).toHaveLength(1);
  const [{ id, imageIds }] = stored.cases;
  expect(imageIds).toHaveLength(12);
  expect(stored.imageCaseIds).toEqual(Array.from({ length: 12 }, () => id));
  await expect(tabA.getByTestId('history-entry')).toContainText('12 images');

  // Deleted in one tab: gone from both, and from IndexedDB with every image record of it.
  const entry = tabB.getByTestId('history-entry');
  await entry.getByRole('button', { name: /^Delete case/ }).click();
  await entry.getByRole('button', { name: /for good$/ }).click();
  await expect(entry).toHaveCount(0);
  await expect(tabA.getByTestId('history-entry')).toHaveCount(0);
  await expect(tabA.getByTestId('case-image')).toHaveCount(0);

  const after = await readCaseRecords(tabA);
  expect(after.cases).toEqual([]);
  expect(after.imageCaseIds).toEqual([]);
  // All that is left is the note that this id was deleted, so no late image brings it back.
  expect(after.settings.map((s) => s.key)).toEqual([`deleted:${id}`]);
});
