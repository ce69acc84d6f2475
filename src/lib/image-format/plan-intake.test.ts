import { describe, expect, it } from 'vitest';
import { containsEndMarker } from './inspect-file';
import { FULL_DECODE_MAX_PIXELS, GRAYSCALE_NOTE, planIntake, type FileFacts } from './plan-intake';
import { READABLE_FORMATS } from './readable-formats';

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
    [facts({ kind: 'tiff', header: { width: 640, height: 480, bitsPerSample: 32 } }), /32-bit samples/],
    [facts({ kind: 'tiff', header: { width: 640, height: 480, separatePlanes: true } }), /separate plane/],
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

describe('planIntake: phone photos and memory', () => {
  it('plans the reduced size of a rotated phone photo from the picture as shown, not as stored', () => {
    // 6400×4800 stored, orientation 6: the photo is 4800 wide and 6400 high.
    const plan = planIntake(
      facts({ header: { width: 6400, height: 4800, channels: 3, orientation: 6 }, hasJpegEnd: true }),
    );
    expect(plan).toMatchObject({ ok: true, resize: { width: 3072, height: 4096 } });
    expect(plan.ok && plan.notes[0]).toMatch(/4800×6400.*3072×4096/);
    for (const orientation of [5, 7, 8]) {
      const turned = planIntake(facts({ header: { width: 6400, height: 4800, orientation }, hasJpegEnd: true }));
      expect(turned).toMatchObject({ resize: { width: 3072, height: 4096 } });
    }
    const mirrored = planIntake(facts({ header: { width: 6400, height: 4800, orientation: 2 }, hasJpegEnd: true }));
    expect(mirrored).toMatchObject({ resize: { width: 4096, height: 3072 } });
  });

  it.each(['png', 'tiff', 'bmp', 'webp', 'gif', 'avif'] as const)(
    'refuses a %s beyond what it can decode within the memory budget, naming format, size and cap',
    (kind) => {
      const cap = FULL_DECODE_MAX_PIXELS;
      const side = Math.ceil(Math.sqrt(cap)) + 1;
      const plan = planIntake(facts({ kind, name: `x.${kind}`, header: { width: side, height: side } }));
      expect(plan.ok).toBe(false);
      const message = plan.ok ? '' : plan.message;
      expect(message.toLowerCase()).toContain(kind);
      expect(message).toContain(`${side}×${side}`);
      expect(message).toContain(`${Math.round(cap / 1e6)} megapixels`);
      const inside = Math.floor(Math.sqrt(cap));
      expect(planIntake(facts({ kind, header: { width: inside, height: inside } })).ok).toBe(true);
    },
  );

  it('still takes a 20000×20000 JPEG, which the browser decodes at reduced scale', () => {
    const plan = planIntake(facts({ header: { width: 20000, height: 20000, channels: 3 }, hasJpegEnd: true }));
    expect(plan).toMatchObject({ ok: true, resize: { width: 4096, height: 4096 }, scaledDecode: true });
    const png = planIntake(facts({ kind: 'png', header: { width: 8000, height: 6000 } }));
    expect(png).toMatchObject({ ok: true, resize: { width: 4096, height: 3072 } });
    expect(png.ok && png.scaledDecode).toBeFalsy();
  });

  it('notes an animated WebP and names its format', () => {
    const plan = planIntake(
      facts({ kind: 'webp', header: { width: 640, height: 480, animated: true, hasAlpha: false } }),
    );
    expect(plan.ok && plan.notes).toEqual(['Animated WebP: only its first frame was analysed.']);
  });
});

describe('planIntake: the formats it reads', () => {
  it('sends a TIFF to the worker’s decoder, with the same caps and reduction as a PNG', () => {
    const tiff = planIntake(facts({ kind: 'tiff', name: 'field.tif', header: { width: 8000, height: 6000 } }));
    expect(tiff).toMatchObject({ ok: true, workerDecode: true, resize: { width: 4096, height: 3072 } });
    const small = planIntake(facts({ kind: 'tiff', header: { width: 1600, height: 1200, bitsPerSample: 16 } }));
    expect(small).toEqual({ ok: true, workerDecode: true, notes: [] });
  });

  it('names exactly the formats it reads when it refuses an SVG or an unknown file', () => {
    for (const kind of ['svg', 'unknown'] as const) {
      const plan = planIntake(facts({ kind }));
      const message = plan.ok ? '' : plan.message;
      const named = message.match(/\b(JPEG|PNG|TIFF|BMP|WebP|AVIF|GIF|HEIC|PDF)\b/g) ?? [];
      expect(named.sort()).toEqual(READABLE_FORMATS.map((f) => f.name).sort());
    }
  });

  it('says a text file named like any readable image is text', () => {
    for (const name of ['a.tif', 'b.TIFF', 'c.avif', 'd.jpeg']) {
      const plan = planIntake(facts({ kind: 'text', name }));
      expect(plan.ok ? '' : plan.message).toContain(`despite its ${name.slice(name.indexOf('.'))} name`);
    }
  });
});

describe('containsEndMarker', () => {
  it('finds FF D9 even with padding after it', () => {
    expect(containsEndMarker(Uint8Array.from([1, 0xff, 0xd9, 0, 0]))).toBe(true);
    expect(containsEndMarker(Uint8Array.from([1, 0xff, 0xd8, 0xd9]))).toBe(false);
  });
});
