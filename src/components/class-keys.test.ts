import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from '@/core/model-spec';
import { NOT_WBC } from '@/lib/storage/case-types';
import { CLASS_KEYS_HINT, classForKey } from './class-keys';

describe('classForKey', () => {
  it('gives keys 1 to 7 the classes in the model’s order: 6 an immature granulocyte, 7 a nucleated red cell', () => {
    expect(CELL_CLASSES.map((_, i) => classForKey(String(i + 1)))).toEqual(CELL_CLASSES);
    expect(classForKey('6')).toBe('IG');
    expect(classForKey('7')).toBe('ERYTHROBLAST');
  });

  it('sets a cell aside with 0 or X, and ignores every other key', () => {
    for (const key of ['0', 'x', 'X']) expect(classForKey(key), key).toBe(NOT_WBC);
    for (const key of ['8', '9', '10', '-1', 'u', 'Enter', ' ', '']) expect(classForKey(key), key).toBeUndefined();
  });

  it('lists the same keys for assistive technology', () => {
    expect(CLASS_KEYS_HINT).toBe('1 2 3 4 5 6 7 0 X');
    for (const key of CLASS_KEYS_HINT.split(' ')) expect(classForKey(key), key).toBeDefined();
  });
});
