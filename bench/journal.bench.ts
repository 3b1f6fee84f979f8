/**
 * Crash-recovery journaling and keystroke latency (issue 9, RELIABILITY.md D6), on the real app in
 * Chromium through the e2e harness (built renderer, real services, real data folder).
 *
 * Types continuously (one character every ~40 ms, so the journal fires on its 900 ms cap, not on a
 * pause) into generated posts of 50k and 200k characters, and records for each keystroke the time
 * to the next frame. Each journal write leaves a User Timing measure (`pw:journal-write`: reading the
 * buffer and handing it to IPC, all the main-thread work it does). Keystrokes are split into those
 * whose frame window holds a journal write and the rest: if journaling cost anything a writer could
 * feel, the first group would be slower. Prints one JSON line per figure (bench/run.mjs format).
 *
 * The split is biased (a long frame is likelier to hold a write), so `BENCH_JOURNAL` also gives a
 * straight A/B: `on` (default) journals as the app does; `off` never lets a journal write run (the
 * journal's idle callback is dropped, so the buffer is never read or sent); `ab` alternates blocks
 * of typing with journaling on and off on the same post, and prints "all keys" figures per mode.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../tests/e2e/harness/launch-app'
import { openAndWait } from './preview-probes'
import { stats } from './stats'

const KEYS = Number(process.env.BENCH_KEYS ?? 240)
const MODE = (process.env.BENCH_JOURNAL ?? 'on') as 'on' | 'off' | 'ab'
if (!['on', 'off', 'ab'].includes(MODE)) throw new Error(`BENCH_JOURNAL must be on, off or ab`)
/** Typing blocks per post: one in `on`/`off`, four alternating (on, off, off, on) in `ab`. */
const BLOCKS: Array<'on' | 'off'> = MODE === 'ab' ? ['on', 'off', 'off', 'on'] : [MODE]
const SIZES = (process.env.BENCH_SIZES ?? '50000,200000').split(',').map(Number)
const PARAGRAPH =
  'この記事では、私たちのチームが取り組んだ改善の流れを、実際に使った道具とあわせて紹介します。キューの設計を見直し、処理を小さな単位に分けました。\n\n'

function post(title: string, chars: number): string {
  const head = `---\ntitle: "${title}"\ndate: 2026-11-10T10:00:00+09:00\ntags:\n  - bench\n---\n\n`
  let body = ''
  for (let i = 0; body.length < chars; i++) body += `## 第${i + 1}章\n\n${PARAGRAPH.repeat(4)}`
  return head + body
}

interface Probe {
  keys: Array<{ t0: number; frame: number; off: boolean }>
}

async function main(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-bench-journal-'))
  await mkdir(join(repo, 'source/blog'), { recursive: true })
  const posts = SIZES.map((chars, i) => ({
    chars,
    title: `ジャーナル ${chars / 1000}k`,
    file: join(repo, `source/blog/2026-11-1${i}-journal-${chars / 1000}k.html.md`),
  }))
  for (const p of posts) await writeFile(p.file, post(p.title, p.chars))
  // Saves never complete, so every keystroke stays unsaved and only the journal runs.
  const app = await launchApp({
    repo,
    wrapHandlers: (h) => ({ ...h, 'posts:save': () => new Promise(() => undefined) }),
  })
  const { page } = app
  try {
    for (const p of posts) {
      await openAndWait(page, p.title, 60_000)
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+End')
      await page.evaluate(() => {
        performance.clearMeasures('pw:journal-write')
        const w = window as unknown as { __journalBench?: Probe; __journalOff?: boolean }
        const fresh = w.__journalBench === undefined
        w.__journalBench = { keys: [] }
        if (!fresh) return
        // The A/B switch: the journal writes only from an idle callback (the only one the app
        // uses), so dropping it while `__journalOff` is set turns journaling off and nothing else.
        const idle = window.requestIdleCallback.bind(window)
        window.requestIdleCallback = (fn, opts) => (w.__journalOff ? 0 : idle(fn, opts))
        document.addEventListener(
          'beforeinput',
          () => {
            const t0 = performance.now()
            requestAnimationFrame(() =>
              setTimeout(
                () =>
                  w.__journalBench!.keys.push({
                    t0,
                    frame: performance.now() - t0,
                    off: w.__journalOff === true,
                  }),
                0,
              ),
            )
          },
          { capture: true },
        )
      })
      for (const block of BLOCKS) {
        await page.evaluate((off) => {
          ;(window as unknown as { __journalOff?: boolean }).__journalOff = off
        }, block === 'off')
        const keys = Math.round(KEYS / BLOCKS.length)
        for (let i = 0; i < keys; i++) {
          await page.keyboard.insertText(i % 40 === 39 ? '\n' : 'あ')
          await page.waitForTimeout(40)
        }
        await page.waitForTimeout(1200)
      }
      const result = await page.evaluate(() => ({
        keys: (window as unknown as { __journalBench: Probe }).__journalBench.keys,
        writes: performance
          .getEntriesByName('pw:journal-write', 'measure')
          .map((m) => ({ start: m.startTime, duration: m.duration })),
      }))
      // What Electron's IPC does with the same request: a structured clone (the harness's binding
      // serializes through CDP instead, which is far slower for big strings).
      const clone = await page.evaluate((chars) => {
        const request = { path: 'source/blog/x.html.md', text: 'あ'.repeat(chars), baseHash: null }
        const out: number[] = []
        for (let i = 0; i < 20; i++) {
          const t0 = performance.now()
          structuredClone(request)
          out.push(performance.now() - t0)
        }
        return out
      }, p.chars)
      const k = `${p.chars / 1000}k chars`
      console.log(
        JSON.stringify({
          name: `structured clone of a journal request (Electron IPC's own cost), ${k}`,
          ...stats(clone),
        }),
      )
      for (const mode of ['on', 'off'] as const) {
        const keys = result.keys.filter((key) => key.off === (mode === 'off'))
        if (keys.length === 0) continue
        console.log(
          JSON.stringify({
            name: `keystroke → next frame, all keys, ${k}, journaling ${mode}`,
            ...stats(keys.map((x) => x.frame)),
            targetMs: 50,
            targetOn: 'p95',
          }),
        )
      }
      const withWrite = result.keys.filter((key) =>
        result.writes.some((w) => w.start >= key.t0 && w.start <= key.t0 + key.frame),
      )
      const without = result.keys.filter((key) => !withWrite.includes(key))
      const entries = await app.services.recovery.list(app.repoRoot())
      console.log(
        JSON.stringify({
          name: `journal write on the renderer's main thread in the harness (read + CDP binding), ${k}`,
          ...stats(result.writes.map((w) => w.duration)),
        }),
      )
      console.log(
        JSON.stringify({
          name: `keystroke → next frame, frames with a journal write, ${k}`,
          ...stats(withWrite.map((x) => x.frame)),
          targetMs: 50,
          targetOn: 'p95',
        }),
      )
      console.log(
        JSON.stringify({
          name: `keystroke → next frame, frames without, ${k}`,
          ...stats(without.map((x) => x.frame)),
          targetMs: 50,
          targetOn: 'p95',
        }),
      )
      const last = entries.find((e) => p.file.endsWith(e.path))
      console.log(
        JSON.stringify({
          name: `journal writes while typing ${result.keys.length} keys over ${Math.round((KEYS * 40) / 100) / 10} s, ${k}`,
          samples: result.writes.length,
          medianMs: NaN,
          note: last ? 'entry present' : 'entry missing',
        }),
      )
    }
  } finally {
    await app.close()
    await rm(repo, { recursive: true, force: true })
  }
}

await main()
