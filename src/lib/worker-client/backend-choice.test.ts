import { describe, expect, it } from 'vitest';
import { forcedBackend, wasmThreadsAllowed } from './backend-choice';

describe('forcedBackend', () => {
  it('reads ?backend= and ignores unknown values', () => {
    expect(forcedBackend('?backend=wasm')).toBe('wasm');
    expect(forcedBackend('?x=1&backend=WebGL')).toBe('webgl');
    expect(forcedBackend('?backend=cpu')).toBe('cpu');
    expect(forcedBackend('?backend=webgpu')).toBeUndefined();
    expect(forcedBackend('')).toBeUndefined();
  });
});

describe('wasmThreadsAllowed', () => {
  it('is true unless ?threads=off', () => {
    expect(wasmThreadsAllowed('')).toBe(true);
    expect(wasmThreadsAllowed('?backend=wasm')).toBe(true);
    expect(wasmThreadsAllowed('?backend=wasm&threads=off')).toBe(false);
    expect(wasmThreadsAllowed('?threads=OFF')).toBe(false);
  });
});
