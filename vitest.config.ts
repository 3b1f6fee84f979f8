import { defineConfig } from 'vitest/config'

/** Unit and integration tests (Node). E2E lives in tests/e2e and runs under Playwright. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
})
