import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { card, openReady, waitForAllFinished } from '@testkit/app-page';
import { CLASSES } from '@testkit/test-images';
import { putAdaptationRecord } from './support/adaptation-record';
import { expectNoAxeViolations } from './support/axe-check';
import { expect, test } from './support/fixtures';

/** What public/samples/SOURCES.md lists: every sample image, by the name its card shows. */
const SAMPLES = readFileSync('public/samples/SOURCES.md', 'utf8')
  .match(/`[\w-]+\.jpg`/g)!
  .map((s) => s.slice(1, -1));
const metadata = JSON.parse(readFileSync('public/model/metadata.json', 'utf8')) as {
  version: string;
  reviewTarget: number;
};

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('button', { name: theme, exact: true }).click();
  await expect(page.locator('html')).toHaveClass(theme === 'Dark' ? /dark/ : /^(?!.*dark)/);
}

/** axe on the page as it stands, light and dark, on a desktop and a 390 px phone. */
async function axeEverywhere(page: Page, view: string): Promise<void> {
  for (const [device, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    for (const theme of ['Light', 'Dark'] as const) {
      await setTheme(page, theme);
      await expectNoAxeViolations(page, `${view}, ${theme.toLowerCase()}, ${device}`);
    }
  }
  await page.setViewportSize(DESKTOP);
  await setTheme(page, 'Light');
}

test('the sample images load through the intake, are analysed and credited, and the review mark says what it promises', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await openReady(page);
  expect(SAMPLES.length).toBeGreaterThanOrEqual(7);

  // Every sample is credited beside the button, with its licence.
  const credits = page.getByTestId('sample-credits');
  await credits.locator('summary').click();
  for (const file of SAMPLES)
    await expect(credits.locator(`li[data-file="${file}"]`)).toContainText(/\((MIT|CC BY 4\.0)\)/);
  await axeEverywhere(page, 'first visit');

  await page.getByTestId('try-samples').click();
  await waitForAllFinished(page, SAMPLES.length);
  for (const file of SAMPLES) {
    const c = card(page, file);
    await expect(c).toHaveAttribute('data-status', 'done');
    // Fields and single cells alike: the finder boxed at least one white cell and the model named it.
    await expect(c.getByTestId('cell-box').first()).toBeVisible();
    await expect(c.getByTestId('cell').first()).toHaveAttribute('data-class', /^[A-Z]+$/);
  }
  // The whole fields: the one white cell of each found, and nothing else boxed.
  await expect(card(page, 'bccd-field-00016.jpg').getByTestId('cell-box')).toHaveCount(1);
  await expect(card(page, 'bccd-field-00021.jpg').getByTestId('cell-box')).toHaveCount(1);

  // The review mark's promise, from the model's own metadata.
  await expect(page.getByTestId('review-rule')).toHaveAttribute('data-source', 'shipped');
  await expect(page.getByTestId('review-promise')).toHaveText(
    `Cells without the review mark were right at least ${Math.round(metadata.reviewTarget * 100)}% of the time on held-out cells.`,
  );

  // No box label runs past its image, on a desktop or a phone.
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    const outside = await page.getByTestId('result-card').evaluateAll((cards) =>
      cards.flatMap((c) => {
        const svg = c.querySelector('svg:has([data-testid="cell-box"])');
        if (!svg) return [];
        const frame = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('[data-testid="cell-box"] text')].flatMap((t) => {
          const r = t.getBoundingClientRect();
          const inside =
            r.left >= frame.left - 1 &&
            r.right <= frame.right + 1 &&
            r.top >= frame.top - 1 &&
            r.bottom <= frame.bottom + 1;
          return inside ? [] : [`${c.getAttribute('data-name')}: "${t.textContent}"`];
        });
      }),
    );
    expect(outside, `labels outside their image at ${size.width} px`).toEqual([]);
  }
  await page.setViewportSize(DESKTOP);
  await axeEverywhere(page, 'sample results');
});

