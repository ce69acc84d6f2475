import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('oneAtATime', () => {
  it('runs the named methods one after another, a failure not stopping the next; others run at once', async () => {
    const log: string[] = [];
    let shared = 'shipped';
    const api = {
      async calibrated(name: string) {
        shared = name;
        await tick();
        log.push(`${name} read ${shared}`);
        shared = 'shipped';
        if (name === 'b') throw new Error('b failed');
        return name;
      },
      async plain() {
        log.push(`plain saw ${shared}`);
      },
    };
    const wrapped = oneAtATime(api, ['calibrated']);
    const a = wrapped.calibrated('a');
    const b = wrapped.calibrated('b');
    const c = wrapped.calibrated('c');
    await wrapped.plain();
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['plain saw shipped', 'a read a', 'b read b', 'c read c']);
  });
});
