import { describe, expect, it } from 'vitest';
import { CLASS_NAMES, classListInWords } from './class-names';
import { CELL_CLASSES, WHITE_CELL_CLASSES } from './model-spec';

describe('CLASS_NAMES', () => {
  it('gives every class its own name and short name', () => {
    for (const key of ['label', 'short'] as const) {
      const values = CELL_CLASSES.map((c) => CLASS_NAMES[c][key]);
      expect(new Set(values).size, key).toBe(CELL_CLASSES.length);
    }
  });

  it('names the new classes as a lab reports them: IG and NRBC', () => {
    expect(CLASS_NAMES.IG).toEqual({ label: 'Immature granulocyte', short: 'IG' });
    expect(CLASS_NAMES.ERYTHROBLAST).toEqual({ label: 'Nucleated red cell', short: 'NRBC' });
  });
});

describe('classListInWords', () => {
  it('names every class in order, basophils included', () => {
    expect(classListInWords()).toBe(
      'Basophils, eosinophils, lymphocytes, monocytes, neutrophils, immature granulocytes and nucleated red cells',
    );
  });

  it('names only the white cells when asked, never a nucleated red cell', () => {
    expect(classListInWords(WHITE_CELL_CLASSES)).toBe(
      'Basophils, eosinophils, lymphocytes, monocytes, neutrophils and immature granulocytes',
    );
    expect(classListInWords(['IG'])).toBe('Immature granulocytes');
  });
});
