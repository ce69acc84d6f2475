import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UnfinishedBatch } from './unfinished-batch';

/** Pages of one browser profile: each with its id, and the set of pages alive now. */
const alive = new Set<string>();
const page = (id: string) => {
  alive.add(id);
  return new UnfinishedBatch({ page: id, livePages: () => Promise.resolve(new Set(alive)) });
};
const close = (id: string) => alive.delete(id);
const names = async (batch: UnfinishedBatch) => (await batch.takeLeftBehind()).map((f) => f.name);
const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  alive.clear();
});

describe('UnfinishedBatch', () => {
  it('names what a closed tab queued and never finished, in any tab opened after, and not its own', async () => {
    const first = page('first');
    first.queued([
      { id: 1, name: 'folder/a.jpg', size: 10 },
      { id: 2, name: 'b.jpg', size: 20 },
      { id: 3, name: 'c.jpg', size: 30 },
    ]);
    first.finished(1);
    first.started(2);
    await first.settled();
    expect(await names(first)).toEqual([]);

    // A second tab beside the working one: that tab's queue is not left behind.
    const beside = page('beside');
    expect(await names(beside)).toEqual([]);

    close('first');
    expect(await names(beside)).toEqual(['b.jpg', 'c.jpg']);
    const later = page('later');
    const left = await later.takeLeftBehind();
    expect(left.map((f) => [f.name, f.size, f.wasAnalysing])).toEqual([
      ['b.jpg', 20, true],
      ['c.jpg', 30, false],
    ]);
    await later.forget(left.slice(0, 1));
    expect(await names(page('after'))).toEqual(['c.jpg']);
  });

  it('matches files picked again by name (without the folder) and size, and forgets only those', async () => {
    const gone = page('gone');
    gone.queued([
      { id: 1, name: 'slides/a.jpg', size: 10 },
      { id: 2, name: 'b.jpg', size: 20 },
      { id: 3, name: 'b.jpg', size: 21 },
    ]);
    await gone.settled();
    close('gone');
    const now = page('now');
    const left = await now.takeLeftBehind();
    const picked = await now.pickAgain([file('a.jpg', 10), file('b.jpg', 21), file('b.jpg', 22)], left);
    expect(picked.matched.map((f) => [f.name, f.size])).toEqual([
      ['a.jpg', 10],
      ['b.jpg', 21],
    ]);
    expect(picked.stillLeft.map((f) => [f.name, f.size])).toEqual([['b.jpg', 20]]);
    expect(picked.unknown).toBe(1);
    expect((await now.takeLeftBehind()).map((f) => [f.name, f.size])).toEqual([['b.jpg', 20]]);
  });

  it('creates no database on a visit that queues nothing', async () => {
    expect(await names(page('visit'))).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([]);
    const tab = page('tab');
    tab.queued([{ id: 1, name: 'a.jpg', size: 1 }]);
    await tab.settled();
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(['hematovision-unfinished-batch']);
  });

  it('keeps a finish that follows its queueing closely: writes are applied in order', async () => {
    const tab = page('tab');
    for (let id = 1; id <= 20; id++) {
      tab.queued([{ id, name: `${id}.jpg`, size: id }]);
      tab.finished(id);
    }
    tab.queued([{ id: 21, name: 'last.jpg', size: 1 }]);
    await tab.settled();
    close('tab');
    expect(await names(page('next'))).toEqual(['last.jpg']);
  });
});
