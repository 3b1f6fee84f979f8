import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { DOC_HEADER, mergeBenchmarks, type BenchSection } from '../../../bench/benchmarks-doc'

const RUN_SCRIPT = resolve(__dirname, '../../../bench/run.mjs')
const run = { date: new Date('2026-12-07T18:30:00Z'), machine: '2 × test CPU' }

const begin = (file: string) =>
  `<!-- npm run bench: ${file} (begin; rewritten by the next run, write outside) -->`
const end = (file: string) => `<!-- npm run bench: ${file} (end) -->`

/** A document as a writer of the benchmarks leaves it: two generated blocks, hand-written history. */
const HAND_HISTORY = [
  '### Session 13: what a keystroke costs',
  '',
  'Measured by hand with `bench/tools/loaf.ts`; | a table | kept |',
  '',
  '| typing | before | after |',
  '|---|---|---|',
  '| p95 | 40.7 | 23.5 |',
].join('\n')
const NOTES = '## Notes on method\n\n- Load matters on 2 cores.\n'
const DOC = [
  DOC_HEADER,
  '## Live preview (issue 2)',
  '',
  begin('bench/preview.bench.ts'),
  '`bench/preview.bench.ts`, run 2026-11-28 14:32 UTC, 59 s on 2 × old CPU',
  '',
  '| figure | median | p95 | other | target | result |',
  '|---|---|---|---|---|---|',
  '| keystroke → preview updated, 5k chars | 3.5 ms | 7.2 ms |  |  |  |',
  end('bench/preview.bench.ts'),
  '',
  HAND_HISTORY,
  '',
  '## Feed card (issue 3)',
  '',
  begin('bench/card.bench.mjs'),
  '`bench/card.bench.mjs`, run 2026-11-28 14:33 UTC, 4 s on 2 × old CPU',
  '',
  '| figure | median | p95 | other | target | result |',
  '|---|---|---|---|---|---|',
  '| card: old figure | 0.43 ms | 0.53 ms | 300 runs | ≤ 5 ms | meets (median) |',
  end('bench/card.bench.mjs'),
  '',
  NOTES,
].join('\n')

const section = (over: Partial<BenchSection>): BenchSection => ({
  file: 'bench/card.bench.mjs',
  title: 'Feed card',
  issue: 3,
  rows: [{ name: 'card: new figure', medianMs: 0.31, p95Ms: 0.4, targetMs: 5, runs: 300 }],
  seconds: 3.2,
  error: null,
  ...over,
})

describe('npm run bench keeps what is written by hand in docs/BENCHMARKS.md', () => {
  const dirs: string[] = []
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
  })

  it('a run of one benchmark rewrites its table and nothing else (the real script)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-bench-doc-'))
    dirs.push(dir)
    await mkdir(join(dir, 'docs'))
    await mkdir(join(dir, 'bench'))
    await writeFile(join(dir, 'docs/BENCHMARKS.md'), DOC)
    // A benchmark that measures nothing: it prints the figure the collector must write.
    await writeFile(
      join(dir, 'bench/card.bench.mjs'),
      `console.log(JSON.stringify({ name: 'card: figure of this run', medianMs: 0.29, p95Ms: 0.38, targetMs: 5, runs: 300 }))\n`,
    )
    await promisify(execFile)(process.execPath, [RUN_SCRIPT, 'card'], { cwd: dir })
    const after = await readFile(join(dir, 'docs/BENCHMARKS.md'), 'utf8')

    expect(after).toContain(HAND_HISTORY)
    expect(after).toContain(NOTES)
    // The preview's block was not run: its figures stay, with their date.
    expect(after).toContain('| keystroke → preview updated, 5k chars | 3.5 ms | 7.2 ms |  |  |  |')
    expect(after).toContain('run 2026-11-28 14:32 UTC, 59 s on 2 × old CPU')
    // The card's block holds this run's figure only, once.
    expect(after).toContain(
      '| card: figure of this run | 0.29 ms | 0.38 ms | 300 runs | ≤ 5 ms | meets (median) |',
    )
    expect(after).not.toContain('card: old figure')
    expect(after.split(begin('bench/card.bench.mjs')).length).toBe(2)
    // Outside the card's block, the document is what it was, line for line.
    const outside = (doc: string) =>
      doc.replace(
        /(bench\/card\.bench\.mjs \(begin[^\n]*\n)[\s\S]*?(\n<!-- npm run bench: bench\/card)/,
        '$1$2',
      )
    expect(outside(after)).toBe(outside(DOC))
  })

  it('each table says when its own benchmark ran', () => {
    const doc = mergeBenchmarks(
      DOC,
      [
        section({ date: new Date('2026-12-07T18:03:00Z') }),
        section({
          file: 'bench/preview.bench.ts',
          title: 'Live preview',
          issue: 2,
          date: new Date('2026-12-07T18:09:00Z'),
        }),
      ],
      run,
    )
    expect(doc).toContain('`bench/card.bench.mjs`, run 2026-12-07 18:03 UTC')
    expect(doc).toContain('`bench/preview.bench.ts`, run 2026-12-07 18:09 UTC')
  })

  it('running again rewrites the block in place, so a document settles', () => {
    const once = mergeBenchmarks(DOC, [section({})], run)
    expect(mergeBenchmarks(once, [section({})], run)).toBe(once)
    expect(once).toContain('`bench/card.bench.mjs`, run 2026-12-07 18:30 UTC, 3 s on 2 × test CPU')
    expect(once).toContain(
      '| card: new figure | 0.31 ms | 0.4 ms | 300 runs | ≤ 5 ms | meets (median) |',
    )
  })

  it('a run that printed nothing keeps the last figures and says whose they are', () => {
    const failed = mergeBenchmarks(DOC, [section({ rows: [], error: 'exit 1' })], run)
    expect(failed).toContain('run 2026-12-07 18:30 UTC, 3 s on 2 × test CPU — **exit 1**')
    expect(failed).toContain(
      'No figures from this run. The last figures, from `bench/card.bench.mjs`, run 2026-11-28 14:33 UTC, 4 s on 2 × old CPU:',
    )
    expect(failed).toContain('| card: old figure | 0.43 ms |')
    // Failing twice still names the run the figures came from, not the failed one.
    const twice = mergeBenchmarks(failed, [section({ rows: [], error: 'exit 2' })], run)
    expect(twice).toContain('| card: old figure | 0.43 ms |')
    expect(twice).toContain(
      'The last figures, from `bench/card.bench.mjs`, run 2026-11-28 14:33 UTC',
    )
  })

  it('a benchmark without a block yet gets its section before the notes on method', () => {
    const doc = mergeBenchmarks(
      DOC,
      [section({ file: 'bench/cli.bench.ts', title: 'portal-writer command', issue: 12 })],
      run,
    )
    const heading = doc.indexOf('## portal-writer command (issue 12)')
    expect(heading).toBeGreaterThan(doc.indexOf('## Feed card (issue 3)'))
    expect(heading).toBeLessThan(doc.indexOf('## Notes on method'))
    expect(doc.indexOf(begin('bench/cli.bench.ts'))).toBeGreaterThan(heading)
    expect(doc).toContain(HAND_HISTORY)
  })

  it('a new document starts with the header; a | in a figure stays inside its cell', () => {
    const doc = mergeBenchmarks(
      null,
      [section({ rows: [{ name: 'a | b', note: 'x | y', medianMs: 1 }] })],
      run,
    )
    expect(doc.startsWith('# Benchmarks\n')).toBe(true)
    expect(doc).toContain('| a \\| b | 1 ms | – | x \\| y |  |  |')
  })
})
