import { describe, expect, it } from 'vitest';
import { igStage } from './ig-stage';

describe('igStage', () => {
  it('reads the stage from the PBC file name of an immature granulocyte', () => {
    expect(igStage({ label: 'IG', source: 'pbc/IG/PMY_386197.jpg' })).toBe('promyelocyte');
    expect(igStage({ label: 'IG', source: 'pbc/IG/MY_139492.jpg' })).toBe('myelocyte');
    expect(igStage({ label: 'IG', source: 'pbc/IG/MMY_346115.jpg' })).toBe('metamyelocyte');
  });

  it('leaves the stage unsaid where PBC does (IG_), or the name is not PBC’s', () => {
    expect(igStage({ label: 'IG', source: 'pbc/IG/IG_442572.jpg' })).toBeUndefined();
    expect(igStage({ label: 'IG', source: 'lab/IG/cell-7.jpg' })).toBeUndefined();
    expect(igStage({ label: 'IG', source: 'pbc/IG/MYELO_1.jpg' })).toBeUndefined();
  });

  it('gives no stage to another class, whatever its file is called', () => {
    expect(igStage({ label: 'NEUTROPHIL', source: 'pbc/NEUTROPHIL/MY_1.jpg' })).toBeUndefined();
    expect(igStage({ label: 'ERYTHROBLAST', source: 'pbc/ERYTHROBLAST/ERB_162713.jpg' })).toBeUndefined();
  });
});
