import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { cursorToEnd, editorContent, openPost, saveScreenshot, saveState } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const SENTENCE = 'この仕組みはjavascriptで書き直しました。'

let app: LaunchedApp
test.beforeEach(async () => {
  app = await launchApp()
})
test.afterEach(async () => {
  await app.close()
})

test('a finding is underlined as it is typed, listed in the panel, and its quick fix reaches the file', async () => {
  test.setTimeout(120_000)
  const { page } = app
  await openPost(page, RAILS)
  await page.getByRole('tab', { name: '校正' }).click()
  const panel = page.getByRole('region', { name: '校正の指摘' })
  await expect(panel.getByText('内蔵の設定')).toBeVisible()

  await cursorToEnd(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText(SENTENCE)

  // The underline sits on the misspelled term, in the editor, with a gutter mark on its line.
  const underline = editorContent(page).locator('.cm-proofread', { hasText: 'javascript' })
  await expect(underline).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('.cm-proofread-gutter .cm-proofread-marker').last()).toBeVisible()

  // The panel lists it with the rule's Japanese message.
  const entry = panel.getByRole('listitem').filter({ hasText: 'javascript => JavaScript' })
  await expect(entry).toBeVisible()
  await expect(entry).toContainText('prh')

  // Hovering shows the message and the fix.
  await underline.hover()
  const tooltip = page.locator('.cm-proofread-tooltip')
  await expect(tooltip).toContainText('javascript => JavaScript')
  await expect(tooltip.getByRole('button', { name: '「JavaScript」に直す' })).toBeVisible()
  await saveScreenshot(page, 'proofread-underline.png')
  await page.mouse.move(0, 0)

  // Clicking the entry selects the finding in the editor.
  await entry.getByRole('button').first().click()
  expect(await page.evaluate(() => getSelection()?.toString())).toBe('javascript')
  await saveScreenshot(page, 'proofread-panel.png')

  // The quick fix changes the text, and the autosave writes it.
  await entry.getByRole('button', { name: '修正' }).click()
  await expect(editorContent(page)).toContainText('この仕組みはJavaScriptで書き直しました。')
  await expect(entry).toHaveCount(0)
  await expect(saveState(page)).toHaveText('保存済み', { timeout: 15_000 })
  const disk = await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')
  expect(disk).toContain('\n\nこの仕組みはJavaScriptで書き直しました。')
})

test('「このルールを無効にする」 hides a rule for this repository and is remembered in the app settings', async () => {
  test.setTimeout(120_000)
  const { page } = app
  await openPost(page, RAILS)
  await page.getByRole('tab', { name: '校正' }).click()
  const panel = page.getByRole('region', { name: '校正の指摘' })
  await cursorToEnd(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('この画面は誰でも使用することができます。')
  const entry = panel.getByRole('listitem').filter({ hasText: 'することができます' })
  await expect(entry).toBeVisible({ timeout: 30_000 })
  await entry.getByRole('button', { name: 'このルールを無効にする' }).click()
  await expect(entry).toHaveCount(0)
  await expect(panel.getByText('ja-technical-writing/ja-no-redundant-expression')).toBeVisible()
  const settings = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8'))
  expect(settings.proofreadDisabledRules[app.repoRoot()]).toEqual([
    'ja-technical-writing/ja-no-redundant-expression',
  ])
  // Nothing was written into the blog's own files.
  const disk = await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')
  expect(disk).not.toContain('ja-no-redundant-expression')
})
