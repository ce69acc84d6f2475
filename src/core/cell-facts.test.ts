import { describe, expect, it } from 'vitest';
import { CELL_CLASSES, PER_HUNDRED_WHITE_CELLS } from './model-spec';
import { CELL_FACTS, hintsFor, normalShareInWords } from './cell-facts';

describe('CELL_FACTS', () => {
  it('describes every class with a normal figure and three hints', () => {
    for (const c of CELL_CLASSES) {
      // A share of white cells carries its per cent sign; a count per 100 white cells does not.
      expect(CELL_FACTS[c].normalShare, c).toMatch(PER_HUNDRED_WHITE_CELLS.includes(c) ? /^\d+$/ : /^\d+(–\d+)?%$/);
      expect(hintsFor(c), c).toHaveLength(3);
    }
  });

  it('says a nucleated red cell is counted per 100 white cells, and every other class as a share of them', () => {
    expect(normalShareInWords('ERYTHROBLAST')).toBe('0 per 100 white cells');
    expect(normalShareInWords('IG')).toBe('0% of white cells');
    expect(normalShareInWords('NEUTROPHIL')).toBe('40–70% of white cells');
    expect(CELL_FACTS.ERYTHROBLAST.tellApart).toMatch(/small lymphocyte/);
    expect(CELL_FACTS.ERYTHROBLAST.tellApart).toMatch(/Not a white cell/);
  });

  it('gives an immature granulocyte its stages: promyelocyte, myelocyte and a kidney-shaped metamyelocyte', () => {
    const ig = CELL_FACTS.IG;
    for (const stage of ['Promyelocyte', 'Myelocyte', 'Metamyelocyte']) expect(ig.nucleus).toContain(stage);
    expect(ig.nucleus).toMatch(/nucleoli/);
    expect(ig.nucleus).toMatch(/kidney/);
    expect(ig.granules).toMatch(/primary \(azurophilic\)/);
    expect(ig.cytoplasm).toMatch(/Golgi zone/);
    expect(ig.role).toMatch(/left shift/);
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
