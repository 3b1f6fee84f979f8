/**
 * Which parts of the window change per keystroke: opens a generated post of BENCH_SIZE characters
 * in the real app, types mid-document and counts DOM mutations by their nearest labelled ancestor
 * (in the window and in the preview frame). A diagnostic: `npx tsx bench/tools/mutations.ts`.
 */
import type { Page } from 'playwright-core'
import {
  installProbes,
  openAndWait,
  placeCaret,
  typeAndMeasure,
  withGeneratedPost,
} from '../preview-probes'

const SIZE = Number(process.env.BENCH_SIZE ?? 200_000)
const EDITS = Number(process.env.BENCH_EDITS ?? 20)

/** Counts mutation records under a root by place; the preview frame runs no script, so the window observes it. */
const census = (name: string, root: string) => `(() => {
  const counts = {}
  const where = (node) => {
    let el = node.nodeType === 1 ? node : node.parentElement
    const path = []
    while (el && path.length < 3) {
      const label = el.getAttribute('data-testid') || el.id || (typeof el.className === 'string' && el.className.split(' ')[0]) || el.tagName
      path.unshift(label)
      if (el.getAttribute('data-testid') || el.id) break
      el = el.parentElement
    }
    return path.join(' > ')
  }
  new MutationObserver((records) => {
    for (const r of records) {
      const k = r.type + (r.attributeName ? '[' + r.attributeName + ']' : '') + ' ' + where(r.target)
      counts[k] = (counts[k] || 0) + 1
    }
  }).observe(${root}, { subtree: true, childList: true, attributes: true, characterData: true })
  window['__census_${name}'] = counts
})()`

async function report(label: string, page: Page): Promise<void> {
  const counts = (await page.evaluate(`window['__census_${label}']`)) as Record<string, number>
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
  console.log(`--- ${label}: mutation records per keystroke`)
  for (const [k, n] of top) console.log(`${(n / EDITS).toFixed(2).padStart(8)}  ${k}`)
}

async function main(): Promise<void> {
  const title = `変更 ${SIZE / 1000}k`
  await withGeneratedPost({ slug: 'mutations', title, chars: SIZE }, async ({ page }) => {
    await openAndWait(page, title)
    await installProbes(page)
    await placeCaret(page, 'mid')
    await page.waitForTimeout(1500)
    await page.evaluate(census('window', 'document'))
    await page.evaluate(
      census('preview', `document.querySelector('iframe.preview-frame').contentDocument`),
    )
    await typeAndMeasure(page, EDITS)
    await report('window', page)
    await report('preview', page)
  })
}

await main()
