#!/usr/bin/env node
// `npm run bench`: runs every benchmark (after `npm run build`) and writes docs/BENCHMARKS.md.
// Benchmarks are not tests: they measure, print one JSON line per figure and never fail the build.
// Each line: { name, medianMs?, p95Ms?, maxMs?, valueMB?, rssMB?, targetMs?, targetMB?, targetOn?,
// note? } (`note`: free text shown in the "other" column).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

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
/** Figures whose target applies to the p95 rather than the median. */
const P95_TARGETS = [/keystroke/, /form edit/i, /frame/i]

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
    error: r.status === 0 ? null : `exit ${r.status}`,
  })
}

const fmt = (n, unit) =>
  typeof n === 'number' && Number.isFinite(n) ? `${Math.round(n * 100) / 100} ${unit}` : '–'
function verdict(row) {
  if (typeof row.targetMB === 'number') {
    const v = row.valueMB ?? row.rssMB
    return typeof v === 'number' ? (v <= row.targetMB ? 'meets' : '**misses**') : ''
  }
  if (typeof row.targetMs !== 'number') return ''
  const on = row.targetOn ?? (P95_TARGETS.some((re) => re.test(row.name)) ? 'p95' : 'median')
  const value = on === 'p95' ? row.p95Ms : on === 'max' ? row.maxMs : row.medianMs
  return typeof value === 'number'
    ? value <= row.targetMs
      ? `meets (${on})`
      : `**misses** (${on})`
    : ''
}

const chromium =
  spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? 'unknown'
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (after `npm run build`). Figures are wall-clock times on the machine',
  'below; the live-preview figures come from the real app in Chromium through the e2e harness.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium}`,
  '',
]
for (const s of sections) {
  lines.push(
    `## ${s.title} (issue ${s.issue})`,
    '',
    `\`${s.file}\`${s.seconds ? `, ${s.seconds.toFixed(0)} s` : ''}${s.error ? ` — **${s.error}**` : ''}`,
    '',
  )
  if (s.rows.length === 0) {
    lines.push('No figures.', '')
    continue
  }
  lines.push('| figure | median | p95 | other | target | result |', '|---|---|---|---|---|---|')
  for (const row of s.rows) {
    const other = [
      row.note ?? '',
      row.maxMs !== undefined ? `max ${fmt(row.maxMs, 'ms')}` : '',
      row.valueMB !== undefined ? fmt(row.valueMB, 'MB') : '',
      row.rssMB !== undefined ? `RSS ${fmt(row.rssMB, 'MB')}` : '',
      row.runs !== undefined
        ? `${row.runs} runs`
        : row.samples !== undefined
          ? `${row.samples} samples`
          : '',
    ]
      .filter(Boolean)
      .join(', ')
    const target =
      typeof row.targetMs === 'number'
        ? `≤ ${row.targetMs} ms`
        : typeof row.targetMB === 'number'
          ? `≤ ${row.targetMB} MB`
          : ''
    lines.push(
      `| ${row.name} | ${fmt(row.medianMs, 'ms')} | ${fmt(row.p95Ms, 'ms')} | ${other} | ${target} | ${verdict(row)} |`,
    )
  }
  lines.push('')
}
mkdirSync('docs', { recursive: true })
const notesFile = 'docs/BENCHMARKS.notes.md'
if (existsSync(notesFile)) lines.push(readFileSync(notesFile, 'utf8'))
writeFileSync('docs/BENCHMARKS.md', lines.join('\n') + '\n')
console.log('\nWrote docs/BENCHMARKS.md')
