import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, NetworkReachability, type CheckFetch } from './network-reachability';

/** A server that answers or not, as the test says, and remembers what it was asked. */
function server() {
  const calls: { url: string; init: RequestInit }[] = [];
  let up = true;
  const fetchFn: CheckFetch = (url, init) => {
    calls.push({ url, init });
    return up ? Promise.resolve(new Response(null, { status: 404 })) : Promise.reject(new TypeError('Failed to fetch'));
  };
  return {
    calls,
    fetchFn,
    setUp: (value: boolean) => (up = value),
  };
}

describe('NetworkReachability', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says offline when the check fails although the browser said online, and online once one succeeds', async () => {
    const s = server();
    const reach = new NetworkReachability('/?network-check', s.fetchFn, true);
    const seen: boolean[] = [];
    reach.subscribe((online) => seen.push(online));
    s.setUp(false);
    expect(await reach.check()).toBe(false);
    expect(reach.isOnline).toBe(false);
    s.setUp(true);
    // Nobody asks again: the next check comes by itself after the first backoff delay.
    await vi.advanceTimersByTimeAsync(backoffDelay(0));
    expect(reach.isOnline).toBe(true);
    expect(seen).toEqual([true, false, true]);
  });

  it('checks with a HEAD request that carries nothing and bypasses the HTTP cache; any HTTP answer counts', async () => {
    const s = server();
    const reach = new NetworkReachability('/?network-check', s.fetchFn, false);
    expect(await reach.check()).toBe(true);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0].url).toBe('/?network-check');
    expect(s.calls[0].init).toMatchObject({ method: 'HEAD', cache: 'no-store' });
    expect(s.calls[0].init.body).toBeUndefined();
  });

  it('asks again ever more slowly while the network stays gone, and stops once it is back', async () => {
    const s = server();
    s.setUp(false);
    const reach = new NetworkReachability('/?network-check', s.fetchFn, true);
    reach.browserOffline();
    const at: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 4; i++) {
      const before = s.calls.length;
      while (s.calls.length === before) await vi.advanceTimersByTimeAsync(100);
      at.push(Date.now() - started);
    }
    const gaps = at.map((t, i) => t - (at[i - 1] ?? 0));
    expect(gaps).toEqual([0, 1, 2, 3].map(backoffDelay));
    s.setUp(true);
    await vi.advanceTimersByTimeAsync(backoffDelay(4));
    expect(reach.isOnline).toBe(true);
    const after = s.calls.length;
    await vi.advanceTimersByTimeAsync(10 * backoffDelay(9));
    expect(s.calls.length).toBe(after);
  });

  it('a reported failure is checked at once: it marks offline only if the server does not answer', async () => {
    const s = server();
    const reach = new NetworkReachability('/?network-check', s.fetchFn, true);
    reach.reportFailure();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.calls).toHaveLength(1);
    expect(reach.isOnline).toBe(true);
    s.setUp(false);
    reach.reportFailure();
    await vi.advanceTimersByTimeAsync(0);
    expect(reach.isOnline).toBe(false);
  });

  it('whenBackOnline resumes as soon as the network returns, before its backoff delay', async () => {
    const s = server();
    s.setUp(false);
    const reach = new NetworkReachability('/?network-check', s.fetchFn, true);
    await reach.check();
    const resume = vi.fn();
    reach.whenBackOnline(4, resume);
    s.setUp(true);
    await reach.check();
    expect(resume).toHaveBeenCalledTimes(1);
    // Once only: a later change does not run it again.
    reach.browserOffline();
    await reach.check();
    await vi.advanceTimersByTimeAsync(backoffDelay(4));
    expect(resume).toHaveBeenCalledTimes(1);
  });

  it('whenBackOnline resumes after its backoff when the network never seemed gone, and can be cancelled', async () => {
    const reach = new NetworkReachability('/?network-check', server().fetchFn, true);
    const resume = vi.fn();
    reach.whenBackOnline(1, resume);
    await vi.advanceTimersByTimeAsync(backoffDelay(1) - 1);
    expect(resume).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(resume).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    reach.whenBackOnline(0, cancelled)();
    await vi.advanceTimersByTimeAsync(backoffDelay(9));
    expect(cancelled).not.toHaveBeenCalled();
  });
});
