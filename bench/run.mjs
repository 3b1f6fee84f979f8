#!/usr/bin/env node
// `npm run bench`: runs every benchmark (after `npm run build`) and writes their figures into
// docs/BENCHMARKS.md, each in its own block (bench/benchmarks-doc.ts); what is written by hand
// around the blocks stays. `npm run bench -- preview card` runs only the benchmarks named.
// Benchmarks are not tests: they measure, print one JSON line per figure and never fail the build.
// Each line: { name, medianMs?, p95Ms?, maxMs?, valueMB?, rssMB?, targetMs?, targetMB?, targetOn?,
// note? } (`note`: free text shown in the "other" column).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { tsImport } from 'tsx/esm/api'

const { mergeBenchmarks } = await tsImport('./benchmarks-doc.ts', import.meta.url)

const BENCHES = [
  {
    file: 'bench/preview.bench.ts',
    title: 'Live preview (Chromium, real app through the e2e harness)',
    issue: 2,
  },
  { file: 'bench/card.bench.mjs', title: 'Feed card', issue: 3 },
  { file: 'bench/metadata.bench.ts', title: 'Metadata forms and suggestions', issue: 4 },
  { file: 'bench/eyecatch.bench.ts', title: 'Eyecatch export (sharp)', issue: 5 },
  {
    file: 'bench/publish.bench.ts',
    title: 'Publishing (real git, loopback HTTP remote)',
    issue: 6,
  },
  { file: 'bench/journal.bench.ts', title: 'Crash-recovery journal and typing', issue: 9 },
  { file: 'bench/cli.bench.ts', title: 'portal-writer command: start-up and check', issue: 12 },
  {
    file: 'bench/proofread.bench.ts',
    title: 'Proofreading (textlint in the worker; real app)',
    issue: 13,
  },
]
const only = process.argv.slice(2)
const sections = []
for (const bench of BENCHES) {
  if (only.length && !only.some((o) => bench.file.includes(o))) continue
  if (!existsSync(bench.file)) {
    sections.push({ ...bench, rows: [], error: 'missing' })
    continue
  }
  const [cmd, args] = bench.file.endsWith('.mjs')
    ? ['node', [bench.file]]
    : ['npx', ['tsx', bench.file]]
  console.log(`\n=== ${bench.file}`)
  const started = Date.now()
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 20 * 60_000,
  })
  process.stderr.write(r.stderr ?? '')
  const rows = (r.stdout ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l)
      } catch {
        return null
      }
    })
    .filter(Boolean)
  for (const row of rows) console.log(JSON.stringify(row))
  sections.push({
    ...bench,
    rows,
    seconds: (Date.now() - started) / 1000,
    date: new Date(started),
    error: r.status === 0 ? null : `exit ${r.status}`,
  })
}

const chromium =
  spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'unknown'
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium}`
const file = 'docs/BENCHMARKS.md'
mkdirSync('docs', { recursive: true })
const existing = existsSync(file) ? readFileSync(file, 'utf8') : null
writeFileSync(file, mergeBenchmarks(existing, sections, { date: new Date(), machine }))
console.log(`\nWrote the figures of ${sections.length} benchmark(s) into ${file}`)
