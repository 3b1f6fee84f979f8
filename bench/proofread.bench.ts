/**
 * Proofreading (issue 13). Node part: the real ProofreadService with the BUILT worker
 * (out/main/proofread-worker.js) — first full lint of 5k / 50k posts as the editor drives it (answers
 * within the 200 ms budget, asked again until complete), cold (fresh worker, dictionary load
 * included) and warm; request → findings for an edited paragraph at 50k. Chromium part: the real
 * app through the e2e harness — keystroke → next frame while the first full lint of a 50k post
 * runs, and pause → underline for a typed finding at 50k (debounce included).
 * Prints one JSON line per figure.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WorkerLintHost } from '../src/main/services/proofread/lint-host'
import { ProofreadService } from '../src/main/services/proofread/service'
import { launchApp } from '../tests/e2e/harness/launch-app'
import { stats } from './stats'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WORKER = join(ROOT, 'out/main/proofread-worker.js')
const DICT = join(ROOT, 'node_modules/kuromoji/dict')

const SENTENCES = [
  'この記事では、私たちのチームが取り組んだ改善の流れを紹介します。',
  '最初に困っていたのは、夜間のバッチ処理が朝まで終わらないことでした。',
  'キューの設計を見直し、処理を小さな単位に分けることができました。',
  '数字で見ると、処理時間は約 40% 短くなり、アラートの件数も半分以下になりました。',
  'レビューでは **「なぜこの順番なのか」** を必ず書き残すようにしています。',
  '詳しくは [公式ドキュメント](https://example.com/docs) と `config/queue.yml` を参照してください。',
  'githubのActionsで動かしているので、誰でも見れるようにしました。',
]

function post(chars: number): string {
  const parts = ['---', 'title: "ベンチマーク"', 'date: 2026-11-10T10:00:00+09:00', '---', '']
  let size = 0
  for (let i = 0; size < chars; i++) {
    const block = [
      `## 第${i + 1}章 改善の記録`,
      '',
      SENTENCES.slice(i % 4, (i % 4) + 3).join(''),
      '',
      SENTENCES.slice((i + 2) % 5, ((i + 2) % 5) + 2).join(''),
      '',
      '- 準備をする\n- 計測する\n- 振り返る',
      '',
      i % 3 === 0
        ? '```ruby\nclass QueueJob\n  def perform(id) = Item.find(id).process!\nend\n```\n'
        : '',
    ].join('\n')
    parts.push(block)
    size += block.length
  }
  return parts.join('\n')
}

const emit = (row: Record<string, unknown>) => console.log(JSON.stringify(row))

function makeService(host: WorkerLintHost, root: string) {
  return new ProofreadService({
    root: () => root,
    host,
    disabledRules: () => [],
    saveDisabledRules: async () => undefined,
  })
}

async function fullLint(service: ProofreadService, text: string): Promise<number> {
  const t0 = performance.now()
  for (;;) {
    const r = await service.lint({ path: 'p.md', text, scope: 'paragraphs', cursor: 0 })
    if (r.kind === 'ok' && r.complete) return performance.now() - t0
    if (r.kind === 'error') throw new Error(r.message.en)
  }
}

async function nodePart(root: string, full: boolean): Promise<void> {
  if (full)
    for (const [size, runs] of [
      [5000, 3],
      [50000, 2],
    ] as const) {
      const text = post(size)
      const cold: number[] = []
      const warm: number[] = []
      for (let i = 0; i < runs; i++) {
        const host = new WorkerLintHost({ workerFile: WORKER, dicPath: DICT })
        cold.push(await fullLint(makeService(host, root), text))
        warm.push(await fullLint(makeService(host, root), text))
        await host.dispose()
      }
      emit({
        name: `first full lint, ${size / 1000}k post, fresh worker (dictionary load included)`,
        ...stats(cold),
        runs,
      })
      emit({ name: `full lint, ${size / 1000}k post, worker already loaded`, ...stats(warm), runs })
    }
  // Edit → findings for that paragraph at 50k, main side (request to answer).
  const host = new WorkerLintHost({ workerFile: WORKER, dicPath: DICT })
  const service = makeService(host, root)
  let text = post(50000)
  await fullLint(service, text)
  const latencies: number[] = []
  for (let i = 0; i < 25; i++) {
    const paragraphs = [...text.matchAll(/^この記事では/gm)].map((m) => m.index!)
    const at = paragraphs[(i * 7) % paragraphs.length]!
    text = `${text.slice(0, at)}javascriptで${text.slice(at)}`
    const t0 = performance.now()
    const r = await service.lint({ path: 'p.md', text, scope: 'paragraphs', cursor: at })
    const ms = performance.now() - t0
    if (r.kind !== 'ok' || !r.findings.some((f) => f.from === at && f.ruleId === 'prh')) {
      throw new Error('the edited paragraph has no finding')
    }
    latencies.push(ms)
  }
  emit({
    name: 'edit → findings of that paragraph, 50k post (main: request to answer)',
    ...stats(latencies),
    targetMs: 300,
    targetOn: 'p95',
  })
  await host.dispose()
}

async function appPart(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-bench-proofread-'))
  await mkdir(join(repo, 'source/blog'), { recursive: true })
  await writeFile(
    join(repo, 'source/blog/2026-11-10-bench-50k.html.md'),
    post(50000).replace('ベンチマーク', 'ベンチマーク 50k'),
  )
  const app = await launchApp({ repo })
  const { page } = app
  try {
    await page.getByRole('tab', { name: '校正' }).click()
    await page.getByRole('listbox').getByRole('option', { name: 'ベンチマーク 50k' }).click()
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    // Frame intervals while typing (string: tsx would wrap a named callback in a helper the page lacks).
    await page.evaluate(`(() => {
      const f = { last: 0, gaps: [], on: false }
      window.__gaps = f
      const tick = (t) => {
        if (f.on && f.last > 0) f.gaps.push(t - f.last)
        f.last = t
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })()`)
    const gaps = async (on: boolean): Promise<number[]> =>
      page.evaluate(
        `(() => { const f = window.__gaps; const g = f.gaps; f.gaps = []; f.on = ${on}; f.last = 0; return g })()`,
      )
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __linting: number }
      w.__frames = []
      w.__linting = 0
      document.addEventListener(
        'beforeinput',
        () => {
          const t0 = performance.now()
          // Whether the lint still runs, read in the page: a query from the benchmark's side
          // would add its own work to the very frames being measured (the control has none).
          if (document.querySelector('.proofread-status')?.textContent) w.__linting++
          requestAnimationFrame(() => setTimeout(() => w.__frames.push(performance.now() - t0), 0))
        },
        { capture: true },
      )
    })
    // Type while the first full lint runs (the panel says so), one character every 40 ms.
    await gaps(true)
    for (let i = 0; i < 150; i++) {
      await page.keyboard.insertText(i % 30 === 29 ? '\n' : 'あ')
      await page.waitForTimeout(40)
    }
    const duringLint = await page.evaluate(
      () => (window as unknown as { __linting: number }).__linting,
    )
    const lintGaps = await gaps(false)
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames)
    emit({
      name: 'frame interval while typing during the first full lint of a 50k post',
      ...stats(lintGaps),
      over20ms: lintGaps.filter((g) => g > 20).length,
      targetMs: 16.7,
      targetOn: 'p95',
    })
    emit({
      name: 'keystroke → next frame while the first full lint of a 50k post runs',
      ...stats(frames),
      targetMs: 16,
      targetOn: 'p95',
      duringLint,
    })
    // Wait for the lint to finish, then the same typing as a control (only the typed paragraph is linted).
    await page.waitForFunction(
      () => document.querySelector('.proofread-status')?.textContent === '',
      null,
      { timeout: 180_000, polling: 500 },
    )
    await page.evaluate(() => ((window as unknown as { __frames: number[] }).__frames = []))
    await gaps(true)
    for (let i = 0; i < 150; i++) {
      await page.keyboard.insertText(i % 30 === 29 ? '\n' : 'あ')
      await page.waitForTimeout(40)
    }
    const controlGaps = await gaps(false)
    emit({
      name: 'frame interval while typing, after the full lint finished (control)',
      ...stats(controlGaps),
      over20ms: controlGaps.filter((g) => g > 20).length,
    })
    const control = await page.evaluate(
      () => (window as unknown as { __frames: number[] }).__frames,
    )
    emit({
      name: 'keystroke → next frame, same typing after the full lint finished (control)',
      ...stats(control),
    })
    await page.waitForFunction(
      () => document.querySelector('.proofread-status')?.textContent === '',
      null,
      { timeout: 60_000, polling: 500 },
    )
    const pauses: number[] = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      await page.waitForTimeout(400)
      const before = await page.evaluate(
        () =>
          [...document.querySelectorAll('.cm-proofread')].filter(
            (e) => e.textContent === 'javascript',
          ).length,
      )
      await page.keyboard.insertText('javascriptで')
      const t0 = Date.now()
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('.cm-proofread').length > 0 &&
          [...document.querySelectorAll('.cm-proofread')].filter(
            (e) => e.textContent === 'javascript',
          ).length > n,
        before,
        { timeout: 10_000, polling: 'raf' },
      )
      pauses.push(Date.now() - t0)
      await page.waitForTimeout(300)
    }
    emit({
      name: 'last keystroke → underline of the typed finding, 50k post (app, 120 ms pause included)',
      ...stats(pauses),
      targetMs: 300,
      targetOn: 'p95',
    })
  } finally {
    await app.close()
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'pw-bench-repo-'))
  if (!process.env.BENCH_APP_ONLY) await nodePart(root, !process.env.BENCH_EDIT_ONLY)
  await appPart()
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
