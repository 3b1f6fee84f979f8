import { execFileSync } from 'node:child_process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from 'playwright-core'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import {
  cursorToEnd,
  editorContent,
  openPost,
  previewArticle,
  saveScreenshot,
  saveState,
} from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const COMMENT = '# 社内レビュー済み（この行は残ること）'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

/** The metadata form of the open post. */
function form(page: Page) {
  return page.getByRole('region', { name: '記事の情報' })
}

/** The text of every line of the editor (CodeMirror renders the whole small post). */
async function editorLines(page: Page): Promise<string[]> {
  return page.locator('.cm-line').allTextContents()
}

test('the form and the YAML are one document: a title edit changes one line, undo restores it', async () => {
  const repo = await freshSampleCopy()
  const file = join(repo, RAILS_FILE)
  const original = await readFile(file, 'utf8')
  // A comment in the front matter, which the form must keep.
  await writeFile(file, original.replace(/^(date: .*)$/m, `$1\n${COMMENT}`))
  app = await launchApp({ repo, viewport: { width: 1440, height: 900 } })
  const { page } = app
  await openPost(page, RAILS)

  const section = page.getByRole('button', { name: 'メタデータ' })
  await expect(section).toHaveAttribute('aria-expanded', 'true')
  const title = form(page).getByRole('textbox', { name: /^タイトル/ })
  await expect(title).toHaveValue(RAILS)
  const before = await editorLines(page)

  await title.fill(`${RAILS}（改訂版）`)
  await expect(editorContent(page)).toContainText(`title: ${RAILS}（改訂版）`)
  const after = await editorLines(page)
  // Only the title line changed; the comment and every other line are as they were.
  expect(after.length).toBe(before.length)
  const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i]))
  expect(changed).toEqual([before.indexOf(`title: ${RAILS}`)])
  expect(after).toContain(COMMENT)
  await expect(previewArticle(page).locator('h1').first()).toHaveText(`${RAILS}（改訂版）`)
  await expect(page.getByTestId('card-strip').getByTestId('card-title')).toHaveText(
    `${RAILS}（改訂版）`,
  )

  // Undo in the editor brings the old title back, in the form too.
  await editorContent(page).click()
  await page.keyboard.press('Control+z')
  await expect(editorContent(page)).not.toContainText('（改訂版）')
  // The lines CodeMirror draws follow its viewport, which may settle a frame after the undo.
  await expect.poll(() => editorLines(page)).toEqual(before)
  await expect(title).toHaveValue(RAILS)
  await expect(previewArticle(page).locator('h1').first()).toHaveText(RAILS)

  // A tag from the repository's suggestions, with its usage count.
  const tags = form(page).getByRole('combobox', { name: /^タグ/ })
  await tags.click()
  await tags.fill('sr')
  const option = form(page).getByRole('option', { name: /SRE/ })
  await expect(option).toContainText('2 件')
  await option.click()
  await expect(form(page).getByRole('list', { name: 'タグ' })).toContainText('SRE')
  const lines = await editorLines(page)
  expect(lines[lines.indexOf('  - GitHub Actions') + 1]).toBe('  - SRE')
  // Saved to disk with the comment intact.
  await expect(saveState(page)).toHaveText('保存済み')
  const saved = await readFile(file, 'utf8')
  expect(saved).toContain(COMMENT)
  expect(saved).toContain('  - GitHub Actions\n  - SRE\n')

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'metadata.png')

  // An invalid date typed in the YAML: the date field shows the error, typing is never blocked.
  const dateLine = page.locator('.cm-line', { hasText: 'date: 2026-11-13T17:00:00+09:00' })
  await dateLine.click()
  await page.keyboard.press('End')
  for (let i = 0; i < '+09:00'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('XX')
  await expect(editorContent(page)).toContainText('date: 2026-11-13T17:00:00XX')
  const dateField = form(page).locator('[data-field="date"]')
  await expect(dateField).toHaveAttribute('data-invalid', 'true')
  await expect(dateField.locator('.pwm-problem')).toContainText('エラー')
  // …and the editor's gutter marks the line.
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1, { timeout: 5000 })
})

test('the panel folds, is reached by keyboard, and remembers being closed', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  const toggle = page.getByRole('button', { name: 'メタデータ' })
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(form(page)).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('button', { name: 'メタデータ' })).toHaveAttribute(
    'aria-expanded',
    'false',
  )
  await page.getByRole('button', { name: 'メタデータ' }).press('Space')
  await expect(form(page)).toBeVisible()
})

