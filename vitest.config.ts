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
  },
});
