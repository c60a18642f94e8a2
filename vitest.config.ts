import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'main/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/contract/**/*.test.ts',
      'test/lint/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/mirror/**/*.test.ts',
      'test/analysis/**/*.test.ts',
      'test/sandbox/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/packaging/**/*.test.ts',
      'test/fuzz/**/*.test.ts',
      'test/bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores on our machines: keep the packaging build from starving servers under test.
    maxWorkers: 2,
  },
});
