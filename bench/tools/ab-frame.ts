/**
 * A/B diagnostic for the keystroke's frame at BENCH_SIZE characters: the same mid-document typing
 * with parts of the page switched off, to see which part the frame waits for. Not a benchmark.
 * `npx tsx bench/tools/ab-frame.ts`
 */
import {
  installProbes,
  openAndWait,
  placeCaret,
  typeAndMeasure,
  withGeneratedPost,
} from '../preview-probes'
import { stats } from '../stats'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)
const EDITS = Number(process.env.BENCH_EDITS ?? 60)
const VARIANTS = (process.env.AB ?? 'as-is,no-cv,preview-hidden,mouse-away,as-is').split(',')

async function main(): Promise<void> {
  const title = `AB ${SIZE / 1000}k`
  await withGeneratedPost({ slug: 'ab', title, chars: SIZE }, async ({ page }) => {
    await openAndWait(page, title, 60_000)
    await installProbes(page)
    const blocks = await page
      .frameLocator('iframe.preview-frame')
      .locator('#pw-article > *')
      .count()
    console.log('blocks', blocks)
    await page.evaluate(`(() => {
      window.__ab = { raf: [], done: [], task: [] }
      document.addEventListener('beforeinput', () => {
        const t0 = performance.now()
        const ch = new MessageChannel()
        ch.port1.onmessage = () => window.__ab.task.push(performance.now() - t0)
        ch.port2.postMessage(null)
        requestAnimationFrame(() => {
          const r = performance.now()
          window.__ab.raf.push(r - t0)
          setTimeout(() => window.__ab.done.push(performance.now() - r), 0)
        })
      }, { capture: true })
    })()`)
    for (const v of VARIANTS) {
      await page.evaluate('window.__ab = { raf: [], done: [], task: [] }')
      await page.evaluate((v) => {
        const frame = document.querySelector('iframe.preview-frame') as HTMLIFrameElement
        const doc = frame.contentDocument!
        doc.getElementById('ab-style')?.remove()
        frame.style.display = v === 'preview-hidden' ? 'none' : ''
        if (v === 'no-cv') {
          const s = doc.createElement('style')
          s.id = 'ab-style'
          s.textContent = '.pw-article.pw-long > * { content-visibility: visible !important; }'
          doc.head.append(s)
        }
      }, v)
      await placeCaret(page, 'mid')
      // mouse-away: the pointer rests on the toolbar instead of the text just clicked (Chromium
      // updates the hover state after each layout change under the pointer, hit-testing the page).
      if (v === 'mouse-away') await page.mouse.move(4, 4)
      const r = await typeAndMeasure(page, EDITS)
      const f = stats(r.frame)
      const p = stats(r.preview)
      const ab = (await page.evaluate('window.__ab')) as Record<string, number[]>
      console.log(
        '   rAF after key',
        stats(ab.raf!).medianMs,
        stats(ab.raf!).p95Ms,
        '| rAF→after paint',
        stats(ab.done!).medianMs,
        stats(ab.done!).p95Ms,
        '| msg task after key',
        stats(ab.task!).medianMs,
        stats(ab.task!).p95Ms,
      )
      console.log(
        v.padEnd(16),
        'frame',
        f.medianMs,
        f.p95Ms,
        f.maxMs,
        '| preview',
        p.medianMs,
        p.p95Ms,
        '| cm',
        stats(r.editor).medianMs,
        'live',
        stats(r.livePost).medianMs,
        'patch',
        stats(r.patch).medianMs,
        'card',
        stats(r.card).medianMs,
      )
    }
  })
}
await main()
