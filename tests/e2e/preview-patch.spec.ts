import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { editorContent, openPost, previewArticle, previewVersion } from './ui-helpers'

const POST = 'ジョブキューを Resque から Solid Queue へ移した半年間'

let app: LaunchedApp
test.beforeEach(async () => {
  app = await launchApp()
})
test.afterEach(async () => {
  await app.close()
})

test('typing patches the changed block only: every block stays the same node and the scroll stays put', async () => {
  const { page } = app
  await openPost(page, POST)
  // Scroll the editor to the middle; the preview follows (scroll sync). Then mark every preview block.
  await editorContent(page).hover()
  await page.mouse.wheel(0, 2500)
  await page.waitForTimeout(400)
  const marked = await page.evaluate(() => {
    const doc = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!.contentDocument!
    const blocks = Array.from(doc.querySelectorAll('#pw-article > *'))
    blocks.forEach((b, i) => ((b as unknown as { __pwMark: number }).__pwMark = i))
    return { count: blocks.length, scrollTop: doc.scrollingElement!.scrollTop }
  })
  expect(marked.count).toBeGreaterThan(20)
  expect(marked.scrollTop).toBeGreaterThan(200)

  // Type at the end of a Japanese paragraph visible in the middle of the editor.
  const visible = await page.evaluate(() => {
    const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect()
    const lines = Array.from(document.querySelectorAll('.cm-line'))
    return lines.findIndex((l) => {
      const r = l.getBoundingClientRect()
      return (
        r.top > scroller.top + 100 &&
        r.bottom < scroller.bottom - 100 &&
        /。$/.test(l.textContent ?? '')
      )
    })
  })
  expect(visible).toBeGreaterThanOrEqual(0)
  await page.locator('.cm-line').nth(visible).click()
  await page.waitForTimeout(300)
  await page.keyboard.press('End')
  await page.waitForTimeout(300)
  const scrollBefore = await page.evaluate(
    () =>
      document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!.contentDocument!
        .scrollingElement!.scrollTop,
  )
  expect(scrollBefore).toBeGreaterThan(200)
  const before = await previewVersion(page)
  await page.keyboard.insertText('（追記）')
  await expect(previewArticle(page)).toContainText('（追記）')
  expect(await previewVersion(page)).toBeGreaterThan(before)

  const after = await page.evaluate(() => {
    const doc = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!.contentDocument!
    const blocks = Array.from(doc.querySelectorAll('#pw-article > *'))
    const typed = blocks.filter((b) => b.textContent!.includes('（追記）'))
    return {
      kept: blocks.filter((b) => (b as unknown as { __pwMark?: number }).__pwMark !== undefined)
        .length,
      total: blocks.length,
      typed: typed.length,
      typedKept: typed.every((b) => (b as unknown as { __pwMark?: number }).__pwMark !== undefined),
      scrollTop: doc.scrollingElement!.scrollTop,
    }
  })
  // Every block is the node that was there before: the paragraph typed in was filled again in
  // place.
  expect(after.total).toBe(marked.count)
  expect(after.kept).toBe(marked.count)
  expect(after.typed).toBe(1)
  expect(after.typedKept).toBe(true)
  // The preview stays where the writer was reading (no jump to the top, no flicker).
  expect(Math.abs(after.scrollTop - scrollBefore)).toBeLessThan(40)
})

test('each keystroke renders the preview once, whatever else follows it', async () => {
  const { page } = app
  await openPost(page, POST)
  await page.evaluate(() => {
    const w = window as unknown as { __updates: number }
    w.__updates = 0
    window.addEventListener('pw:preview-updated', () => w.__updates++)
  })
  const line = page.locator('.cm-line', { hasText: /。$/ }).first()
  await line.click()
  await page.keyboard.press('End')
  await page.waitForTimeout(500)
  let typed = ''
  // Enough keystrokes for renders to take the same-frame path (they do once they are quick).
  for (const ch of '一度だけ描き直す、一度だけ描き直す') {
    await page.evaluate(() => ((window as unknown as { __updates: number }).__updates = 0))
    await page.keyboard.insertText(ch)
    typed += ch
    await expect(previewArticle(page)).toContainText(typed)
    // The card, the metadata form and the lint that follow a keystroke ask nothing more of it.
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __updates: number }).__updates)).toBe(
      1,
    )
  }
})

test('typing in a code block keeps where the writer scrolled it sideways in the preview', async () => {
  const { page } = app
  const title = '長い行のあるコード'
  const long = `puts "${'とても長い行です。'.repeat(30)}"`
  await writeFile(
    join(app.repoRoot(), 'source/blog/2026-11-30-long-code.html.md'),
    `---\ntitle: ${title}\ndate: 2026-11-30T10:00:00+09:00\n---\n\n説明です。\n\n\`\`\`ruby\n${long}\nputs 1\n\`\`\`\n`,
  )
  await expect(page.getByRole('option', { name: title })).toBeVisible()
  await openPost(page, title)
  const pre = previewArticle(page).locator('pre')
  await pre.evaluate((el) => (el.scrollLeft = 300))
  expect(await pre.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200)
  await editorContent(page).locator('.cm-line', { hasText: 'puts 1' }).click()
  await page.keyboard.press('End')
  await page.keyboard.insertText('23')
  await expect(pre).toContainText('puts 123')
  // The same <pre>, still scrolled where the writer left it (it went back to 0 on every keystroke).
  expect(await pre.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200)
})
