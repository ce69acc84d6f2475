import { describe, expect, it } from 'vitest';
import { wideFieldNote } from './wide-field-note';

describe('wideFieldNote', () => {
  it('states the scale to one decimal and asks for a check', () => {
    const note = wideFieldNote(2.4286);
    expect(note).toContain('2.4× smaller');
    expect(note).toContain('check their classes');
  });
});
