import { describe, expect, it } from 'vitest';
import { choiceOnArrival } from './case-choice-store';

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
