import { describe, expect, it } from 'vitest';
import type { LabProfile } from '@/lib/storage/adaptation-storage';
import { labProfileJson, LabProfileFileError, parseLabProfileJson } from './lab-profile-file';

const profile: LabProfile = {
  name: 'Lab 2, Wright stain',
  id: 'lab.1a2b3c4d',
  modelVersion: '1.eb8df75c',
  createdAt: '2026-12-07T03:00:00.000Z',
  cellsPerClass: [3, 0, 4],
  adapted: {
    // Values a float32 cannot hold exactly as a short decimal: they must come back bit for bit.
    head: {
      features: 2,
      classes: 3,
      kernel: Float32Array.from([0.1, -0.2, 1 / 3, 2e-8, -7.25, 3.4e38]),
      bias: Float32Array.from([0.7, 0, -0.3]),
    },
    temperature: 1.0312,
    reviewThreshold: 0.61,
    reviewTarget: 0.97,
    ownCells: {
      cells: 7,
      folds: 3,
      adapted: { right: 6, unmarked: 5, unmarkedRight: 5 },
      shipped: { right: 3, unmarked: 2, unmarkedRight: 1 },
    },
  },
};

describe('lab profile files', () => {
  it('read back exactly what was written, weights bit for bit', () => {
    const back = parseLabProfileJson(labProfileJson(profile));
    expect(back).toEqual(profile);
    expect(back.adapted.head.kernel).toBeInstanceOf(Float32Array);
    expect(Buffer.from(back.adapted.head.kernel.buffer)).toEqual(Buffer.from(profile.adapted.head.kernel.buffer));
  });

  it('refuse another file, another format version and damaged weights, saying which', () => {
    const written = JSON.parse(labProfileJson(profile)) as Record<string, unknown> & {
      adapted: { head: { kernel: unknown[] } };
    };
    const variant = (change: (d: typeof written) => void) => {
      const copy = structuredClone(written);
      change(copy);
      return JSON.stringify(copy);
    };
    expect(() => parseLabProfileJson('{"cases": []}')).toThrow(/not a HematoVision lab profile/);
    expect(() => parseLabProfileJson('not json')).toThrow(LabProfileFileError);
    expect(() => parseLabProfileJson(variant((d) => (d.formatVersion = 2)))).toThrow(/newer format/);
    expect(() => parseLabProfileJson(variant((d) => d.adapted.head.kernel.pop()))).toThrow(/2 × 3 numbers/);
    expect(() => parseLabProfileJson(variant((d) => (d.adapted.head.kernel[0] = 'x')))).toThrow(/2 × 3 numbers/);
    expect(() => parseLabProfileJson(variant((d) => (d.id = 'lab.xyz')))).toThrow(/id/);
    expect(() => parseLabProfileJson(variant((d) => (d.name = '  ')))).toThrow(/no name/);
  });
});
