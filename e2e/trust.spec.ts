import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { dropFiles, fileFromDisk } from '@testkit/drop-files';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';
import { knownGoodImages } from '@testkit/test-images';

test('the heatmap toggles over a cell and a red-cell-only field says no white cell', async ({ page }) => {
  await openReady(page);
  const good = knownGoodImages().find((i) => i.cls === 'NEUTROPHIL')!.file;
  const negative = fileFromDisk('fixtures/negatives/redcells-00.jpg');
  await dropFiles(page, [good, negative]);
  await waitForAllFinished(page, 2);

  await expect(card(page, negative.name).getByTestId('card-message')).toHaveText('No white blood cell found.');
  await expect(card(page, negative.name).getByTestId('cell')).toHaveCount(0);

  const c = card(page, good.name);
  const canvas = c.getByTestId('heatmap-canvas');
  const pixels = () => canvas.evaluate((el: HTMLCanvasElement) => el.toDataURL());
  const hidden = await pixels();
  const toggle = c.getByRole('switch', { name: 'Heatmap' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(pixels).not.toBe(hidden);
  const shown = await pixels();

  // Another class's evidence is a different map; a lower opacity is a different picture.
  await c.getByTestId('heatmap-class').first().selectOption({ label: 'Eosinophil' });
  await expect.poll(pixels).not.toBe(shown);
  const other = await pixels();
  await c.getByTestId('heatmap-opacity').fill('0.2');
  await expect.poll(pixels).not.toBe(other);
  await expectNoAxeViolations(page, 'card with heatmap');

  await toggle.click();
  await expect.poll(pixels).toBe(hidden);
});
