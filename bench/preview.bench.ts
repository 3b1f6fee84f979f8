/**
 * Keystroke → preview-updated latency in Chromium, on the real app (e2e harness, built renderer).
 * Generated Japanese posts of 5k, 50k and 200k characters, typed in the middle (the main figure)
 * and at the end (second row); every 20th keystroke is a newline. Also keystroke → next frame,
 * the longest frame around a 10k-character paste into the 200k post, a 10 MB post (open, type,
 * 「レンダリング中…」) and the renderer's JS heap. Prints one JSON line per figure on stdout;
 * bench/run.mjs collects them into docs/BENCHMARKS.md.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../tests/e2e/harness/launch-app'
import {
  installProbes,
  longestFrame,
  openAndWait,
  pasteText,
  placeCaret,
  typeAndMeasure,
  type TypingFigures,
} from './preview-probes'
import { generateBenchPost as generatePost } from '../tests/helpers/long-post'
import { stats } from './stats'

const EDITS = Number(process.env.BENCH_EDITS ?? 220)
const SIZES = (process.env.BENCH_SIZES ?? '5000,50000,200000').split(',').map(Number)
/** Size of the huge post (RELIABILITY D10); 0 skips it. */
const HUGE = Number(process.env.BENCH_HUGE ?? 10_000_000)

function row(name: string, samples: number[], extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ name, ...stats(samples), ...extra }))
}

/** Where the keystrokes' time went (medians): shown in the figure's "other" column. */
function breakdown(label: string, r: TypingFigures): void {
  const med = (v: number[]) => stats(v).medianMs
  // The card is built only when what it reads changed (not while typing past the excerpt).
  const card = r.card.length === 0 ? 'not built' : `${med(r.card)} ms (${r.card.length} builds)`
  console.log(
    JSON.stringify({
      name: `keystroke breakdown (medians), ${label}`,
      note: `CodeMirror update ${med(r.editor)} ms · live post ${med(r.livePost)} ms · preview patch ${med(r.patch)} ms · card ${card}`,
    }),
  )
}

async function main(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-bench-'))
  const dir = join(repo, 'source/blog')
  await mkdir(dir, { recursive: true })
  const posts = [...SIZES, ...(HUGE > 0 ? [HUGE] : [])].map((chars, i) => {
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
    await installProbes(page)
    for (const post of posts.filter((p) => p.chars !== HUGE)) {
      await openAndWait(page, post.title)
      const k = `${post.chars / 1000}k`
      for (const where of ['mid', 'end'] as const) {
        await placeCaret(page, where)
        const r = await typeAndMeasure(page, EDITS)
        const label = where === 'mid' ? 'mid-document' : 'end of document'
        const big = post.chars >= 50_000
        row(`keystroke → preview updated, ${label}, ${k} chars`, r.preview, {
          targetMs: big ? 16 : undefined,
          targetOn: 'p95',
        })
        row(`keystroke → next frame (typing), ${label}, ${k} chars`, r.frame, {
          targetMs: post.chars === 200_000 ? 20 : 50,
          targetOn: 'p95',
        })
        row(`frame work after the keystroke (its rAF → painted), ${label}, ${k} chars`, r.paint)
        row(`preview render + patch per update, ${label}, ${k} chars`, r.render)
        if (where === 'mid' && big) breakdown(`mid-document, ${k} chars`, r)
      }
      if (post.chars === 200_000) {
        // Typing a heading in the middle: each keystroke changes the table of contents too.
        await placeCaret(page, 'heading')
        const h = await typeAndMeasure(page, Math.min(EDITS, 40), 0)
        row(`keystroke → preview updated, in a heading, ${k} chars`, h.preview, {
          targetMs: 16,
          targetOn: 'p95',
        })
        row(`keystroke → next frame (typing), in a heading, ${k} chars`, h.frame, {
          targetMs: 20,
          targetOn: 'p95',
        })
        row(`preview render + patch per update, in a heading, ${k} chars`, h.render)
        breakdown(`in a heading, ${k} chars`, h)
        // Typing near the top, the table of contents (614 items) in view in the preview.
        await placeCaret(page, 'top')
        const t = await typeAndMeasure(page, Math.min(EDITS, 60))
        row(
          `keystroke → preview updated, near the top (table of contents in view), ${k} chars`,
          t.preview,
          {
            targetMs: 16,
            targetOn: 'p95',
          },
        )
        row(
          `keystroke → next frame (typing), near the top (table of contents in view), ${k} chars`,
          t.frame,
          {
            targetMs: 20,
            targetOn: 'p95',
          },
        )
        row(`preview render + patch per update, near the top, ${k} chars`, t.render)
        breakdown(`near the top, ${k} chars`, t)
        // A 10k-character paste in the middle, five times (each undone): the longest frame.
        const frames: number[] = []
        const paste = generatePost('貼り付け', post.date, 10_000)
          .split('---\n')
          .pop()!
          .slice(0, 10_000)
        for (let i = 0; i < 5; i++) {
          await placeCaret(page, 'mid')
          frames.push(await longestFrame(page, () => pasteText(page, paste)))
          frames.push(await longestFrame(page, () => page.keyboard.press('Control+z')))
        }
        row('longest frame, 10k paste (and its undo) into the 200k post', frames, {
          targetMs: 50,
          targetOn: 'max',
        })
        // Switching posts: from the 200k post to the smallest one and back, five times each.
        const small = posts.find((p) => p.chars === Math.min(...SIZES))
        if (small && small !== post) {
          const switches: number[] = []
          for (let i = 0; i < 5; i++) {
            switches.push(await longestFrame(page, () => openAndWait(page, small.title)))
            switches.push(await longestFrame(page, () => openAndWait(page, post.title)))
          }
          row(`longest frame, switching posts (200k ↔ ${small.chars / 1000}k)`, switches, {
            targetMs: 50,
            targetOn: 'max',
          })
        }
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
    const huge = posts.find((p) => p.chars === HUGE)
    if (huge) {
      const started = Date.now()
      const openFrame = await longestFrame(page, () => openAndWait(page, huge.title))
      const opened = Date.now() - started
      const pending = await page.frameLocator('iframe.preview-frame').locator('.pw-pending').count()
      console.log(
        JSON.stringify({
          name: `10 MB post: open → header shown (「レンダリング中…」 blocks at first: ${pending})`,
          medianMs: opened,
          p95Ms: opened,
          maxMs: opened,
          samples: 1,
        }),
      )
      await placeCaret(page, 'mid')
      row('longest frame while the 10 MB post opens and renders', [openFrame])
      const r = await typeAndMeasure(page, 40)
      row('keystroke → next frame (typing), mid-document, 10 MB post', r.frame, {
        targetMs: 50,
        targetOn: 'p95',
      })
      row('keystroke → preview updated, mid-document, 10 MB post', r.preview)
    }
  } finally {
    await app.close()
    await rm(repo, { recursive: true, force: true })
  }
}

await main()
