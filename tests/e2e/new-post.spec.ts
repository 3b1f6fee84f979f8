import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { editorContent, previewArticle, saveScreenshot } from './ui-helpers'

let app: LaunchedApp
test.beforeEach(async () => {
  app = await launchApp()
})
test.afterEach(async () => {
  await app.close()
})

test('creates a post through the wizard, with the slug suggested and checked as you type', async () => {
  const { page } = app
  await page.getByRole('button', { name: '新しい記事' }).click()
  const dialog = page.getByRole('dialog', { name: '新しい記事' })
  await expect(dialog).toBeVisible()
  const title = dialog.getByLabel('タイトル')
  const slug = dialog.getByLabel('スラッグ（URL の一部）')
  await expect(title).toBeFocused()

  await title.fill('Hello Portal Writer 入門')
  await expect(slug).toHaveValue('hello-portal-writer')

  await slug.fill('Bad Slug')
  await expect(slug).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog).toContainText('半角英小文字・数字・ハイフン（a-z 0-9 -）')

  await slug.fill('hello-portal-writer')
  await expect(slug).toHaveAttribute('aria-invalid', 'false')
  await dialog.getByLabel('公開日時').fill('2026-12-24T09:30:00')
  await expect(dialog).toContainText('URL: https://tech.pepabo.com/2026/12/24/hello-portal-writer/')
  // Tags and authors are required (the schema says so): creating without them says so on the
  // field, tags first (the form's order).
  await dialog.getByRole('button', { name: '作成して開く' }).click()
  const tags = dialog.getByRole('combobox', { name: 'タグ' })
  await expect(tags).toBeFocused()
  await tags.fill('入門')
  await tags.press('Enter')
  await dialog.getByRole('button', { name: '作成して開く' }).click()
  const authors = dialog.getByRole('combobox', { name: '著者' })
  await expect(authors).toBeFocused()
  await expect(dialog).toContainText('著者を 1 人以上入れてください。')
  await authors.fill('sora')
  await authors.press('Enter')
  await saveScreenshot(page, 'new-post-dialog.png')

  await dialog.getByRole('button', { name: '作成して開く' }).click()
  await expect(dialog).toBeHidden()
  const rel = 'source/blog/2026-12-24-hello-portal-writer.html.md'
  const text = await readFile(join(app.repoRoot(), rel), 'utf8')
  expect(text).toMatch(/^title: "?Hello Portal Writer 入門"?$/m)
  expect(text).toMatch(/^date: 2026-12-24T09:30:00\+09:00$/m)
  expect(text).toMatch(/^authors:\n {2}- sora$/m)
  // Lists in the block style the sample's posts use.
  expect(text).toMatch(/^tags:\n {2}- 入門$/m)
  await expect(page.getByRole('option', { name: 'Hello Portal Writer 入門' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(editorContent(page)).toContainText('Hello Portal Writer 入門')
  await expect(previewArticle(page).locator('h1')).toHaveText('Hello Portal Writer 入門')
})

test('refuses a slug already taken on the slug field, and Escape closes the wizard', async () => {
  const { page } = app
  // (Ctrl+N itself is reserved by Chromium for a new window; Electron's menu sends it instead.)
  await page.getByRole('button', { name: '新しい記事' }).click()
  const dialog = page.getByRole('dialog', { name: '新しい記事' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('タイトル').fill('もう一度 Rails の話')
  const slug = dialog.getByLabel('スラッグ（URL の一部）')
  await slug.fill('rails-upgrade')
  await expect(slug).toHaveAttribute('aria-invalid', 'true')
  await dialog.getByRole('button', { name: '作成して開く' }).click()
  await expect(slug).toHaveAttribute('aria-invalid', 'true')
  await expect(slug).toBeFocused()
  await expect(
    dialog.locator('.pwm-error').filter({ hasText: /rails-upgrade|スラッグ/ }),
  ).toBeVisible()

  // The dialog keeps Tab inside.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab')
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
