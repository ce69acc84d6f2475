import { describe, expect, it } from 'vitest';
import type { CellClass } from '@/core/model-spec';
import type { PracticeItem } from '@/lib/network/practice-manifest';
import { atlasExamples, exampleForm } from './atlas-examples';

const item = (label: CellClass, source: string): PracticeItem => ({
  id: source,
  file: `${source}.jpg`,
  label,
  box: { x: 0, y: 0, width: 10, height: 10 },
  width: 20,
  height: 20,
  source,
});

describe('atlasExamples', () => {
  it('takes an immature granulocyte’s stages in turn, youngest first, the unsaid stage last', () => {
    // As the set lists them: by file name, so by stage.
    const items = [
      item('IG', 'pbc/IG/IG_1.jpg'),
      item('IG', 'pbc/IG/MMY_1.jpg'),
      item('IG', 'pbc/IG/MMY_2.jpg'),
      item('IG', 'pbc/IG/MY_1.jpg'),
      item('IG', 'pbc/IG/MY_2.jpg'),
      item('IG', 'pbc/IG/MY_3.jpg'),
      item('IG', 'pbc/IG/PMY_1.jpg'),
      item('NEUTROPHIL', 'pbc/NEUTROPHIL/SNE_1.jpg'),
    ];
    const picked = atlasExamples(items, 'IG', 6);
    expect(picked.map((i) => i.source)).toEqual([
      'pbc/IG/PMY_1.jpg',
      'pbc/IG/MY_1.jpg',
      'pbc/IG/MMY_1.jpg',
      'pbc/IG/IG_1.jpg',
      'pbc/IG/MY_2.jpg',
      'pbc/IG/MMY_2.jpg',
    ]);
    expect(picked.map(exampleForm)).toEqual([
      'promyelocyte',
      'myelocyte',
      'metamyelocyte',
      undefined,
      'myelocyte',
      'metamyelocyte',
    ]);
  });

  it('alternates segmented and band neutrophils, segmented first', () => {
    const items = [
      item('NEUTROPHIL', 'pbc/NEUTROPHIL/BNE_1.jpg'),
      item('NEUTROPHIL', 'pbc/NEUTROPHIL/BNE_2.jpg'),
      item('NEUTROPHIL', 'pbc/NEUTROPHIL/SNE_1.jpg'),
      item('NEUTROPHIL', 'pbc/NEUTROPHIL/SNE_2.jpg'),
      item('NEUTROPHIL', 'pbc/NEUTROPHIL/SNE_3.jpg'),
    ];
    expect(atlasExamples(items, 'NEUTROPHIL', 8).map(exampleForm)).toEqual([
      'segmented',
      'band',
      'segmented',
      'band',
      'segmented',
    ]);
  });

  it('keeps the set’s order for a class without forms, and the class’s own items only', () => {
    const items = ['ERB_3', 'ERB_1', 'ERB_2'].map((f) => item('ERYTHROBLAST', `pbc/ERYTHROBLAST/${f}.jpg`));
    expect(atlasExamples([item('LYMPHOCYTE', 'pbc/LYMPHOCYTE/LY_1.jpg'), ...items], 'ERYTHROBLAST', 2)).toEqual(
      items.slice(0, 2),
    );
    expect(atlasExamples(items, 'BASOPHIL', 8)).toEqual([]);
  });
});
