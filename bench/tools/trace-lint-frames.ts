/**
 * What the late frames are made of while a 50k post's first full lint runs: opens a short post, then
 * the 50k post, types with Chrome tracing on, finds the gaps between animation frames over 20 ms and
 * prints, per gap, each thread's busiest trace events inside it. A diagnostic, not a benchmark:
 * `npx tsx bench/tools/trace-lint-frames.ts`.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../../tests/e2e/harness/launch-app'
import type { CpuProfile, TraceEvent } from './trace-types'

const SENTENCE =
  'この記事では、私たちのチームが取り組んだ改善の流れを紹介します。githubのActionsで動かしているので、誰でも見れるようにしました。'

async function main(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-trace-lint-'))
  await mkdir(join(repo, 'source/blog'), { recursive: true })
  const parts = ['---', 'title: "トレース 50k"', 'date: 2026-11-10T10:00:00+09:00', '---', '']
  for (let i = 0; parts.join('\n').length < 50_000; i++) {
    parts.push(`## 第${i + 1}章`, '', SENTENCE.repeat(3), '', '- 準備をする\n- 計測する', '')
  }
  await writeFile(join(repo, 'source/blog/2026-11-10-trace.html.md'), parts.join('\n'))
  await writeFile(
    join(repo, 'source/blog/2026-11-20-short.html.md'),
    '---\ntitle: "短い記事"\ndate: 2026-11-20T10:00:00+09:00\n---\n\n短い記事です。\n',
  )
  const app = await launchApp({ repo })
  const { page } = app
  try {
    await page.getByRole('tab', { name: '校正' }).click()
    await page.waitForTimeout(3000)
    const cdp = await page.context().newCDPSession(page)
    const events: TraceEvent[] = []
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])))
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()))
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['devtools.timeline', 'blink', 'cc', 'gpu', 'viz', 'toplevel', 'v8'],
      },
      transferMode: 'ReportEvents',
    })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.getByRole('listbox').getByRole('option', { name: 'トレース 50k' }).click()
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    for (let i = 0; i < 60; i++) {
      await page.keyboard.insertText(i % 30 === 29 ? '\n' : 'あ')
      await page.waitForTimeout(40)
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    await cdp.send('Tracing.end')
    await done
    // Profile samples on the trace's clock (both are microseconds of the same monotonic clock).
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const parent = new Map<number, number>()
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    let t = profile.startTime
    const samples = profile.samples.map((id, i) => {
      t += profile.timeDeltas[i] ?? 0
      const stack: string[] = []
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n)!.callFrame
        if (f.url || f.functionName) {
          stack.push(`${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.lineNumber + 1}`)
        }
      }
      return { t, stack }
    })
    const names = new Map<string, string>()
    for (const e of events) {
      if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?')
    }
    const mainTid = [...names.entries()].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k)
    const frames = events
      .filter((e) => e.name === 'FireAnimationFrame' && mainTid.includes(`${e.pid}:${e.tid}`))
      .map((e) => e.ts)
      .sort((a, b) => a - b)
    console.log(`frames ${frames.length}, threads ${names.size}`)
    for (let i = 1; i < frames.length; i++) {
      const gap = (frames[i]! - frames[i - 1]!) / 1000
      if (gap <= 20) continue
      const from = frames[i - 1]!
      const to = frames[i]!
      const perThread = new Map<string, Map<string, number>>()
      for (const e of events) {
        if (e.ph !== 'X' || !e.dur) continue
        const s = Math.max(e.ts, from)
        const t = Math.min(e.ts + e.dur, to)
        if (t <= s) continue
        const thread = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`
        const m = perThread.get(thread) ?? new Map<string, number>()
        m.set(e.name, (m.get(e.name) ?? 0) + (t - s) / 1000)
        perThread.set(thread, m)
      }
      console.log(`gap ${gap.toFixed(0)} ms at frame ${i}`)
      const inclusive = new Map<string, number>()
      for (const smp of samples) {
        if (smp.t < from || smp.t > to) continue
        for (const k of new Set(smp.stack)) inclusive.set(k, (inclusive.get(k) ?? 0) + 0.2)
      }
      const js = [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)
      console.log(`  js: ${js.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`)
      for (const [thread, m] of perThread) {
        const top = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
        if (top[0]![1] < 3) continue
        console.log(`  ${thread}: ${top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ')}`)
      }
    }
  } finally {
    await app.close()
  }
}

void main()
