import { defineConfig } from 'vitest/config';

// `npm run test:hostile`: the browser tests (headless Chromium); kept out of `npm test`, run by CI.
export default defineConfig({
  test: {
    include: ['test/chromium/**/*.chromium.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
