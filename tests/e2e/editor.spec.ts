import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import {
  cursorToEnd,
  editorContent,
  openPost,
  previewArticle,
  previewVersion,
  saveScreenshot,
  saveState,
} from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'

let app: LaunchedApp
test.beforeEach(async () => {
  app = await launchApp()
})
test.afterEach(async () => {
  await app.close()
})

test('opens the sample blog, live-previews Japanese typing and autosaves it to disk', async () => {
  const { page } = app
  await expect(page.getByRole('listbox', { name: '記事' }).getByRole('option')).not.toHaveCount(0)
  await openPost(page, RAILS)
  await expect(previewArticle(page).locator('h1')).toHaveText(RAILS)
  await expect(previewArticle(page).locator('h2').first()).toBeVisible()

  await cursorToEnd(page)
  const before = await previewVersion(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('日本語の段落を追加しました。')
  await page.keyboard.type(' Typed in ASCII, too.')
  // The preview follows without saving.
  await expect(previewArticle(page)).toContainText(
    '日本語の段落を追加しました。 Typed in ASCII, too.',
  )
  expect(await previewVersion(page)).toBeGreaterThan(before)
  await expect(page).toHaveTitle(`● ${RAILS} — Portal Writer`)

  // Autosave after typing pauses: the file on disk has the new paragraph.
  await expect(saveState(page)).toHaveText('保存済み')
  await expect(page).toHaveTitle(`${RAILS} — Portal Writer`)
  const disk = await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')
  expect(disk).toContain('\n\n日本語の段落を追加しました。 Typed in ASCII, too.')

  await editorContent(page).evaluate((el) => el.closest('.cm-scroller')?.scrollTo(0, 0))
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'main-window.png')
})

test('each post keeps its own undo history', async () => {
  const { page } = app
  const other = (await app.handlers['posts:list'](undefined)).find((p) => p.path !== RAILS_FILE)!
  await openPost(page, RAILS)
  await cursorToEnd(page)
  await page.keyboard.insertText('RAILS-EDIT')
  await openPost(page, other.title)
  await cursorToEnd(page)
  await page.keyboard.insertText('OTHER-EDIT')
  await openPost(page, RAILS)
  await expect(previewArticle(page)).toContainText('RAILS-EDIT')
  await editorContent(page).click()
  await page.keyboard.press('Control+z')
  await expect(previewArticle(page)).not.toContainText('RAILS-EDIT')
  // Undo in one post never reaches into another.
  await openPost(page, other.title)
  await expect(previewArticle(page)).toContainText('OTHER-EDIT')
  await editorContent(page).click()
  await page.keyboard.press('Control+z')
  await expect(previewArticle(page)).not.toContainText('OTHER-EDIT')
  // An empty history stays empty: a further undo does not bring back another post's text.
  await page.keyboard.press('Control+z')
  await expect(previewArticle(page)).not.toContainText('RAILS-EDIT')
  await openPost(page, RAILS)
  await expect(previewArticle(page)).not.toContainText('RAILS-EDIT')
  await expect(saveState(page)).toHaveText('保存済み')
  const disk = await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')
  expect(disk).not.toContain('RAILS-EDIT')
})

test('IME composition commits into the editor and the preview once', async () => {
  const { page } = app
  await openPost(page, RAILS)
  await cursorToEnd(page)
  await page.keyboard.press('Enter')
  // Drive Chromium's real IME path (compositionstart/update/end), as a Japanese input method does.
  const cdp = await page.context().newCDPSession(page)
  for (const step of ['n', 'に', 'にほ', 'にほん', 'にほんご']) {
    await cdp.send('Input.imeSetComposition', {
      text: step,
      selectionStart: step.length,
      selectionEnd: step.length,
    })
  }
  await expect(editorContent(page)).toContainText('にほんご')
  await cdp.send('Input.insertText', { text: '日本語' })
  await page.keyboard.insertText('で書く。')
  await expect(previewArticle(page)).toContainText('日本語で書く。')
  await expect(previewArticle(page)).not.toContainText('にほんご')
  await expect(editorContent(page)).not.toContainText('にほんご')
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')).toMatch(/\n日本語で書く。\n?$/)
})

test('find and replace works from the keyboard', async () => {
  const { page } = app
  await openPost(page, RAILS)
  await editorContent(page).click()
  await page.keyboard.press('Control+h')
  const panel = page.locator('.cm-search')
  await expect(panel).toBeVisible()
  await panel.locator('input[name=search]').fill('デュアルブート')
  await panel.locator('input[name=replace]').fill('二刀流')
  await panel.getByRole('button', { name: 'すべて置換' }).click()
  await expect(editorContent(page)).toContainText('二刀流')
  await expect(previewArticle(page)).toContainText('二刀流')
})

test('scrolling the editor scrolls the preview to the same place, and back', async () => {
  const { page } = app
  await openPost(page, RAILS)
  const frame = page.locator('iframe.preview-frame')
  const previewTop = () =>
    frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.scrollingElement?.scrollTop ?? 0)
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2))
  await expect.poll(previewTop).toBeGreaterThan(200)
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, 0))
  await expect.poll(previewTop).toBeLessThan(5)
  // The other way: the writer scrolls the preview (the wheel), the editor follows.
  await frame.hover()
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 400)
  await expect
    .poll(() => page.locator('.cm-scroller').evaluate((el) => el.scrollTop))
    .toBeGreaterThan(200)
})

test('panes resize from the keyboard and keep their size; the language choice is remembered', async () => {
  const { page } = app
  const list = page.locator('.pane-list')
  const width0 = (await list.boundingBox())!.width
  await page.getByRole('separator', { name: '記事一覧の幅' }).focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await list.boundingBox())!.width).toBe(width0 + 32)

  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click()
  await expect(page.getByRole('button', { name: 'New Post' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('button', { name: 'New Post' })).toBeVisible()
  await expect
    .poll(async () => (await page.locator('.pane-list').boundingBox())!.width)
    .toBe(width0 + 32)
})
