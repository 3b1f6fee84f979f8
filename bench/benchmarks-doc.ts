/**
 * docs/BENCHMARKS.md as `npm run bench` writes it: each benchmark's figures sit in a block between
 * two markers, and only those blocks are rewritten. Everything outside them (each issue's history
 * of measurements, the notes on method) is written by hand and kept as it is, byte for byte.
 * A run of some benchmarks only (`npm run bench -- preview`) rewrites their blocks and no other.
 */

/** One JSON line printed by a benchmark (see bench/run.mjs). */
export interface BenchRow {
  name: string
  medianMs?: number
  p95Ms?: number
  maxMs?: number
  valueMB?: number
  rssMB?: number
  targetMs?: number
  targetMB?: number
  targetOn?: 'median' | 'p95' | 'max'
  note?: string
  runs?: number
  samples?: number
}

/** What one benchmark's run gave. */
export interface BenchSection {
  file: string
  title: string
  issue: number
  rows: BenchRow[]
  seconds?: number
  /** When this benchmark started (the run's date when absent). */
  date?: Date
  /** Why the run did not finish as it should (`missing`, `exit 1`…); null when it did. */
  error: string | null
}

/** When and where the figures were taken: written into each block, so partial runs stay honest. */
export interface RunContext {
  date: Date
  machine: string
}

export const DOC_HEADER = [
  '# Benchmarks',
  '',
  'Figures from `npm run bench` (after `npm run build`): wall-clock times on the machine named',
  'beside each table; the live-preview figures come from the real app in Chromium through the e2e',
  'harness. Each table between `npm run bench` markers is rewritten by the next run of its',
  'benchmark; everything else here is written by hand from the benchmarks and diagnostics named in',
  'it, and `npm run bench` keeps it as it is.',
  '',
].join('\n')

/** Figures whose target applies to the p95 rather than the median. */
const P95_TARGETS = [/keystroke/, /form edit/i, /frame/i]

const beginMarker = (file: string): string =>
  `<!-- npm run bench: ${file} (begin; rewritten by the next run, write outside) -->`
const endMarker = (file: string): string => `<!-- npm run bench: ${file} (end) -->`

const fmt = (n: number | undefined, unit: string): string =>
  typeof n === 'number' && Number.isFinite(n) ? `${Math.round(n * 100) / 100} ${unit}` : '–'

function verdict(row: BenchRow): string {
  if (typeof row.targetMB === 'number') {
    const v = row.valueMB ?? row.rssMB
    return typeof v === 'number' ? (v <= row.targetMB ? 'meets' : '**misses**') : ''
  }
  if (typeof row.targetMs !== 'number') return ''
  const on = row.targetOn ?? (P95_TARGETS.some((re) => re.test(row.name)) ? 'p95' : 'median')
  const value = on === 'p95' ? row.p95Ms : on === 'max' ? row.maxMs : row.medianMs
  if (typeof value !== 'number') return ''
  return value <= row.targetMs ? `meets (${on})` : `**misses** (${on})`
}

function tableLines(rows: BenchRow[]): string[] {
  const lines = ['| figure | median | p95 | other | target | result |', '|---|---|---|---|---|---|']
  for (const row of rows) {
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
    // A `|` inside a figure's name or note would split its table cell.
    const cell = (s: string): string => s.replace(/\|/g, '\\|')
    lines.push(
      `| ${cell(row.name)} | ${fmt(row.medianMs, 'ms')} | ${fmt(row.p95Ms, 'ms')} | ${cell(other)} | ${target} | ${verdict(row)} |`,
    )
  }
  return lines
}

/** Where a benchmark's block is in the document, as line indexes of its two markers. */
function findBlock(lines: string[], file: string): { begin: number; end: number } | null {
  const begin = lines.indexOf(beginMarker(file))
  if (begin < 0) return null
  const end = lines.indexOf(endMarker(file), begin + 1)
  return end < 0 ? null : { begin, end }
}

const NO_FIGURES = 'No figures from this run. The last figures, from '

/** The lines inside a block for this run. `previous`: the block's lines from the last run. */
function blockLines(s: BenchSection, run: RunContext, previous: string[] | null): string[] {
  const when = (s.date ?? run.date).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  const took = s.seconds ? `, ${s.seconds.toFixed(0)} s` : ''
  const failed = s.error ? ` — **${s.error}**` : ''
  const lines = [`\`${s.file}\`, run ${when}${took} on ${run.machine}${failed}`, '']
  if (s.rows.length > 0) return [...lines, ...tableLines(s.rows)]
  // A run that printed nothing must not wipe the last figures: keep them, saying whose they are.
  const lastTable = (previous ?? []).filter((l) => l.startsWith('|'))
  if (lastTable.length === 0) return [...lines, 'No figures.']
  // After several failed runs in a row, the figures are still those of the last run that gave some.
  const carried = (previous ?? []).find((l) => l.startsWith(NO_FIGURES))
  const lastRun = (previous ?? []).find((l) => l.startsWith('`'))?.replace(/ — \*\*.*$/, '')
  return [...lines, carried ?? `${NO_FIGURES}${lastRun ?? 'an earlier run'}:`, '', ...lastTable]
}

/**
 * The document after a run: each section's block rewritten in place; a benchmark without a block
 * yet gets a heading and a block, before the notes on method (or at the end). `existing` null: a
 * new document.
 */
export function mergeBenchmarks(
  existing: string | null,
  sections: BenchSection[],
  run: RunContext,
): string {
  const lines = (existing ?? DOC_HEADER).replace(/\n+$/, '').split('\n')
  for (const s of sections) {
    const at = findBlock(lines, s.file)
    if (at) {
      const previous = lines.slice(at.begin + 1, at.end)
      lines.splice(at.begin + 1, at.end - at.begin - 1, ...blockLines(s, run, previous))
      continue
    }
    const block = [
      `## ${s.title} (issue ${s.issue})`,
      '',
      beginMarker(s.file),
      ...blockLines(s, run, null),
      endMarker(s.file),
      '',
    ]
    const notes = lines.findIndex((l) => l.startsWith('## Notes on method'))
    if (notes >= 0) lines.splice(notes, 0, ...block)
    else lines.push('', ...block)
  }
  return lines.join('\n').replace(/\n*$/, '\n')
}