test('the wizard creates a post with its author; renaming the slug moves file, images and history', async () => {
  app = await launchApp({ viewport: { width: 1440, height: 900 } })
  const { page } = app
  const root = app.repoRoot()
  await page.getByRole('button', { name: '新しい記事' }).click()
  const dialog = page.getByRole('dialog', { name: '新しい記事' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('タイトル').fill('Metadata Forms in Practice')
  const slug = dialog.getByLabel('スラッグ（URL の一部）')
  await expect(slug).toHaveValue('metadata-forms-in-practice')
  await dialog.getByLabel('公開日時').fill('2026-12-24T10:00:00')
  const authors = dialog.getByRole('combobox', { name: '著者' })
  await authors.fill('koj')
  // The usage count is the number of posts by kojiro in the repository.
  const byKojiro = (
    await Promise.all(
      (await readdir(join(root, 'source/blog')))
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFile(join(root, 'source/blog', f), 'utf8')),
    )
  ).filter((t) => /^authors:\n(?: {2}- .*\n)*? {2}- kojiro$/m.test(t)).length
  expect(byKojiro).toBeGreaterThan(1)
  await expect(dialog.getByRole('option', { name: /kojiro/ })).toContainText(`${byKojiro} 件`)
  await authors.press('Enter')
  await expect(dialog.getByRole('list', { name: '著者' })).toContainText('kojiro')
  // Tags are required, as the form marks them; the usual category is filled in.
  const tagBox = dialog.getByRole('combobox', { name: 'タグ' })
  await tagBox.fill('Kubernetes')
  await tagBox.press('Enter')
  await expect(dialog.getByRole('list', { name: 'タグ' })).toContainText('Kubernetes')
  await expect(dialog.getByRole('list', { name: 'カテゴリー' })).toContainText('技術')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'new-post-wizard.png')
  await dialog.getByRole('button', { name: '作成して開く' }).click()
  await expect(dialog).toBeHidden()

  const rel = 'source/blog/2026-12-24-metadata-forms-in-practice.html.md'
  const text = await readFile(join(root, rel), 'utf8')
  expect(text).toMatch(/^authors:\n {2}- kojiro$/m)
  // Lists in the block style the sample's posts use.
  expect(text).toMatch(
    /^categories:\n {2}- 技術\ntags:\n {2}- Kubernetes\nauthors:\n {2}- kojiro$/m,
  )
  expect(text).toMatch(/^date: 2026-12-24T10:00:00\+09:00$/m)
  expect(
    (await stat(join(root, 'source/blog/2026-12-24-metadata-forms-in-practice'))).isDirectory(),
  ).toBe(true)
  await expect(editorContent(page)).toContainText('Metadata Forms in Practice')

  // Rename an existing post that has images and git history.
  await openPost(page, RAILS)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
  const newSlug = form(page).getByRole('textbox', { name: /^スラッグ（ファイル名と URL）/ })
  await newSlug.fill('rails-81-upgrade')
  await form(page).getByRole('button', { name: '名前を変える' }).click()
  const moved = 'source/blog/2026-11-13-rails-81-upgrade.html.md'
  await expect(page.getByRole('option', { name: RAILS })).toHaveAttribute('aria-selected', 'true')
  await expect(newSlug).toHaveValue('rails-81-upgrade')
  const exists = (rel: string) => () =>
    stat(join(root, rel)).then(
      () => true,
      () => false,
    )
  // The file and its image folder move together; nothing is left behind.
  await expect.poll(exists(moved)).toBe(true)
  await expect.poll(exists('source/blog/2026-11-13-rails-81-upgrade/eyecatch.png')).toBe(true)
  await expect
    .poll(exists('source/blog/2026-11-13-rails-81-upgrade/upgrade-timeline.png'))
    .toBe(true)
  expect(await exists(RAILS_FILE)()).toBe(false)
  expect(await exists('source/blog/2026-11-13-rails-upgrade')()).toBe(false)
  // The editor reopened the post at its new place: further edits are saved there.
  await expect(form(page).getByRole('button', { name: '名前を変える' })).toBeDisabled()
  await cursorToEnd(page)
  await page.keyboard.type('移動後の追記')
  await expect
    .poll(() => readFile(join(root, moved), 'utf8').catch(() => ''))
    .toContain('移動後の追記')
  expect(await exists(RAILS_FILE)()).toBe(false)
  await expect(previewArticle(page).locator('h1').first()).toHaveText(RAILS)
  // git knows: the rename is staged, and history follows once committed.
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'rename')
  const log = git('log', '--follow', '--name-only', '--format=%s', '--', moved)
  expect(log).toContain(RAILS_FILE)
  expect(log).toContain(moved)
})

