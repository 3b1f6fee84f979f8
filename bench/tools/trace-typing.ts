/**
 * Where a keystroke's frame goes: opens a generated post of BENCH_SIZE characters in the real app,
 * types mid-document with Chrome tracing on, and prints the renderer main threads' time per event.
 * A diagnostic, not a benchmark: `npx tsx bench/tools/trace-typing.ts`.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HandlerTable } from '../../src/shared/ipc/contract'
import type { CpuProfile, TraceEvent } from './trace-types'
import { generateBenchPost } from '../../tests/helpers/long-post'
import {
  installProbes,
  longestFrame,
  openAndWait,
  pasteText,
  placeCaret,
  typeAndMeasure,
  withGeneratedPost,
} from '../preview-probes'
import { stats } from '../stats'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)
const EDITS =
  process.env.TRACE_PASTE || process.env.TRACE_SWITCH ? 1 : Number(process.env.BENCH_EDITS ?? 40)

/** Tasks over TRACE_LONG_MS (100) ms on a renderer main thread, each with the functions that took its time. */
function longTasks(events: TraceEvent[], profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  let t = profile.startTime
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    const f = byId.get(id)!.callFrame
    return {
      t,
      key: `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`,
    }
  })
  const over = Number(process.env.TRACE_LONG_MS ?? 100) * 1000
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > over)
  for (const task of tasks.slice(0, 12)) {
    const inside = new Map<string, number>()
    let last = task.ts
    for (const s of samples) {
      if (s.t < task.ts || s.t > task.ts + task.dur!) continue
      inside.set(s.key, (inside.get(s.key) ?? 0) + (s.t - last) / 1000)
      last = s.t
    }
    const top = [...inside.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)
    // Trace events inside the task (nested ones count in each level).
    const kinds = new Map<string, number>()
    for (const e of events) {
      if (e.ph !== 'X' || e.pid !== task.pid || e.tid !== task.tid || e === task) continue
      if (e.ts < task.ts || e.ts + (e.dur ?? 0) > task.ts + task.dur!) continue
      kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
    }
    const events8 = [...kinds.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)
    console.log('   events:', events8.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(' | '))
    console.log(
      `long task ${(task.dur! / 1000).toFixed(0)} ms:`,
      top.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(' | '),
    )
  }
}

/**
 * The renderer main thread's garbage collections while tracing: how many, their time, the longest,
 * and the highest heap before one (a heap that grows from one scavenge to the next means objects
 * made per keystroke are being promoted).
 */
function garbageCollections(events: TraceEvent[], threads: Map<string, string>): void {
  for (const kind of ['MinorGC', 'MajorGC']) {
    const gcs = events.filter(
      (e) =>
        e.name === kind &&
        e.ph === 'X' &&
        (threads.get(`${e.pid}:${e.tid}`) ?? '').includes('CrRendererMain'),
    )
    const heap = (e: TraceEvent, key: 'usedHeapSizeBefore' | 'usedHeapSizeAfter') =>
      ((e.args as unknown as Record<string, number> | undefined)?.[key] ?? 0) / 1e6
    const ms = gcs.map((e) => (e.dur ?? 0) / 1000)
    console.log(
      `gc ${kind}: ${gcs.length}, ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms, longest`,
      `${Math.max(0, ...ms).toFixed(1)} ms, highest heap before one`,
      `${Math.max(0, ...gcs.map((e) => heap(e, 'usedHeapSizeBefore'))).toFixed(0)} MB; after each:`,
      gcs.map((e) => heap(e, 'usedHeapSizeAfter').toFixed(0)).join(' '),
    )
  }
}

/** Self time per function (ms), largest first. */
function selfTimes(profile: CpuProfile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...totals.entries()].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1])
}

/** Inclusive time per function (ms): each sample counts once for every function on its stack. */
function inclusiveTimes(profile: CpuProfile): Array<[string, number]> {
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      if (seen.has(key)) continue
      seen.add(key)
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    }
  })
  return [...totals.entries()]
    .filter(
      ([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)') && !k.startsWith('(program)'),
    )
    .sort((a, b) => b[1] - a[1])
}

