/**
 * Command-line benchmarks (issue 12). Run after `npm run build`: `npx tsx bench/cli.bench.ts`.
 * Prints two JSON lines per figure, wall clock and the command's own CPU time:
 * `{ name, medianMs, p95Ms, maxMs, samples, targetMs? }`.
 *
 * - node-startup: `node -e 0`, the floor every command stands on (no target; for context).
 * - version / card: `node bin/portal-writer.js --version` and `card <post>` as a user runs them,
 *   the built command (out/cli) with its staleness check. Target ≤ 300 ms each.
 * - check-600-posts: `check` over a generated 600-post blog (tests/helpers/generate-blog.ts),
 *   output to a pipe (no progress line). Target ≤ 5000 ms.
 * - check-changed-1-of-600: `check --changed main` on a branch that changed one post.
 */
import { spawnSync } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateBlog } from '../tests/helpers/generate-blog'
import { makeTempRepo, runGit } from '../tests/helpers/temp-repo'
import { stats } from './stats'

const BIN = fileURLToPath(new URL('../bin/portal-writer.js', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 15)

/** One run's wall-clock time and the CPU time (user + system) the command itself used. */
interface Sample {
  wall: number
  cpu: number
}

/**
 * Runs `node …args` in `cwd`, `runs` times after one warm-up run, under `/usr/bin/time` for the
 * child's CPU time: on a machine shared with other jobs the wall clock mostly measures the others.
 */
function time(args: string[], cwd: string, runs: number): Sample[] {
  const samples: Sample[] = []
  for (let i = -1; i < runs; i++) {
    const started = performance.now()
    const r = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en' },
    })
    const wall = performance.now() - started
    const cpuLine = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)
    if (r.status !== 0 || !cpuLine)
      throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
    if (i >= 0) samples.push({ wall, cpu: (Number(cpuLine[1]) + Number(cpuLine[2])) * 1000 })
  }
  return samples
}

function report(name: string, samples: Sample[], targetMs?: number): void {
  const target = targetMs ? { targetMs } : {}
  const wall = samples.map((s) => s.wall)
  const cpu = samples.map((s) => s.cpu)
  console.log(JSON.stringify({ name: `${name}: wall clock`, ...stats(wall), ...target }))
  console.log(JSON.stringify({ name: `${name}: CPU time (user + sys)`, ...stats(cpu), ...target }))
}

const repo = await makeTempRepo()
try {
  await generateBlog(repo, 600)
  await runGit(repo, ['init', '-q'])
  await runGit(repo, ['symbolic-ref', 'HEAD', 'refs/heads/main'])
  await runGit(repo, ['add', '-A'])
  await runGit(repo, ['commit', '-q', '-m', 'blog'])
  const post = 'source/blog/2015-01-01-post-0-rails.html.md'

  report('node-startup (node -e 0, for context)', time(['-e', '0'], repo, RUNS))
  report('portal-writer --version', time([BIN, '--version'], repo, RUNS), 300)
  report('portal-writer card <post>', time([BIN, 'card', post], repo, RUNS), 300)
  report(
    'portal-writer check, 600 posts',
    time([BIN, 'check'], repo, Math.max(3, Math.round(RUNS / 3))),
    5000,
  )

  await runGit(repo, ['switch', '-q', '-c', 'post/edit'])
  await writeFile(
    join(repo, post),
    '---\ntitle: 変更\ndate: 2015-01-01T10:00:00+09:00\ntags: [Go]\nauthors: [a]\n---\n\n本文\n',
  )
  report(
    'portal-writer check --changed main, 1 of 600 posts',
    time([BIN, 'check', '--changed', 'main'], repo, Math.max(3, Math.round(RUNS / 3))),
  )
} finally {
  await rm(repo, { recursive: true, force: true })
}