test("with a case read by a lab profile, the review mark states the profile's own figure on the lab's cells", async ({
  page,
}) => {
  await openReady(page);
  // An adaptation for this model as the Adapt page saves it, with its cross-validated reading of
  // the lab's cells (a flat head: what it reads does not matter here, only what it promises).
  const reading = (right: number, unmarked: number, unmarkedRight: number) => ({ right, unmarked, unmarkedRight });
  await putAdaptationRecord(page, {
    modelVersion: metadata.version,
    id: 'lab.0a1b2c3d',
    classes: CLASSES.length,
    cellsPerClass: CLASSES.map(() => 10),
    adaptedExtras: {
      reviewThreshold: 0.5,
      reviewTarget: 0.97,
      ownCells: { cells: 50, folds: 5, adapted: reading(45, 40, 39), shipped: reading(30, 10, 8) },
    },
  });
  await page.reload();
  await expect(page.getByTestId('model-ready')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('try-samples').click();
  await waitForAllFinished(page, SAMPLES.length);
  // The case that holds them chooses the adaptation, kept now as a lab profile.
  await page.goto('/#/case');
  await page.getByTestId('case-profile').selectOption('lab.0a1b2c3d');
  await expect(page.getByTestId('case-profile')).toHaveAttribute('data-profile-id', 'lab.0a1b2c3d');
  await page.goto('/#/');
  const rule = page.getByTestId('review-rule');
  await expect(rule).toHaveAttribute('data-source', 'adapted');
  await expect(page.getByTestId('review-promise')).toContainText(
    "right 98% of the time (39 of 40) on your lab's own cells",
  );
  await expect(rule).toContainText('less than 50.0%');
});

test('the model version reads as a version wherever the app shows it', async ({ page }) => {
  const [, generation, hash] = /^(\d+)\.([0-9a-f]+)/.exec(metadata.version)!;
  await openReady(page);
  await expect(page.getByTestId('model-ready')).toContainText(`Model v${generation} · ${hash} ready`);
  await expect(page.getByTestId('model-ready')).not.toContainText(metadata.version);
});

test('the skip link takes keyboard users past the header to the content', async ({ page }) => {
  await page.goto('/#/atlas');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // Routing is by hash: skipping must not leave the page it was on.
  expect(new URL(page.url()).hash).toBe('#/atlas');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').locator(':focus')).toHaveCount(0);
});

test('an unknown page says so and leads home', async ({ page }) => {
  await page.goto('/#/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByTestId('not-found')).toContainText('no-such-page');
  await expect(page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]')).toHaveCount(0);
  await axeEverywhere(page, 'page not found');
  await page.getByRole('link', { name: 'Go to the Analyse page' }).click();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await expect(page.getByTestId('not-found')).toHaveCount(0);
});

test('deleting all local data is a red button', async ({ page }) => {
  await page.goto('/#/privacy');
  const colour = await page.getByTestId('delete-all-data').evaluate((b) => getComputedStyle(b).backgroundColor);
  // Chromium gives Tailwind's colours as lab() or oklch(): red is a hue between 0° and 45°.
  const lab = /^lab\(\s*[\d.]+%?\s+(-?[\d.]+)\s+(-?[\d.]+)/.exec(colour);
  const oklch = /^oklch\(\s*[\d.]+%?\s+[\d.]+\s+([\d.]+)/.exec(colour);
  const hue = lab ? (Math.atan2(Number(lab[2]), Number(lab[1])) * 180) / Math.PI : oklch ? Number(oklch[1]) : NaN;
  expect(hue >= 0 && hue < 45, `${colour}: hue ${hue}`).toBe(true);
});

test.describe('practice on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('every answer is in view without scrolling, and no key hints on a touch screen', async ({ page }) => {
    await page.goto('/#/practice');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await expect(page.getByText('tap an answer')).toBeVisible();
    await expect(page.getByText(/press 1–\d/)).toBeHidden();
    await page.getByTestId('start-session').click();
    await expect(page.getByTestId('quiz')).toBeVisible();
    await expect(page.getByRole('img', { name: /one cell outlined/ })).toBeInViewport();
    const answers = page.getByRole('group', { name: /Your answer/ }).getByRole('button');
    await expect(answers).toHaveCount(CLASSES.length);
    for (const answer of await answers.all()) await expect(answer).toBeInViewport({ ratio: 1 });
    for (const hint of await page.getByTestId('key-hint').all()) await expect(hint).toBeHidden();
    for (const theme of ['Light', 'Dark'] as const) {
      await setTheme(page, theme);
      await expectNoAxeViolations(page, `practice question on a phone, ${theme.toLowerCase()}`);
    }
  });
});
