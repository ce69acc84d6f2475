import { describe, expect, it } from 'vitest';
import { CELL_CLASSES } from './model-spec';
import { CELL_FACTS, hintsFor } from './cell-facts';

describe('CELL_FACTS', () => {
  it('describes every class with a normal share and three hints', () => {
    for (const c of CELL_CLASSES) {
      expect(CELL_FACTS[c].normalShare, c).toMatch(/^\d+–\d+%$/);
      expect(hintsFor(c), c).toHaveLength(3);
    }
  });

  it('tells a basophil by granules that hide its nucleus, and puts it at 0–1% of white cells', () => {
    expect(CELL_FACTS.BASOPHIL.granules).toMatch(/dark-purple/);
    expect(CELL_FACTS.BASOPHIL.nucleus).toMatch(/obscure/);
    expect(CELL_FACTS.BASOPHIL.normalShare).toBe('0–1%');
  });

  it('describes neutrophils as the practice set shows them: bands and segmented forms of 2–5 lobes', () => {
    expect(CELL_FACTS.NEUTROPHIL.nucleus).toMatch(/^Bands and segmented forms/);
    expect(CELL_FACTS.NEUTROPHIL.nucleus).toMatch(/2–5 lobes/);
    // Nowhere a count of lobes that the two-lobed examples contradict.
    for (const c of CELL_CLASSES) expect(JSON.stringify(CELL_FACTS[c]), c).not.toMatch(/3–5 lobes/);
  });
});
