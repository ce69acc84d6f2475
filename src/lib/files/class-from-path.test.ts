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
});
