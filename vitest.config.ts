import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Protocol tests spawn the real server; give slow first starts room without timing anything.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
