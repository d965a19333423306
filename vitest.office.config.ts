import { defineConfig } from 'vitest/config';

// `npm run test:office`: the Word export rendered by a real office suite (LibreOffice, headless) and read back
// with poppler's pdftotext; kept out of `npm test` (external tools), run by CI (.ci/run installs both).
export default defineConfig({
  test: {
    include: ['test/office/**/*.office.ts'],
    // A cold LibreOffice start converts all documents in one run: give it room without timing anything.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
