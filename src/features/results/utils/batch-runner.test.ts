import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImageOutcome } from '@/lib/worker-client/image-outcome';
import { memoryStorage } from '@testkit/memory-storage';

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
  return { ...runner, interrupted: () => useInterruptedFiles.getState().names };
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

const file = (name: string) => new File([new Uint8Array(4)], name, { type: 'image/png' });
const failed: ImageOutcome = { status: 'error', message: 'not an image' };

let answers: ((o: ImageOutcome) => void)[] = [];
beforeEach(() => {
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('sessionStorage', memoryStorage());
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

      // The tab reloads with b.png being analysed and c.png waiting.
      const reloaded = await loadPage();
      expect(reloaded.interrupted()).toEqual(['b.png', 'c.png']);
      // A second reload before the notice is dismissed still names them.
      expect((await loadPage()).interrupted()).toEqual(['b.png', 'c.png']);
      const again = await loadPage();
      again.dismissInterruptedFiles();
      expect(again.interrupted()).toEqual([]);
      expect((await loadPage()).interrupted()).toEqual([]);
    },
  );

  it('stops asking once every file is finished or cancelled, and then names none', { timeout: 20_000 }, async () => {
    const page = await loadPage();
    page.addFiles([file('a.png'), file('b.png')]);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers.shift()?.(failed);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers.shift()?.(failed);
    await vi.waitFor(() => expect(leaveIsGuarded()).toBe(false));
    expect((await loadPage()).interrupted()).toEqual([]);

    const next = await loadPage();
    next.addFiles([file('c.png'), file('d.png')]);
    expect(leaveIsGuarded()).toBe(true);
    next.cancelBatch();
    await vi.waitFor(() => expect(leaveIsGuarded()).toBe(false));
    expect((await loadPage()).interrupted()).toEqual([]);
  });
});
