import { expect, test } from '@playwright/test'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle, RAILS_POST, saveScreenshot } from './ui-helpers'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

/** Text a writer reads all day, one element each. */
const KEY_TEXT = {
  toolbarButton: '.toolbar .btn',
  listTitle: '.post-list [role="option"] .post-title',
  listMeta: '.post-list [role="option"] .post-meta',
  paneHeader: '.editor-pane .pane-header',
  fieldLabel: '.pwm-field .pwm-label',
  dateField: '.pw-datetime__input',
  editor: '.cm-content',
  sideTab: '.side-tabs [role="tab"]',
}

/** Computed font size (px) of the first element of each selector. */
async function sizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate((sel) => {
    const out: Record<string, number> = {}
    for (const [k, s] of Object.entries(sel)) {
      const el = document.querySelector(s)
      out[k] = el ? parseFloat(getComputedStyle(el).fontSize) : NaN
    }
    return out
  }, KEY_TEXT)
}

/**
 * Elements whose text is cut: a box that hides its overflow (or has a fixed height) and holds
 * more than it shows, vertically, or horizontally without an ellipsis saying so. Boxes the writer
 * can scroll, and line clamps (which end with an ellipsis), are not cut.
 */
async function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.textContent?.trim() || el.getClientRects().length === 0) continue
      if (el.closest('.cm-editor, [aria-hidden="true"], iframe')) continue
      const st = getComputedStyle(el)
      // A clamp to N lines ends with an ellipsis on purpose (the feed's summary, as on the site).
      if (st.webkitLineClamp !== 'none' && st.webkitLineClamp !== '') continue
      const scrolls = (o: string) => o === 'auto' || o === 'scroll'
      const hidesY = st.overflowY === 'hidden' || st.overflowY === 'clip'
      const hidesX = st.overflowX === 'hidden' || st.overflowX === 'clip'
      const y = el.scrollHeight - el.clientHeight > 2 && !scrolls(st.overflowY)
      const x = el.scrollWidth - el.clientWidth > 2 && hidesX && st.textOverflow !== 'ellipsis'
      // A fixed-height box with visible overflow spills its text over its neighbours.
      if ((y && (hidesY || st.height.endsWith('px'))) || x) {
        const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
        cut.push(`${name} "${el.textContent.trim().slice(0, 30)}"`)
      }
    }
    return [...new Set(cut)]
  })
}

test('the UI follows the browser’s default text size (the OS/user text-size setting), zoom aside', async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } })
  const { page } = app
  await openPost(page, RAILS_POST.title)
  const before = await sizes(page)
  for (const v of Object.values(before)) expect(v).toBeGreaterThan(9)
  const articleBefore = await previewArticle(page)
    .locator('p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize))
  expect(await cutText(page)).toEqual([])

  // Chromium's default font size is where a text-size setting lands (not the zoom factor): 150 %.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } })
  await expect
    .poll(async () => (await sizes(page)).listTitle)
    .toBeCloseTo(before.listTitle! * 1.5, 0)
  const after = await sizes(page)
  for (const [k, v] of Object.entries(before))
    expect({ [k]: after[k] }).toEqual({ [k]: expect.closeTo(v * 1.5, 0) })
  const articleAfter = await previewArticle(page)
    .locator('p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize))
  expect(articleAfter).toBeCloseTo(articleBefore * 1.5, 0)
  expect(await cutText(page)).toEqual([])
  await saveScreenshot(page, 'text-size-150.png')

  // The dialogs too: the new-post wizard and the eyecatch studio.
  await page.getByRole('button', { name: '新しい記事' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(await cutText(page)).toEqual([])
  await saveScreenshot(page, 'text-size-150-wizard.png')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.getByRole('button', { name: 'アイキャッチ', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(await cutText(page)).toEqual([])
})
