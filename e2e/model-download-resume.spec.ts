import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { card, waitForAllFinished } from '@testkit/app-page';
import { dropFiles } from '@testkit/drop-files';
import { knownGoodImages } from '@testkit/test-images';
import { expect, test } from './support/fixtures';

const metadata = JSON.parse(readFileSync('public/model/metadata.json', 'utf8')) as {
  totalBytes: number;
  shards: { path: string; bytes: number }[];
  trainingStatistics?: { path: string };
  notWhiteCell?: { path: string };
};
const modelJsonBytes = readFileSync('public/model/model.json').byteLength;
const [first, last] = [metadata.shards[0], metadata.shards.at(-1)!];

/** As the page writes sizes (src/lib/format/numbers.ts). */
const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The network drops once: as the page first asks for `before` (or once `after` has arrived), and
 * from then on every model request fails as on a lost connection and the browser is offline, until
 * `restore`. Returns the shards that reached the page, and `restore`.
 */
async function dropNetwork(context: BrowserContext, cut: { before: string } | { after: string }) {
  const arrived: string[] = [];
  let gone = false;
  let cutDone = false;
  await context.route('**/model/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    if (gone || (!cutDone && 'before' in cut && name === cut.before)) {
      gone = cutDone = true;
      await context.setOffline(true);
      return route.abort('internetdisconnected');
    }
    const response = await route.fetch();
    await route.fulfill({ response });
    if (name.endsWith('.bin')) arrived.push(name);
    if (!cutDone && 'after' in cut && name === cut.after) {
      gone = cutDone = true;
      await context.setOffline(true);
    }
  });
  return {
    arrived,
    restore: async () => {
      gone = false;
      await context.setOffline(false);
    },
  };
}

/** An image dropped now is analysed and named right. */
async function analysesAnImage(page: Page): Promise<void> {
  const [{ cls, file }] = knownGoodImages();
  await dropFiles(page, [file]);
  await waitForAllFinished(page, 1);
  await expect(card(page, file.name).getByTestId('cell').first()).toHaveAttribute('data-class', cls);
}

/** Every binary model file, each of which must reach the page exactly once. */
const binaries = [
  ...metadata.shards.map((s) => s.path),
  ...(metadata.trainingStatistics ? [metadata.trainingStatistics.path] : []),
  ...(metadata.notWhiteCell ? [metadata.notWhiteCell.path] : []),
];

for (const { when, cut, loaded } of [
  { when: 'before the first shard', cut: { before: first.path }, loaded: modelJsonBytes },
  { when: 'after the first shard', cut: { before: metadata.shards[1].path }, loaded: modelJsonBytes + first.bytes },
  { when: 'after the last shard', cut: { after: last.path }, loaded: metadata.totalBytes },
]) {
  test(`the network drops ${when}: the page says where, and the model loads by itself when it returns, no file fetched twice`, async ({
    page,
    context,
  }) => {
    const network = await dropNetwork(context, cut);
    await page.goto('/');
    const interrupted = page.getByTestId('model-interrupted');
    await expect(interrupted).toHaveText(
      `The network dropped at ${mb(loaded)} of ${mb(metadata.totalBytes)}; it will continue when the connection returns.`,
    );
    await expect(page.getByTestId('network-offline')).toBeVisible();
    // It did not crash, and it waits: nothing to click.
    await expect(page.getByTestId('model-error')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);

    await network.restore();
    await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('network-offline')).toHaveCount(0);
    // The files checked before the drop were kept, not fetched again.
    expect(network.arrived.sort()).toEqual(binaries.sort());
    await analysesAnImage(page);
  });
}
