import { describe, expect, it } from 'vitest';
import { StopSignal, Stopper } from './stopper';

describe('Stopper', () => {
  it('passes results through until stopped', async () => {
    expect(await new Stopper().race(Promise.resolve(7))).toBe(7);
  });
  it('rejects work that never finishes once stopped (a terminated worker never answers)', async () => {
    const s = new Stopper();
    const pending = s.race(new Promise<number>(() => {}));
    s.stop();
    await expect(pending).rejects.toBeInstanceOf(StopSignal);
    expect(s.stopped).toBe(true);
  });
});
