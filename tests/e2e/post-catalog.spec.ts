import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from 'playwright-core'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, saveScreenshot, saveState } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const ON_CALL_FILE = 'source/blog/2026-09-30-sustainable-on-call.html.md'

let app: LaunchedApp | null = null
let copy: string | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
  if (copy) await rm(copy, { recursive: true, force: true })
  copy = null
})

function form(page: Page) {
  return page.getByRole('region', { name: '記事の情報' })
}

function list(page: Page) {
  return page.getByRole('listbox', { name: '記事' })
}

test('a title and a tag changed in the form show in the list, search and header after the save', async () => {
  copy = await freshSampleCopy()
  app = await launchApp({ repo: copy })
  const { page } = app
  await openPost(page, RAILS)
  const renamed = `${RAILS}（改訂版）`

  await form(page)
    .getByRole('textbox', { name: /^タイトル/ })
    .fill(renamed)
  const tags = form(page).getByRole('combobox', { name: /^タグ/ })
  await tags.click()
  await tags.fill('Kubernetes')
  await tags.press('Enter')
  await expect(form(page).getByRole('list', { name: 'タグ' })).toContainText('Kubernetes')
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await readFile(join(copy, RAILS_FILE), 'utf8')).toContain('  - Kubernetes\n')

  // Another post: the list row of the edited one shows its new title and tag, without a restart.
  const others = list(page).getByRole('option').filter({ hasNotText: RAILS })
  await others.first().click()
  const row = list(page).getByRole('option', { name: renamed })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('#Kubernetes')

  // Search finds it by the new tag.
  const search = page.getByRole('searchbox', { name: '記事を検索' })
  await search.fill('#kubernetes')
  await expect(list(page).getByRole('option')).toHaveCount(1)
  await expect(list(page).getByRole('option')).toContainText(renamed)
  await saveScreenshot(page, 'post-list-after-save.png')
  await search.fill('')

  // The editor header names it by its new title when it is opened again.
  await list(page).getByRole('option', { name: renamed }).click()
  await expect(page.locator('.editor-pane .pane-meta')).toHaveText(renamed)
  await expect(page).toHaveTitle(new RegExp(`^${renamed.replace(/[.()（）]/g, '.')}`))
})

test('a post changed by another program shows its new title in the list (the watcher)', async () => {
  copy = await freshSampleCopy()
  app = await launchApp({ repo: copy })
  const { page } = app
  await openPost(page, RAILS)
  const file = join(copy, ON_CALL_FILE)
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace(/^title: .*$/m, 'title: 外で書き換えたタイトル'))
  await expect(list(page).getByRole('option', { name: '外で書き換えたタイトル' })).toHaveCount(1)
})
