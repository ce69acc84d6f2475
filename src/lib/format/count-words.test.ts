import { expect, it } from 'vitest';
import { countWords } from './count-words';

it('puts the noun in the singular for one only', () => {
  expect(countWords(1, 'case')).toBe('1 case');
  expect(countWords(0, 'case')).toBe('0 cases');
  expect(countWords(3, 'reviewed cell')).toBe('3 reviewed cells');
  expect(countWords(2, 'analysis', 'analyses')).toBe('2 analyses');
});
