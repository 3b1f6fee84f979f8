/**
 * Issue 16 in the app itself: "keep mine" keeps what it replaces and the title bar says when edits
 * are not saved (D2), and a post with a 100,000-key front matter, or one nested 30,000 deep, leaves
 * the window responsive (S12).
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { cursorToEnd, editorContent, openPost, saveScreenshot, saveState } from './ui-helpers'

const TITLE = 'はこにわを Rails 8.1 に上げるまでの3週間'
const FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'

let app: LaunchedApp
let repo: string
test.beforeEach(async () => {
  repo = await freshSampleCopy()
  const keys = Array.from({ length: 100_000 }, (_, i) => `key${i}: value ${i}`).join('\n')
  await writeFile(
    join(repo, 'source/blog/2026-12-04-huge.html.md'),
    `---\ntitle: 巨大なフロントマター\ndate: 2026-12-04T10:00:00+09:00\n${keys}\n---\n\n本文です。\n`,
  )
  await writeFile(
    join(repo, 'source/blog/2026-12-05-deep-nesting.html.md'),
    `---\ntitle: 深い入れ子\ndate: 2026-12-05T10:00:00+09:00\nx: ${'['.repeat(30_000)}\n---\n\n本文です。\n`,
  )
  app = await launchApp({ repo })
})
test.afterEach(async () => {
  await app.close()
  await rm(repo, { recursive: true, force: true })
})

test('D2: keep mine keeps the replaced version, listed in the conflict history; the title says "not saved" meanwhile', async () => {
  const { page } = app
  const path = join(repo, FILE)
  const dialog = page.getByRole('dialog', { name: '記事がほかの場所で変更されました' })

  await openPost(page, TITLE)
  const original = await readFile(path, 'utf8')
  await cursorToEnd(page)
  await page.keyboard.insertText('ぼくの変更です。')
  await writeFile(path, original.replace('kojiro です。', 'kojiro です。ディスク側その1。'))
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page).toHaveTitle(/未保存/)

  await page.getByRole('button', { name: '選ぶ…' }).click()
  await dialog.getByRole('button', { name: '自分の版を残す' }).click()
  await expect(saveState(page)).toHaveText('保存済み')
  await expect(page).not.toHaveTitle(/未保存/)
  expect(await readFile(path, 'utf8')).toContain('ぼくの変更です。')

  // The next conflict lists the version "keep mine" replaced, kept in the app's data folder.
  await cursorToEnd(page)
  await page.keyboard.insertText('もう一度。')
  await writeFile(path, original.replace('kojiro です。', 'kojiro です。ディスク側その2。'))
  await expect(dialog).toBeVisible()
  const history = dialog.locator('.conflict-history')
  await expect(history).toContainText('アプリのデータフォルダに残してあります')
  const kept = (await history.locator('code').first().textContent()) ?? ''
  expect(kept.startsWith(join(app.dataDir, 'backups'))).toBe(true)
  expect(await readFile(kept, 'utf8')).toContain('ディスク側その1。')
  await saveScreenshot(page, 'conflict-history.png')
})

test('S12: a 100,000-key front matter is refused with its limit and typing stays responsive', async () => {
  const { page } = app
  await page.getByRole('listbox').getByRole('option', { name: /huge/ }).first().click()
  await expect(page.getByText(/上限は 1,000 行/).first()).toBeVisible({ timeout: 20_000 })
  await editorContent(page).click()
  await page.keyboard.press('Control+End')
  const started = Date.now()
  await page.keyboard.type('応答します', { delay: 20 })
  await expect(editorContent(page)).toContainText('本文です。応答します')
  expect(Date.now() - started).toBeLessThan(5000)
})

test('S12: a front matter nested 30,000 deep is refused with its limit and typing stays responsive', async () => {
  const { page } = app
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /deep-nesting/ })
    .first()
    .click()
  await expect(page.getByText(/上限は 100 段/).first()).toBeVisible({ timeout: 20_000 })
  await editorContent(page).click()
  await page.keyboard.press('Control+End')
  const started = Date.now()
  await page.keyboard.type('応答します', { delay: 20 })
  await expect(editorContent(page)).toContainText('本文です。応答します')
  expect(Date.now() - started).toBeLessThan(5000)
})
