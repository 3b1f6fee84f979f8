#!/usr/bin/env node
// The README's one test command: typecheck, lint, build, Vitest, Playwright E2E.
// Prints one closing line `N passed, N failed, N skipped` summed over both runners' JSON reports,
// and exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['e2e', 'npx', ['playwright', 'test']],
]

rmSync('reports', { recursive: true, force: true })
mkdirSync('reports', { recursive: true })
const failedSteps = []
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (r.status !== 0) failedSteps.push(name)
  // Without a build the E2E run would only test a stale or missing renderer.
  if (name === 'build' && r.status !== 0) break
}

let passed = 0
let failed = 0
let skipped = 0
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
  passed += v.numPassedTests ?? 0
  failed += v.numFailedTests ?? 0
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
}
if (existsSync('reports/playwright.json')) {
  const p = JSON.parse(readFileSync('reports/playwright.json', 'utf8'))
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0)
  failed += p.stats?.unexpected ?? 0
  skipped += p.stats?.skipped ?? 0
}
// A failed typecheck, lint or build step counts as a failure of its own.
const stepFailures = failedSteps.filter((s) => s !== 'unit' && s !== 'e2e').length
failed += stepFailures
if (failedSteps.includes('unit') && !existsSync('reports/vitest.json')) failed += 1
if (failedSteps.includes('e2e') && !existsSync('reports/playwright.json')) failed += 1
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || failedSteps.length > 0 || passed === 0 ? 1 : 0)
