/** Diagnostic: cost of one block's text change in the preview, flat article vs chunked. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../../tests/e2e/harness/launch-app'
import { generateBenchPost } from '../../tests/helpers/long-post'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)
async function main(): Promise<void> {
  const repo = await mkdtemp(join(tmpdir(), 'pw-ab-'))
  const dir = join(repo, 'source/blog')
  await mkdir(dir, { recursive: true })
  const title = `AB ${SIZE / 1000}k`
  await writeFile(
    join(dir, '2026-11-10-ab.html.md'),
    generateBenchPost(title, '2026-11-10T10:00:00+09:00', SIZE),
  )
  const app = await launchApp({ repo })
  const { page } = app
  try {
    await page.getByRole('listbox').getByRole('option', { name: title }).click()
    await page
      .frameLocator('iframe.preview-frame')
      .locator('#pw-article h1')
      .filter({ hasText: title })
      .waitFor({ timeout: 60_000 })
    await page.waitForTimeout(1000)
    const script = `(async () => {
      const frame = document.querySelector('iframe.preview-frame')
      const doc = frame.contentDocument
      const article = doc.getElementById('pw-article')
      const scroller = doc.scrollingElement
      scroller.scrollTop = scroller.scrollHeight / 2
      const out = {}
      const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      const run = async (label) => {
        await runOne(label + ' text', (t, i) => t.append(doc.createTextNode('あ')))
        await runOne(label + ' replace', (t, i) => { const c = t.cloneNode(true); c.append('い'); t.replaceWith(c); return c })
        await runOne(label + ' scroll1px', (t, i) => { scroller.scrollTop += (i % 2 ? 1 : -1) })
        await runOne(label + ' replace+scroll', (t, i) => { const c = t.cloneNode(true); c.append('い'); t.replaceWith(c); scroller.scrollTop += (i % 2 ? 1 : -1); return c })
      }
      const runOne = async (label, act) => {
        await nextFrame(); await nextFrame()
        const blocks = [...doc.querySelectorAll('#pw-article p')]
        let target = blocks[Math.floor(blocks.length / 2)]
        const forced = [], framed = []
        for (let i = 0; i < 40; i++) {
          await nextFrame()
          let t = performance.now()
          target = act(target, i) || target
          void article.offsetHeight
          forced.push(performance.now() - t)
          await nextFrame()
          target = act(target, i + 1) || target
          framed.push(await new Promise((res) => requestAnimationFrame(() => { const r = performance.now(); setTimeout(() => res(performance.now() - r), 0) })))
        }
        const med = (v) => { v = [...v].sort((a, b) => a - b); return Math.round(v[Math.floor(v.length / 2)] * 100) / 100 }
        out[label] = { forcedLayout: med(forced), rafToPainted: med(framed) }
      }
      await run('chunks + cv (as is)')
      const s = doc.createElement('style')
      s.textContent = '.pw-chunk { content-visibility: visible !important; contain: layout style paint; }'
      doc.head.append(s)
      await run('chunks + contain, no cv')
      s.textContent = '.pw-chunk { content-visibility: visible !important; contain: layout style; }'
      await run('chunks + contain layout style')
      return out
    })()`
    console.log(JSON.stringify(await page.evaluate(script), null, 1))
  } finally {
    await app.close()
    await rm(repo, { recursive: true, force: true })
  }
}
await main()
