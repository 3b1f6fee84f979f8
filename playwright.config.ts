import { defineConfig } from '@playwright/test'

// The app's services commit with the real git; a fresh CI machine has no global identity.
process.env.GIT_AUTHOR_NAME ??= 'Portal Writer Tests'
process.env.GIT_AUTHOR_EMAIL ??= 'tests@portal-writer.invalid'
process.env.GIT_COMMITTER_NAME ??= 'Portal Writer Tests'
process.env.GIT_COMMITTER_EMAIL ??= 'tests@portal-writer.invalid'

/**
 * End-to-end tests: the built renderer in Debian's Chromium with `window.portal` bound to the real
 * handler table (tests/e2e/harness). Build first (`npm run build`); `npm test` does.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // Playwright wipes outputDir at start: reports live elsewhere (reports/).
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
})
