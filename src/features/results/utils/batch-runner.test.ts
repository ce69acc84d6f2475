import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImageOutcome } from '@/lib/worker-client/image-outcome';

/** The page as the runner sees it after a (re)load: fresh modules, the tab's storage kept. */
async function loadPage() {
  vi.resetModules();
  const { analysisClient } = await import('@/lib/worker-client/analysis-client');
  // The worker answers when the test says so.
  vi.spyOn(analysisClient, 'analyse').mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
  vi.spyOn(analysisClient, 'cancel').mockImplementation(() =>
    answers.splice(0).forEach((answer) => answer({ status: 'cancelled' })),
  );
  const runner = await import('./batch-runner');
  const { useInterruptedFiles } = await import('@/lib/storage/unfinished-batch');
  await runner.leftBehindRead;
  const interrupted = () => useInterruptedFiles.getState().files.map((f) => f.name);
  return { ...runner, interrupted, left: () => useInterruptedFiles.getState() };
}

/** Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets pages set it. */
class BeforeUnload extends Event {
  returnValue = true;
}

/** Would leaving now make the browser ask first? */
function leaveIsGuarded(): boolean {
  const event = new BeforeUnload('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const file = (name: string, size = 4) => new File([new Uint8Array(size)], name, { type: 'image/png' });
const failed: ImageOutcome = { status: 'error', message: 'not an image' };
const analysed: ImageOutcome = {
  status: 'done',
  width: 8,
  height: 8,
  cells: [],
  thumbnailUrl: '',
  notes: [],
  elapsedMs: 1,
};

let answers: ((o: ImageOutcome) => void)[] = [];
beforeEach(() => {
  vi.stubGlobal('window', new EventTarget());
  // One browser profile's IndexedDB, shared by every page (every tab, every reload) of a test.
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('location', new URL('http://localhost/'));
  answers = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a batch and leaving the page', () => {
  it(
    'asks before leaving while files wait, and after a reload names the files never analysed',
    { timeout: 20_000 },
    async () => {
      const page = await loadPage();
      expect(page.interrupted()).toEqual([]);
      expect(leaveIsGuarded()).toBe(false);

      page.addFiles([file('a.png'), file('b.png'), file('c.png')]);
      expect(leaveIsGuarded()).toBe(true);
      await vi.waitFor(() => expect(answers).toHaveLength(1));
      answers.shift()?.(failed);
      await vi.waitFor(() => expect(answers).toHaveLength(1));

      // The tab reloads (or is closed) with b.png being analysed and c.png waiting.
      await page.unfinishedBatchSaved();
      const reloaded = await loadPage();
      expect(reloaded.interrupted()).toEqual(['b.png', 'c.png']);
      expect(reloaded.left().files.map((f) => f.wasAnalysing)).toEqual([true, false]);
      // A second reload, or any other tab, before the notice is dismissed still names them.
      expect((await loadPage()).interrupted()).toEqual(['b.png', 'c.png']);
      const again = await loadPage();
      again.dismissInterruptedFiles();
      expect(again.interrupted()).toEqual([]);
      await again.unfinishedBatchSaved();
      expect((await loadPage()).interrupted()).toEqual([]);
    },
  );

  it('keeps an analysed image on the list until the case has stored it', async () => {
    const page = await loadPage();
    const [stored] = page.addFiles([file('stored.png'), file('unstored.png')]);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers.shift()?.(analysed);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers.shift()?.(analysed);
    await vi.waitFor(() => expect(leaveIsGuarded()).toBe(false));
    // The case stored one; the tab reloads before it stored the other (it waited for the case choice).
    page.keptInCase(stored);
    await page.unfinishedBatchSaved();
    expect((await loadPage()).interrupted()).toEqual(['unstored.png']);
  });

  it('analyses the left files picked again that match by name and size; the others stay named', async () => {
    const page = await loadPage();
    page.addFiles([file('a.png', 10), file('b.png', 20), file('c.png', 30)]);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    await page.unfinishedBatchSaved();

    const next = await loadPage();
    expect(next.interrupted()).toEqual(['a.png', 'b.png', 'c.png']);
    // c.png of another size is another file; z.png was never in the list.
    await next.pickInterruptedFilesAgain([file('c.png', 31), file('b.png', 20), file('z.png')]);
    expect(next.interrupted()).toEqual(['a.png', 'c.png']);
    expect(next.left().unknownPicked).toBe(2);
    // b.png is queued on this page: analysed now, no longer anyone's left file.
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(
      vi.mocked((await import('@/lib/worker-client/analysis-client')).analysisClient.analyse).mock.calls.at(-1)?.[0]
        .name,
    ).toBe('b.png');
    answers.pop()?.(failed);
    await next.unfinishedBatchSaved();
    expect((await loadPage()).interrupted()).toEqual(['a.png', 'c.png']);
  });

  it('stops asking once every file is finished or cancelled, and then names none', { timeout: 20_000 }, async () => {
    const page = await loadPage();
    page.addFiles([file('a.png'), file('b.png')]);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers.shift()?.(failed);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers.shift()?.(failed);
    await vi.waitFor(() => expect(leaveIsGuarded()).toBe(false));
    await page.unfinishedBatchSaved();
    expect((await loadPage()).interrupted()).toEqual([]);

    const next = await loadPage();
    next.addFiles([file('c.png'), file('d.png')]);
    expect(leaveIsGuarded()).toBe(true);
    next.cancelBatch();
    await vi.waitFor(() => expect(leaveIsGuarded()).toBe(false));
    await next.unfinishedBatchSaved();
    expect((await loadPage()).interrupted()).toEqual([]);
  });
});