test('text typed while a rename runs is kept at the new place, with its undo history; the old file never comes back', async () => {
  // The move itself is real; only its answer to the editor is held, so the writer can type while
  // the file already sits at its new place (as when git is slow on a big repository).
  let releaseMove: () => void = () => undefined
  const held = new Promise<void>((resolve) => (releaseMove = resolve))
  app = await launchApp({
    wrapHandlers: (table) => ({
      ...table,
      'posts:move': async (...args: Parameters<(typeof table)['posts:move']>) => {
        const result = await table['posts:move'](...args)
        await held
        return result
      },
    }),
  })
  const { page } = app
  const root = app.repoRoot()
  await openPost(page, RAILS)
  const newSlug = form(page).getByRole('textbox', { name: /^スラッグ（ファイル名と URL）/ })
  await newSlug.fill('rails-81-upgrade')
  await form(page).getByRole('button', { name: '名前を変える' }).click()
  const moved = join(root, 'source/blog/2026-11-13-rails-81-upgrade.html.md')
  await expect
    .poll(() =>
      stat(moved).then(
        () => true,
        () => false,
      ),
    )
    .toBe(true)
  await cursorToEnd(page)
  await page.keyboard.type('移動中の追記')
  // Longer than the autosave's pause: a save to the old name would have happened by now.
  await page.waitForTimeout(1500)
  releaseMove()
  await expect(newSlug).toHaveValue('rails-81-upgrade')
  await expect.poll(() => readFile(moved, 'utf8')).toContain('移動中の追記')
  await expect(saveState(page)).toHaveText('保存済み')
  await expect(editorContent(page)).toContainText('移動中の追記')
  // The old name stays gone: nothing saved the buffer back to it.
  await expect(stat(join(root, RAILS_FILE))).rejects.toThrow()
  // The buffer moved with the file: one undo takes the typing back, and that is saved too.
  await editorContent(page).focus()
  await page.keyboard.press('Control+z')
  await expect(editorContent(page)).not.toContainText('移動中の追記')
  await expect.poll(() => readFile(moved, 'utf8')).not.toContain('移動中の追記')
  await expect(stat(join(root, RAILS_FILE))).rejects.toThrow()
})

test('renamed twice with another post opened in between: one post, one file, every edit kept, undo across both', async () => {
  app = await launchApp()
  const { page } = app
  const root = app.repoRoot()
  const slugBox = () => form(page).getByRole('textbox', { name: /^スラッグ（ファイル名と URL）/ })
  const rename = async (slug: string) => {
    await slugBox().fill(slug)
    await form(page).getByRole('button', { name: '名前を変える' }).click()
    await expect(form(page).getByRole('button', { name: '名前を変える' })).toBeDisabled()
    await expect(slugBox()).toHaveValue(slug)
  }
  const blog = () => readdir(join(root, 'source/blog'))
  await openPost(page, RAILS)
  await rename('rails-81')
  await cursorToEnd(page)
  await page.keyboard.type('一度目の追記')
  await expect(saveState(page)).toHaveText('保存済み')
  // Another post, then back: the renamed post is one row of the list, and opens with its edit.
  await openPost(page, 'Web Craft Conference 2026 に参加しました')
  await openPost(page, RAILS)
  await expect(editorContent(page)).toContainText('一度目の追記')
  await rename('rails-81-upgrade')
  await cursorToEnd(page)
  await page.keyboard.type('二度目の追記')
  await expect(saveState(page)).toHaveText('保存済み')

  const final = join(root, 'source/blog/2026-11-13-rails-81-upgrade.html.md')
  const text = await readFile(final, 'utf8')
  expect(text).toContain('一度目の追記')
  expect(text).toContain('二度目の追記')
  // Only the last name is left, for the file and for its image folder.
  const names = (await blog()).filter((n) => n.startsWith('2026-11-13-'))
  expect(names.sort()).toEqual([
    '2026-11-13-rails-81-upgrade',
    '2026-11-13-rails-81-upgrade.html.md',
  ])
  await expect(page.getByRole('listbox').getByRole('option', { name: RAILS })).toHaveCount(1)
  await expect(page.getByRole('option', { name: RAILS })).toHaveAttribute('aria-selected', 'true')
  // The undo history followed the post through both renames (and the switch away and back).
  await editorContent(page).focus()
  await page.keyboard.press('Control+z')
  await expect(editorContent(page)).not.toContainText('二度目の追記')
  await page.keyboard.press('Control+z')
  await expect(editorContent(page)).not.toContainText('一度目の追記')
  await expect.poll(() => readFile(final, 'utf8')).not.toContain('一度目の追記')
})
