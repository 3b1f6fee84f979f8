/**
 * Where a long frame goes, from Chromium's Long Animation Frames API (cheap, unlike tracing): opens
 * a generated post of BENCH_SIZE characters, does LOAF_ACTION (`paste`, `undo`, `switch`, `type`, `resume`, `open`, `launch`)
 * and prints every animation frame over 50 ms with its script, style/layout and render parts, and the
 * longest gaps between animation frames (what the benchmark's longest frame measures).
 * A diagnostic, not a benchmark: `LOAF_ACTION=paste npx tsx bench/tools/loaf.ts`.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchApp } from '../../tests/e2e/harness/launch-app'
import { generateBenchPost, generateBenchPost as generatePost } from '../../tests/helpers/long-post'
import { openAndWait, pasteText, placeCaret } from '../preview-probes'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)
const ACTION = process.env.LOAF_ACTION ?? 'paste'
const ROUNDS = Number(process.env.LOAF_ROUNDS ?? 3)
/** Frames longer than this are listed (ms; LoAF reports frames over 50 ms only). */
const OVER = Number(process.env.LOAF_OVER ?? 50)

interface Script {
  invoker: string
  sourceFunctionName: string
  sourceURL: string
  sourceCharPosition: number
  duration: number
  forcedStyleAndLayoutDuration: number
}
interface Frame {
  duration: number
  blockingDuration: number
  renderStart: number
  styleAndLayoutStart: number
  startTime: number
  scripts: Script[]
}

async function collect(page: Page, action: () => Promise<unknown>): Promise<Frame[]> {
  await page.evaluate(`(() => {
    window.__loaf = []
    window.__loafObs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__loaf.push(JSON.parse(JSON.stringify(e)))
    })
    window.__loafObs.observe({ type: 'long-animation-frame', buffered: false })
    window.__renders = []
    window.__onRender = (e) => window.__renders.push(e.detail)
    window.addEventListener('pw:preview-updated', window.__onRender)
    // The gaps between animation frames as the bench's longestFrame sees them.
    window.__gaps = { last: performance.now(), on: true, list: [] }
    const tick = (t) => {
      const g = window.__gaps
      g.list.push([g.last, t - g.last])
      g.last = t
      if (g.on) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  await action()
  await page.waitForTimeout(2000)
  // Each preview render in the same span: its render (Markdown → blocks) and patch (DOM) parts.
  const renders: Array<{ renderMs: number; patchMs: number }> = await page.evaluate(`(() => {
    window.removeEventListener('pw:preview-updated', window.__onRender)
    return window.__renders
  })()`)
  const gaps: Array<[number, number]> = await page.evaluate(
    `(() => { window.__gaps.on = false; return window.__gaps.list })()`,
  )
  const worst = [...gaps].sort((a, b) => b[1] - a[1]).slice(0, 3)
  console.log(
    `  longest rAF gaps: ${worst.map(([at, ms]) => `${ms.toFixed(0)} ms @${at.toFixed(0)}`).join(', ')}`,
  )
  console.log(
    `  renders (render + patch ms): ${renders.map((r) => `${r.renderMs.toFixed(0)}+${r.patchMs.toFixed(0)}`).join(' ')}`,
  )
  return page.evaluate(`(() => { window.__loafObs.disconnect(); return window.__loaf })()`)
}

function print(label: string, frames: Frame[]): void {
  const long = frames.filter((f) => f.duration > OVER)
  console.log(
    `${label}: ${long.length} frames over ${OVER} ms (LoAF), longest ${Math.max(0, ...frames.map((f) => f.duration)).toFixed(0)} ms`,
  )
  for (const f of long) {
    const end = f.startTime + f.duration
    const scripts = f.scripts.reduce((s, x) => s + x.duration, 0)
    console.log(
      `  frame @${f.startTime.toFixed(0)} ${f.duration.toFixed(0)} ms: scripts ${scripts.toFixed(0)} · render→style ${(
        (f.styleAndLayoutStart || end) - (f.renderStart || end)
      ).toFixed(0)} · style+layout+paint ${(end - (f.styleAndLayoutStart || end)).toFixed(0)}`,
    )
    for (const s of f.scripts.filter((x) => x.duration > 3))
      console.log(
        `    ${s.duration.toFixed(0)} ms (forced layout ${s.forcedStyleAndLayoutDuration.toFixed(0)}) ${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition}`,
      )
  }
}

async function main(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-loaf-'))
  const dir = join(repo, 'source/blog')
  await mkdir(dir, { recursive: true })
  const title = `LoAF ${SIZE / 1000}k`
  const small = 'LoAF 5k'
  await writeFile(
    join(dir, '2026-11-10-loaf.html.md'),
    generateBenchPost(title, '2026-11-10T10:00:00+09:00', SIZE),
  )
  await writeFile(
    join(dir, '2026-11-09-small.html.md'),
    generateBenchPost(small, '2026-11-09T10:00:00+09:00', 5_000),
  )
  const app = await launchApp({ repo })
  const { page } = app
  const open = (t: string) => openAndWait(page, t)
  try {
    if (ACTION === 'launch') {
      // The long post opened first: all its blocks are sanitized in one go (nothing shown yet).
      print(`launch ${SIZE / 1000}k`, await collect(page, () => open(title)))
      return
    }
    if (ACTION === 'open') {
      // The first time the long post is opened (after the short one): all its blocks are new.
      await open(small)
      await page.waitForTimeout(2000)
      print(`open ${SIZE / 1000}k`, await collect(page, () => open(title)))
      return
    }
    await open(title)
    await page.waitForTimeout(3000)
    const paste = generatePost('貼り付け', '2026-11-10T10:00:00+09:00', 10_000)
      .split('---\n')
      .pop()!
      .slice(0, 10_000)
    for (let i = 0; i < ROUNDS; i++) {
      if (ACTION === 'paste' || ACTION === 'undo') {
        await placeCaret(page, 'mid')
        print('paste', await collect(page, () => pasteText(page, paste)))
        print('undo', await collect(page, () => page.keyboard.press('Control+z')))
      } else if (ACTION === 'switch') {
        print('to 5k', await collect(page, () => open(small)))
        print(`to ${SIZE / 1000}k`, await collect(page, () => open(title)))
      } else if (ACTION === 'resume') {
        // Typing again after a pause: the pause let the autosave run, so each first keystroke
        // marks the post edited again (the window's "not saved" state changes).
        await placeCaret(page, 'mid')
        print(
          'resume',
          await collect(page, async () => {
            for (let k = 0; k < 8; k++) {
              await page.keyboard.press('a')
              await page.waitForTimeout(1500)
            }
          }),
        )
      } else {
        // LOAF_CARET=heading: typing at the end of a heading in the middle.
        await placeCaret(page, process.env.LOAF_CARET === 'heading' ? 'heading' : 'mid')
        print(
          'type',
          await collect(page, async () => {
            for (let k = 0; k < 40; k++) {
              await page.keyboard.press(k % 20 === 19 ? 'Enter' : 'a')
              await page.waitForTimeout(60)
            }
          }),
        )
      }
    }
  } finally {
    await app.close()
    await rm(repo, { recursive: true, force: true })
  }
}

void main()
