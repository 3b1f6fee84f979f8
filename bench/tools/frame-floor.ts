/**
 * The floor of "keystroke → next frame" on this machine: the preview benchmark's own probe (from
 * `beforeinput` to a task after the next painted frame) on a page that does nothing but a plain
 * `<textarea>`, typed into the same way. No app can go under it; the frame waits for the display's
 * next tick whatever the keystroke costs. A diagnostic: `npx tsx bench/tools/frame-floor.ts`.
 */
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/harness/chromium'
import { stats } from '../stats'

const EDITS = Number(process.env.BENCH_EDITS ?? 120)

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.setContent('<textarea style="width:40em;height:20em"></textarea>')
    await page.locator('textarea').click()
    await page.evaluate(`(() => {
      window.__frames = []
      document.addEventListener('beforeinput', () => {
        const t0 = performance.now()
        requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - t0), 0))
      }, { capture: true })
    })()`)
    for (let i = 0; i < EDITS; i++) {
      await page.keyboard.insertText(i % 20 === 19 ? '\n' : 'あ')
      // As the benchmark does: the next keystroke after this one has been painted.
      await page.waitForFunction(
        (n) => (window as unknown as { __frames: number[] }).__frames.length > n,
        i,
        {
          polling: 'raf',
        },
      )
    }
    const frames = (await page.evaluate('window.__frames')) as number[]
    console.log(
      JSON.stringify({ name: 'keystroke → next frame, a bare <textarea>', ...stats(frames) }),
    )
  } finally {
    await browser.close()
  }
}

await main()
