/**
 * Keystroke → preview-updated latency in Chromium, on the real app (e2e harness, built renderer).
 * Generated Japanese posts of 5k, 50k and 200k characters; ≥ 200 single-character edits each.
 * Also measures keystroke → next frame (is typing ever blocked?) and the renderer's JS heap.
 * Prints one JSON line per figure on stdout; bench/run.mjs collects them into docs/BENCHMARKS.md.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../tests/e2e/harness/launch-app'
import { stats } from './stats'

const EDITS = Number(process.env.BENCH_EDITS ?? 220)
const SIZES = (process.env.BENCH_SIZES ?? '5000,50000,200000').split(',').map(Number)

const SENTENCES = [
  'この記事では、私たちのチームが取り組んだ改善の流れを、実際に使った道具とあわせて紹介します。',
  '最初に困っていたのは、夜間のバッチ処理が朝まで終わらないことでした。',
  'キューの設計を見直し、処理を小さな単位に分けることで、失敗したときのやり直しも簡単になりました。',
  '数字で見ると、処理時間は約 40% 短くなり、アラートの件数も半分以下になりました。',
  'レビューでは **「なぜこの順番なのか」** を必ず書き残すようにしています。',
  '詳しくは [公式ドキュメント](https://example.com/docs) と `config/queue.yml` を参照してください。',
]

/** A Japanese post of about `chars` characters with headings, lists, code and tables. */
function generatePost(title: string, date: string, chars: number): string {
  const parts: string[] = [
    '---',
    `title: "${title}"`,
    `date: ${date}`,
    'tags:',
    '  - ベンチマーク',
    'authors:',
    '  - bench',
    '---',
    '',
    '1. 目次',
    '{:toc}',
    '',
  ]
  let size = 0
  let i = 0
  while (size < chars) {
    const section: string[] = [`## 第${i + 1}章 改善の記録`, '']
    for (let p = 0; p < 3; p++) section.push(SENTENCES.slice(p, p + 4).join(''), '')
    section.push(
      `### ${i + 1}.1 手順`,
      '',
      '- 準備をする',
      '- 計測する',
      '  - 本番と同じデータで',
      '- 振り返る',
      '',
    )
    if (i % 3 === 0)
      section.push(
        '```ruby',
        'class QueueJob',
        '  def perform(id)',
        '    Item.find(id).process!',
        '  end',
        'end',
        '```',
        '',
      )
    if (i % 4 === 1)
      section.push(
        '| 項目 | 前 | 後 |',
        '| --- | --- | --- |',
        '| 時間 | 120 分 | 70 分 |',
        '| 失敗 | 12 件 | 3 件 |',
        '',
      )
    const text = section.join('\n')
    parts.push(text)
    size += text.length
    i++
  }
  return parts.join('\n')
}

async function main(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-bench-'))
  const dir = join(repo, 'source/blog')
  await mkdir(dir, { recursive: true })
  const posts = SIZES.map((chars, i) => {
    const day = String(10 + i).padStart(2, '0')
    const title = `ベンチマーク ${chars / 1000}k`
    return {
      chars,
      title,
      file: join(dir, `2026-11-${day}-bench-${chars / 1000}k.html.md`),
      date: `2026-11-${day}T10:00:00+09:00`,
    }
  })
  for (const p of posts) await writeFile(p.file, generatePost(p.title, p.date, p.chars))

  const app = await launchApp({ repo })
  const { page } = app
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  try {
    await page.getByRole('listbox').getByRole('option').first().waitFor()
    for (const post of posts) {
      await page.getByRole('listbox').getByRole('option', { name: post.title }).click()
      await page
        .frameLocator('iframe.preview-frame')
        .locator('#pw-article h1')
        .filter({ hasText: post.title })
        .waitFor({ timeout: 60_000 })
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+End')
      // In-page probes: input time per keystroke, the next frame after it, and the preview update covering it.
      await page.evaluate(() => {
        const w = window as unknown as {
          __bench: { pending: number[]; preview: number[]; frame: number[]; render: number[] }
        }
        w.__bench = { pending: [], preview: [], frame: [], render: [] }
        document.addEventListener(
          'beforeinput',
          () => {
            const t0 = performance.now()
            w.__bench.pending.push(t0)
            requestAnimationFrame(() =>
              setTimeout(() => w.__bench.frame.push(performance.now() - t0), 0),
            )
          },
          { capture: true },
        )
        window.addEventListener('pw:preview-updated', (e) => {
          w.__bench.render.push((e as CustomEvent<{ ms: number }>).detail.ms)
          const now = performance.now()
          for (const t0 of w.__bench.pending) w.__bench.preview.push(now - t0)
          w.__bench.pending = []
        })
      })
      for (let i = 0; i < EDITS; i++) {
        const before = await page.evaluate(
          () => (window as unknown as { __bench: { preview: number[] } }).__bench.preview.length,
        )
        await page.keyboard.insertText(i % 40 === 39 ? '\n' : 'あ')
        await page.waitForFunction(
          (n) =>
            (window as unknown as { __bench: { preview: number[] } }).__bench.preview.length > n,
          before,
          { timeout: 10_000, polling: 'raf' },
        )
      }
      const result = await page.evaluate(
        () =>
          (
            window as unknown as {
              __bench: { preview: number[]; frame: number[]; render: number[] }
            }
          ).__bench,
      )
      const k = `${post.chars / 1000}k`
      const preview = stats(result.preview)
      const frame = stats(result.frame)
      console.log(
        JSON.stringify({
          name: `keystroke → preview updated, ${k} chars`,
          ...preview,
          targetMs: post.chars === 50_000 ? 16 : undefined,
          targetOn: 'p95',
        }),
      )
      console.log(
        JSON.stringify({
          name: `keystroke → next frame (typing), ${k} chars`,
          ...frame,
          targetMs: 50,
          targetOn: 'p95',
        }),
      )
      console.log(
        JSON.stringify({
          name: `preview render + patch per update, ${k} chars`,
          ...stats(result.render),
        }),
      )
      if (post.chars === 200_000) {
        await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined)
        const { metrics } = await cdp.send('Performance.getMetrics')
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
        console.log(
          JSON.stringify({
            name: 'renderer JS heap with the 200k post open',
            valueMB: Math.round((heap / 1048576) * 10) / 10,
            targetMB: 200,
          }),
        )
      }
    }
  } finally {
    await app.close()
    await rm(repo, { recursive: true, force: true })
  }
}

await main()
