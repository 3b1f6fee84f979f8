import { expect, test } from '@playwright/test'
import { launchApp } from './harness/launch-app'
import { openPost, previewArticle, saveScreenshot } from './ui-helpers'

test('dark theme follows the system (screenshot)', async () => {
  const app = await launchApp({ colorScheme: 'dark' })
  try {
    const { page } = app
    await openPost(page, 'はこにわを Rails 8.1 に上げるまでの3週間')
    await expect(previewArticle(page).locator('pre').first()).toBeVisible()
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    // A dark page: every channel of the background is low.
    const [r, g, b] = bg.match(/\d+/g)!.map(Number)
    expect(Math.max(r!, g!, b!)).toBeLessThan(60)
    // Show a code block (highlight.js colours in dark) in both panes: scroll sync brings the preview along.
    await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, 520))
    await expect
      .poll(() =>
        page
          .locator('iframe.preview-frame')
          .evaluate((f: HTMLIFrameElement) => f.contentDocument?.scrollingElement?.scrollTop ?? 0),
      )
      .toBeGreaterThan(300)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await saveScreenshot(page, 'main-window-dark.png')
  } finally {
    await app.close()
  }
})
