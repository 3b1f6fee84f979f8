import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import {
  cursorToEnd,
  editorContent,
  openPost,
  previewArticle,
  saveScreenshot,
  saveState,
} from './ui-helpers'

const TITLE = 'はこにわを Rails 8.1 に上げるまでの3週間'
const FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'

let app: LaunchedApp
let path: string
test.beforeEach(async () => {
  app = await launchApp()
  path = join(app.repoRoot(), FILE)
})
test.afterEach(async () => {
  await app.close()
})

/** Types an unsaved edit, then changes the file on disk before autosave runs. */
async function editThenChangeOnDisk(): Promise<string> {
  const { page } = app
  await openPost(page, TITLE)
  const original = await readFile(path, 'utf8')
  await cursorToEnd(page)
  await page.keyboard.insertText('ぼくの変更です。')
  const theirs = original.replace('kojiro です。', 'kojiro です。ディスク側の変更です。')
  await writeFile(path, theirs)
  return theirs
}

test('unsaved edits + a change on disk ask the writer; "keep mine" writes the buffer (D2)', async () => {
  const { page } = app
  await editThenChangeOnDisk()
  const dialog = page.getByRole('dialog', { name: '記事がほかの場所で変更されました' })
  await expect(dialog).toBeVisible()
  await expect(saveState(page)).toHaveText('変更が衝突しています')
  // Nothing was overwritten while the dialog waits.
  expect(await readFile(path, 'utf8')).toContain('ディスク側の変更です。')

  await dialog.getByRole('button', { name: '比べる' }).click()
  const compare = dialog.getByRole('region', { name: '比べる' })
  await expect(compare).toContainText('ぼくの変更です。')
  await expect(compare).toContainText('ディスク側の変更です。')
  await saveScreenshot(page, 'conflict-dialog.png')

  await dialog.getByRole('button', { name: '自分の版を残す' }).click()
  await expect(dialog).toBeHidden()
  await expect(saveState(page)).toHaveText('保存済み')
  const disk = await readFile(path, 'utf8')
  expect(disk).toContain('ぼくの変更です。')
  expect(disk).not.toContain('ディスク側の変更です。')
})

test('"take theirs" loads the disk version and Undo brings mine back', async () => {
  const { page } = app
  const theirs = await editThenChangeOnDisk()
  const dialog = page.getByRole('dialog', { name: '記事がほかの場所で変更されました' })
  await dialog.getByRole('button', { name: 'ディスクの版を使う' }).click()
  await expect(dialog).toBeHidden()
  await expect(previewArticle(page)).toContainText('ディスク側の変更です。')
  await expect(previewArticle(page)).not.toContainText('ぼくの変更です。')
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await readFile(path, 'utf8')).toBe(theirs)

  await editorContent(page).click()
  await page.keyboard.press('Control+z')
  await expect(previewArticle(page)).toContainText('ぼくの変更です。')
})

test('"decide later" keeps both versions and a banner to choose; autosave stays paused', async () => {
  const { page } = app
  const theirs = await editThenChangeOnDisk()
  const dialog = page.getByRole('dialog', { name: '記事がほかの場所で変更されました' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByText('ディスク上の記事が変更されています。')).toBeVisible()
  await cursorToEnd(page)
  await page.keyboard.insertText('さらに追記。')
  await page.waitForTimeout(1500)
  expect(await readFile(path, 'utf8')).toBe(theirs)
  await page.getByRole('button', { name: '選ぶ…' }).click()
  await expect(dialog).toBeVisible()
})

test('a clean buffer reloads silently when the file changes on disk', async () => {
  const { page } = app
  await openPost(page, TITLE)
  const original = await readFile(path, 'utf8')
  await writeFile(path, original.replace('kojiro です。', 'kojiro です。外から書き換えました。'))
  await expect(previewArticle(page)).toContainText('外から書き換えました。')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(saveState(page)).toHaveText('保存済み')
})

test('a deleted file keeps the buffer, says so, and saving recreates it (D3)', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await rm(path)
  await expect(page.getByText('この記事のファイルがディスク上に見つかりません。')).toBeVisible()
  await expect(previewArticle(page).locator('h1')).toHaveText(TITLE)
  await page.getByRole('button', { name: '今すぐ保存' }).click()
  await expect(page.getByText('この記事のファイルがディスク上に見つかりません。')).toBeHidden()
  expect(await readFile(path, 'utf8')).toContain(`title: ${TITLE}`)
})
