import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in tsconfig.base.json's paths.
  resolve: {
    alias: { '@': resolve(import.meta.dirname, 'src'), '@testkit': resolve(import.meta.dirname, 'testkit') },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'testkit/**/*.test.ts'],
    environment: 'node',
    // On 2 cores busy with other work, files run side by side and a test that takes 1 s alone can
    // take 10: the limit is for a test that hangs, not a slow machine. Model and image tests set
    // their own.
    testTimeout: 15_000,
  },
});
