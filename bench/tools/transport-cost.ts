/**
 * What a big request costs the page's main thread in the harness (a diagnostic): sends a post-sized
 * text through `window.portal` (recovery:write) and prints the call's synchronous part and every
 * long task (> 5 ms via LoAF script entries) it caused. `npx tsx bench/tools/transport-cost.ts`.
 */
import { launchApp } from '../../tests/e2e/harness/launch-app'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)

const app = await launchApp()
try {
  const { page } = app
  await page.waitForSelector('.cm-content')
  const first = (await app.handlers['posts:list'](undefined))[0]?.path
  if (!first) throw new Error('no post in the sample blog')
  for (let round = 0; round < 6; round++) {
    const r = await page.evaluate(
      async ([size, p]) => {
        const text = 'あいうえお\n'.repeat(Math.ceil(size / 6)).slice(0, size)
        const frames: Array<{ d: number; s: number }> = []
        const obs = new PerformanceObserver((l) => {
          for (const e of l.getEntries() as unknown as Array<{
            duration: number
            scripts: Array<{ duration: number }>
          }>)
            frames.push({ d: e.duration, s: e.scripts.reduce((a, x) => a + x.duration, 0) })
        })
        obs.observe({ type: 'long-animation-frame', buffered: false })
        const portal = (
          window as unknown as { portal: { recovery: { write(r: unknown): Promise<unknown> } } }
        ).portal
        const t0 = performance.now()
        const pending = portal.recovery.write({ path: p, text, baseHash: null })
        const sync = performance.now() - t0
        await pending
        const total = performance.now() - t0
        await new Promise((r) => setTimeout(r, 300))
        obs.disconnect()
        return { sync, total, frames }
      },
      [SIZE, first] as const,
    )
    console.log(
      `round ${round}: sync ${r.sync.toFixed(1)} ms, round trip ${r.total.toFixed(1)} ms, long frames ${JSON.stringify(r.frames.map((f) => `${f.d.toFixed(0)}/${f.s.toFixed(0)}`))}`,
    )
  }
} finally {
  await app.close()
}
