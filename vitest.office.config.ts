import { defineConfig } from 'vitest/config';

/**
 * `npm run test:office`: round trips through LibreOffice (headless), kept out of `npm test`
 * because LibreOffice is large and slow to start. Skips, with a message, where it is missing.
 */
export default defineConfig({
  test: {
    include: ['test/office/**/*.office.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
