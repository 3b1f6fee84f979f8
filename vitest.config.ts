import { defineConfig } from 'vitest/config'

// Tests commit with the real git; a fresh CI machine has no global identity. Environment variables
// give the test processes one without touching any git config file.
process.env.GIT_AUTHOR_NAME ??= 'Portal Writer Tests'
process.env.GIT_AUTHOR_EMAIL ??= 'tests@portal-writer.invalid'
process.env.GIT_COMMITTER_NAME ??= 'Portal Writer Tests'
process.env.GIT_COMMITTER_EMAIL ??= 'tests@portal-writer.invalid'

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
