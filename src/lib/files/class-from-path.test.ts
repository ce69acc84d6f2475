import { describe, expect, it } from 'vitest';
import { classFromPath } from './class-from-path';

describe('classFromPath', () => {
  it('reads the class from the folder, in any case, singular or plural', () => {
    expect(classFromPath('lab/EOSINOPHIL/a.jpg')).toBe('EOSINOPHIL');
    expect(classFromPath('lab/lymphocytes/b.png')).toBe('LYMPHOCYTE');
    expect(classFromPath('Monocyte/c.bmp')).toBe('MONOCYTE');
  });

  it('takes the innermost class folder and ignores the file name', () => {
    expect(classFromPath('neutrophil/eosinophil/d.jpg')).toBe('EOSINOPHIL');
    expect(classFromPath('lab/other/neutrophil.jpg')).toBeUndefined();
    expect(classFromPath('e.jpg')).toBeUndefined();
  });

  it('reads immature granulocytes by their code, their name or any of their stages', () => {
    for (const folder of [
      'IG',
      'igs',
      'Immature granulocytes',
      'immature_granulocyte',
      'Immature-Granulocytes (IG)',
      'promyelocytes',
      'Myelocyte',
      'METAMYELOCYTES',
    ]) {
      expect(classFromPath(`lab/${folder}/PMY_1.jpg`), folder).toBe('IG');
    }
  });

  it('reads nucleated red cells by any of the names a lab gives them', () => {
    for (const folder of [
      'ERYTHROBLAST',
      'erythroblasts',
      'NRBC',
      'nrbcs',
      'Nucleated red cells',
      'nucleated_red_blood_cells',
      'Nucleated RBC',
      'nucleated red',
      'normoblasts',
    ]) {
      expect(classFromPath(`lab/${folder}/a.jpg`), folder).toBe('ERYTHROBLAST');
    }
  });

  it('takes no folder for a class that only resembles one', () => {
    for (const folder of ['my', 'MY', 'PMY', 'red cells', 'granulocytes', 'immature', 'nucleated', 'igg', 'blasts']) {
      expect(classFromPath(`lab/${folder}/a.jpg`), folder).toBeUndefined();
    }
  });
});
