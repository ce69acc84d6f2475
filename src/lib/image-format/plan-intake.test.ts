import { describe, expect, it } from 'vitest';
import { containsEndMarker } from './inspect-file';
import { GRAYSCALE_NOTE, planIntake, type FileFacts } from './plan-intake';

const facts = (f: Partial<FileFacts>): FileFacts => ({ name: 'x.jpg', size: 1000, kind: 'jpeg', ...f });

describe('planIntake', () => {
  it('accepts a normal photo without notes', () => {
    expect(planIntake(facts({ header: { width: 640, height: 480, channels: 3 }, hasJpegEnd: true }))).toEqual({
      ok: true,
      notes: [],
    });
  });

  it('decodes a huge image at reduced size and says so', () => {
    const plan = planIntake(facts({ header: { width: 12000, height: 6000, channels: 3 }, hasJpegEnd: true }));
    expect(plan).toMatchObject({ ok: true, resize: { width: 4096, height: 2048 } });
    expect(plan.ok && plan.notes[0]).toMatch(/12000×6000.*4096×2048/);
  });

  it.each([
    [facts({ kind: 'empty', size: 0 }), /empty/],
    [facts({ kind: 'heic' }), /HEIC/],
    [facts({ kind: 'tiff' }), /TIFF/],
    [facts({ kind: 'pdf' }), /PDF/],
    [facts({ kind: 'text', name: 'cells.jpg' }), /text file.*\.jpg/],
    [facts({ kind: 'unknown' }), /not a recognised image/i],
    [facts({ hasJpegEnd: false, header: { width: 640, height: 480 } }), /truncated/],
    [facts({ kind: 'png', header: { width: 1, height: 1 } }), /1×1/],
    [facts({ kind: 'png', header: { width: 70000, height: 70000 } }), /too large/],
  ])('refuses %o', (f, message) => {
    const plan = planIntake(f);
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toMatch(message);
  });

  it('notes CMYK, grayscale and transparency but still analyses', () => {
    const cmyk = planIntake(facts({ header: { width: 320, height: 240, channels: 4 }, hasJpegEnd: true }));
    expect(cmyk.ok && cmyk.notes.join()).toMatch(/CMYK/);
    const grey = planIntake(facts({ kind: 'png', header: { width: 320, height: 240, channels: 1 } }));
    expect(grey.ok && grey.notes).toEqual([GRAYSCALE_NOTE]);
    const alpha = planIntake(facts({ kind: 'png', header: { width: 320, height: 240, channels: 4, hasAlpha: true } }));
    expect(alpha.ok && alpha.notes.join()).toMatch(/transparen/);
    const animated = planIntake(facts({ kind: 'gif', header: { width: 320, height: 240, animated: true } }));
    expect(animated.ok && animated.notes.join()).toMatch(/Animated GIF: only its first frame/);
  });
});

describe('containsEndMarker', () => {
  it('finds FF D9 even with padding after it', () => {
    expect(containsEndMarker(Uint8Array.from([1, 0xff, 0xd9, 0, 0]))).toBe(true);
    expect(containsEndMarker(Uint8Array.from([1, 0xff, 0xd8, 0xd9]))).toBe(false);
  });
});
