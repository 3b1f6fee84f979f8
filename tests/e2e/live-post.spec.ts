import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle, previewVersion } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

/** `YYYY-MM-DDTHH:mm:ss+09:00` of an instant, as a front-matter date in Japan time. */
function jstDate(ms: number): string {
  return `${new Date(ms + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`
}

test('while the YAML is broken, the card and the preview keep the same last valid date', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  const strip = page.getByTestId('card-strip')

  // Date the post two minutes ago (the file name's day is weeks earlier).
  const written = jstDate(Date.now() - 120_000)
  await page.locator('.cm-line', { hasText: 'date: 2026-11-13T17:00:00+09:00' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Shift+Home')
  await page.keyboard.insertText(`date: ${written}`)
  await expect(strip.getByTestId('card-date')).toHaveText(/^[23]分前$/)
  const day = written.slice(0, 10).replace(/-/g, '/')
  await expect(previewArticle(page).locator('header time')).toHaveText(day)

  // Break the YAML (a second ": " in the title): every view keeps the last valid front matter.
  await page.locator('.cm-line', { hasText: `title: ${RAILS}` }).click()
  await page.keyboard.press('End')
  const before = await previewVersion(page)
  await page.keyboard.insertText(': 壊れた')
  await expect.poll(() => previewVersion(page)).toBeGreaterThan(before)
  // Let the card catch up (it may follow in idle time), then read once: no retrying into a pass.
  await page.waitForTimeout(500)
  expect(await strip.getByTestId('card-date').textContent()).toMatch(/^[23]分前$/)
  expect(await previewArticle(page).locator('header time').textContent()).toBe(day)
  expect(await strip.getByTestId('card-title').textContent()).toBe(RAILS)
})