async function main(): Promise<void> {
  const title = `トレース ${SIZE / 1000}k`
  // TRACE_SWITCH: a small post to switch to and back from.
  const smallTitle = 'トレース 5k'
  const before = async (dir: string) => {
    if (process.env.TRACE_SWITCH)
      await writeFile(
        join(dir, '2026-11-09-small.html.md'),
        generateBenchPost(smallTitle, '2026-11-09T10:00:00+09:00', 5_000),
      )
  }
  // Which IPC calls carry how much (the harness's binding serialises each payload as JSON).
  const calls = new Map<string, { n: number; bytes: number }>()
  const launch = {
    wrapHandlers: (table: HandlerTable) =>
      Object.fromEntries(
        Object.entries(table).map(([channel, handler]) => [
          channel,
          (...args: unknown[]) => {
            const c = calls.get(channel) ?? { n: 0, bytes: 0 }
            c.n++
            c.bytes += JSON.stringify(args).length
            calls.set(channel, c)
            return (handler as (...a: unknown[]) => unknown)(...args)
          },
        ]),
      ) as HandlerTable,
  }
  await withGeneratedPost(
    { slug: 'trace', title, chars: SIZE },
    async ({ page }) => {
      const openPost = (name: string) => openAndWait(page, name)
      const open = () => openPost(title)
      await installProbes(page)
      const cdp = await page.context().newCDPSession(page)
      const events: TraceEvent[] = []
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])))
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
      const start = async () => {
        await cdp.send('Tracing.start', {
          traceConfig: {
            includedCategories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'blink',
              'v8.execute',
              // TRACE_INVALIDATION: which nodes each layout found dirty, and why (heavy).
              ...(process.env.TRACE_INVALIDATION
                ? ['disabled-by-default-devtools.timeline.invalidationTracking']
                : []),
            ],
          },
          transferMode: 'ReportEvents',
        })
        await cdp.send('Profiler.enable')
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
        await cdp.send('Profiler.start')
      }
      let r = { frame: [] as number[], preview: [] as number[] }
      if (process.env.TRACE_OPEN) {
        // Opening the post (and 5 s after the header shows), then 20 keystrokes.
        await start()
        console.log('longest frame while opening', await longestFrame(page, open))
        await page.waitForTimeout(5000)
        await placeCaret(page, 'mid')
        r = await typeAndMeasure(page, 20)
      } else {
        await open()
        // The post fills in after its header shows: trace typing into the whole of it.
        await page.waitForTimeout(3000)
        // TRACE_CARET=heading: typing at the end of a heading (its table of contents changes too).
        const heading = process.env.TRACE_CARET === 'heading'
        await placeCaret(page, heading ? 'heading' : 'mid')
        const paste = generateBenchPost('貼り付け', '2026-11-10', 10_000).split('---\n').pop()!
        if (process.env.TRACE_PASTE && process.env.TRACE_WARM) {
          // TRACE_WARM: one paste and its undo first, so the trace shows warm code (as the bench's
          // later rounds do), not the first run's compilation.
          await pasteText(page, paste.slice(0, 10_000))
          await page.waitForTimeout(2000)
          await page.keyboard.press('Control+z')
          await page.waitForTimeout(2000)
        }
        await start()
        if (process.env.TRACE_SWITCH) {
          // To the small post and back, twice: the longest frame of each switch.
          const frames: number[] = []
          for (let i = 0; i < 2; i++) {
            frames.push(await longestFrame(page, () => openPost(smallTitle)))
            frames.push(await longestFrame(page, open))
          }
          console.log('longest frames (to the small post, back, …)', frames)
        } else if (process.env.TRACE_PASTE) {
          // A 10k-character paste in the middle (as in preview.bench.ts), then its undo.
          const frames = [
            await longestFrame(page, () => pasteText(page, paste.slice(0, 10_000))),
            await longestFrame(page, () => page.keyboard.press('Control+z')),
          ]
          console.log('longest frames (paste, undo)', frames)
        } else if (process.env.TRACE_RESUME) {
          // Typing again after pauses long enough for the autosave: each first keystroke marks the
          // post edited again.
          for (let k = 0; k < 5; k++) {
            await page.keyboard.press('a')
            await page.waitForTimeout(1500)
          }
        } else r = await typeAndMeasure(page, EDITS, heading ? 0 : 20)
      }
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
      await cdp.send('Tracing.end')
      await done
      // TRACE_DUMP=file: the raw trace events, for a closer look (e.g. what a forced layout is under).
      if (process.env.TRACE_DUMP) {
        await writeFile(process.env.TRACE_DUMP, JSON.stringify(events))
        await writeFile(`${process.env.TRACE_DUMP}.cpuprofile`, JSON.stringify(profile))
      }
      longTasks(events, profile)
      for (const [channel, c] of calls)
        console.log(`ipc ${channel}: ${c.n} calls, ${(c.bytes / 1e6).toFixed(1)} MB`)
      console.log('frame', stats(r.frame), 'preview', stats(r.preview))
      const threads = new Map<string, string>()
      for (const e of events)
        if (e.ph === 'M' && e.name === 'thread_name')
          threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '')
      const totals = new Map<string, number>()
      for (const e of events) {
        if (e.ph !== 'X' || !e.dur) continue
        const thread = threads.get(`${e.pid}:${e.tid}`) ?? '?'
        if (!thread.includes('CrRendererMain')) continue
        const key = `${e.pid} ${e.name}`
        totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000)
      }
      if (process.env.TRACE_LAYOUT) {
        // Layout events: how many objects were dirty out of how many, and how long each took.
        for (const e of events.filter((x) => x.name === 'Layout' && x.ph === 'X').slice(0, 60)) {
          const a = e.args as unknown as {
            beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean }
          }
          console.log('layout', ((e.dur ?? 0) / 1000).toFixed(2), JSON.stringify(a.beginData))
        }
      }
      garbageCollections(events, threads)
      const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)
      for (const [k, ms] of top) console.log(`${(ms / EDITS).toFixed(2).padStart(8)} ms/key  ${k}`)
      console.log(
        '--- JS self time (V8 profile; native work such as forced layout counts to its caller)',
      )
      for (const [k, ms] of selfTimes(profile).slice(0, 30))
        console.log(`${(ms / EDITS).toFixed(2).padStart(8)} ms/key  ${k}`)
      console.log('--- JS inclusive time')
      for (const [k, ms] of inclusiveTimes(profile).slice(0, 60))
        console.log(`${(ms / EDITS).toFixed(2).padStart(8)} ms/key  ${k}`)
    },
    { launch, before },
  )
}

await main()
