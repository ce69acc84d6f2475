import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@testkit/memory-storage';
import { choiceOnArrival, settleCaseChoice, useCaseChoice } from './case-choice-store';

afterEach(() => {
  vi.unstubAllGlobals();
  useCaseChoice.setState({ state: 'restoring' });
});

describe('choiceOnArrival', () => {
  it('asks about a case with cells left open by an earlier visit', () => {
    expect(choiceOnArrival({ cellCount: 3 }, false)).toBe('asking');
  });

  it('does not ask when there is nothing to continue, or another tab is working on the case', () => {
    expect(choiceOnArrival(undefined, false)).toBe('settled');
    expect(choiceOnArrival({ cellCount: 0 }, false)).toBe('settled');
    expect(choiceOnArrival({ cellCount: 3 }, true)).toBe('settled');
  });
});

describe('the case choice in one tab', () => {
  it('is asked once: after an answer, a reload of the same tab carries on without asking', () => {
    const tab = memoryStorage();
    vi.stubGlobal('sessionStorage', tab);
    useCaseChoice.setState({ state: choiceOnArrival({ cellCount: 3 }, false) });
    expect(useCaseChoice.getState().state).toBe('asking');
    settleCaseChoice();
    // The reload: the same tab's storage, the question not asked again, ten times over.
    for (let reload = 0; reload < 10; reload++) expect(choiceOnArrival({ cellCount: 3 }, false)).toBe('settled');
    // A new tab has storage of its own, and asks.
    vi.stubGlobal('sessionStorage', memoryStorage());
    expect(choiceOnArrival({ cellCount: 3 }, false)).toBe('asking');
  });

  it('asks again after a reload when the question was never answered', () => {
    vi.stubGlobal('sessionStorage', memoryStorage());
    useCaseChoice.setState({ state: 'restoring' });
    // Settling a restore that failed is not an answer.
    settleCaseChoice();
    expect(choiceOnArrival({ cellCount: 3 }, false)).toBe('asking');
  });
});
