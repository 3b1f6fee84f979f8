/**
 * Issue 9's scenario through the UI, as a new writer does it on the sample blog: send a new post
 * A, then edit and send an existing post B, then send C, then edit B and send again. After every
 * send the folder is still on main, the list still has every post with its true state, and the
 * sent edits are still in the editor. Screenshots of the list and the publish tab after each send.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import type { Page } from 'playwright-core'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { cursorToEnd, editorContent, openPost, saveScreenshot, saveState } from './ui-helpers'

const run = promisify(execFile)
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })).stdout.trim()

const A = '新しい記事: 送信の流れを確かめる'
const A_FILE = 'source/blog/2026-12-01-publish-flow.html.md'
const B = 'はこにわを Rails 8.1 に上げるまでの3週間'
const B_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const C = 'ログ基盤の費用を半分にするために見直していること'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

async function send(page: Page) {
  await page.getByRole('tab', { name: '公開' }).click()
  const panel = page.getByRole('region', { name: 'レビューを依頼' })
  await panel.getByRole('button', { name: /レビューを依頼|変更を送る/ }).click()
  await expect(panel.locator('.pwp-box--success')).toContainText('送りました')
  await expect(panel.locator('[data-state]')).toHaveText('レビュー待ち')
  return panel
}

/** The state badge of a post in the list. */
const badge = (page: Page, title: string) =>
  page.getByRole('listbox').getByRole('option', { name: title }).locator('[data-state]')

async function append(page: Page, text: string) {
  await cursorToEnd(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText(text)
  await expect(saveState(page)).toHaveText('保存済み')
}

test('A, B and C sent in turn: every post stays in the list with its true state', async () => {
  // Four real sends with fetch and push each, and a list refresh after each: over a minute on CI.
  test.setTimeout(180_000)
  app = await launchApp()
  const { page } = app
  const root = app.repoRoot()
  const count = page.locator('.post-list .pane-meta')
  await expect(count).toHaveText('8 件')
  await writeFile(
    join(root, A_FILE),
    `---\ntitle: "${A}"\ndate: 2026-12-01 10:00:00 +0900\nauthors:\n  - hanako\ntags:\n  - 執筆\n---\n\n新しい記事の本文です。\n`,
  )
  await expect(count).toHaveText('9 件')
  await expect(badge(page, A)).toHaveText('未送信')
  await expect(badge(page, B)).toHaveText('公開中')

  await openPost(page, A)
  await send(page)
  await expect(count).toHaveText('9 件')
  await expect(badge(page, A)).toHaveText('レビュー待ち')
  await saveScreenshot(page, 'publish-scenario-1.png')

  await openPost(page, B)
  await append(page, 'B に加えた段落です。')
  await expect(badge(page, B)).toHaveText('公開中・編集あり')
  await send(page)
  await expect(count).toHaveText('9 件')
  await expect(badge(page, A)).toHaveText('レビュー待ち')
  await expect(badge(page, B)).toHaveText('レビュー待ち')
  await saveScreenshot(page, 'publish-scenario-2.png')

  await openPost(page, C)
  await append(page, 'C に加えた段落です。')
  await send(page)
  await expect(count).toHaveText('9 件')
  for (const title of [A, B, C]) await expect(badge(page, title)).toHaveText('レビュー待ち')
  await saveScreenshot(page, 'publish-scenario-3.png')

  // B's sent edit is still in the editor, B is not "merged", and editing and sending B again works.
  await openPost(page, B)
  await expect(editorContent(page)).toContainText('B に加えた段落です。')
  await append(page, 'B への二度目の追記。')
  await expect(badge(page, B)).toHaveText('送信後に変更あり')
  await send(page)
  await expect(badge(page, B)).toHaveText('レビュー待ち')
  // Search still finds A; the folder never left main.
  await page.getByRole('searchbox', { name: '記事を検索' }).fill('送信の流れ')
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1)
  await page.getByRole('searchbox', { name: '記事を検索' }).fill('')
  expect(await git(root, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
  expect(await git(root, 'stash', 'list')).toBe('')
  const origin = await git(root, 'remote', 'get-url', 'origin')
  expect(
    await git(origin, 'show', `post/rails-upgrade:source/blog/2026-11-13-rails-upgrade.html.md`),
  ).toContain('B への二度目の追記。')
  await saveScreenshot(page, 'publish-scenario-4.png')
})

/** A colleague's commit on the server's main: clone, change, push (the writer's folder is not touched). */
async function colleagueCommit(origin: string, change: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'pw-colleague-'))
  try {
    await git(dir, 'clone', '--quiet', '--branch', 'main', origin, '.')
    await change(dir)
    await git(dir, 'add', '-A')
    await git(
      dir,
      '-c',
      'user.name=Editor',
      '-c',
      'user.email=e@example.com',
      'commit',
      '-qm',
      'edit',
    )
    await git(dir, 'push', '--quiet', 'origin', 'main')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test('A, B, C sent, A edited and sent again, the base moves on: clean, then a conflict settled in the app', async () => {
  test.setTimeout(300_000)
  app = await launchApp()
  const { page } = app
  const root = app.repoRoot()
  const origin = await git(root, 'remote', 'get-url', 'origin')
  const count = page.locator('.post-list .pane-meta')
  await expect(count).toHaveText('8 件')
  await writeFile(
    join(root, A_FILE),
    `---\ntitle: "${A}"\ndate: 2026-12-01 10:00:00 +0900\nauthors:\n  - hanako\ntags:\n  - 執筆\n---\n\n新しい記事の本文です。\n`,
  )
  await expect(count).toHaveText('9 件')
  const headBefore = await git(root, 'rev-parse', 'HEAD')
  const folderIntact = async () => {
    expect(await git(root, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    expect(await git(root, 'rev-parse', 'HEAD')).toBe(headBefore)
    expect(await git(root, 'stash', 'list')).toBe('')
    await expect(count).toHaveText('9 件')
  }

  await openPost(page, A)
  await send(page)
  await folderIntact()
  await saveScreenshot(page, 'publish-journey-1-a.png')
  await openPost(page, B)
  await append(page, 'B に加えた段落です。')
  await send(page)
  await folderIntact()
  await saveScreenshot(page, 'publish-journey-2-b.png')
  await openPost(page, C)
  await append(page, 'C に加えた段落です。')
  await send(page)
  await folderIntact()
  for (const title of [A, B, C]) await expect(badge(page, title)).toHaveText('レビュー待ち')
  await saveScreenshot(page, 'publish-journey-3-c.png')

  // Edit A and send again: only A changes state, and the review gets the edit.
  await openPost(page, A)
  await append(page, 'A への追記です。')
  await expect(badge(page, A)).toHaveText('送信後に変更あり')
  await expect(badge(page, B)).toHaveText('レビュー待ち')
  await send(page)
  await folderIntact()
  for (const title of [A, B, C]) await expect(badge(page, title)).toHaveText('レビュー待ち')
  expect(await git(origin, 'show', `post/publish-flow:${A_FILE}`)).toContain('A への追記です。')
  await saveScreenshot(page, 'publish-journey-4-a-again.png')

  // The base moves on elsewhere (README): B brings it in without a checkout, then sends it.
  await colleagueCommit(origin, (dir) => writeFile(join(dir, 'README.md'), '# Blog\n\nnews\n'))
  await openPost(page, B)
  await page.getByRole('tab', { name: '公開' }).click()
  const panel = page.getByRole('region', { name: 'レビューを依頼' })
  await panel.getByRole('button', { name: '公開中の記事との差分を取り込む' }).click()
  await expect(panel.locator('.pwp-box--success')).toContainText('取り込みました')
  await expect(badge(page, B)).toHaveText('送信待ち')
  await folderIntact()
  await send(page)
  await folderIntact()
  await expect(badge(page, B)).toHaveText('レビュー待ち')
  await saveScreenshot(page, 'publish-journey-5-b-updated.png')

  // An editor changes the end of B on the server too: a conflict, settled with "keep mine".
  await colleagueCommit(origin, async (dir) => {
    const text = await readFile(join(dir, B_FILE), 'utf8')
    await writeFile(join(dir, B_FILE), `${text}\n編集部が最後に足した段落です。\n`)
  })
  await panel.getByRole('button', { name: '公開中の記事との差分を取り込む' }).click()
  await expect(panel.getByRole('button', { name: '自分の版を残す' })).toBeVisible()
  await expect(panel).toContainText(B_FILE)
  await saveScreenshot(page, 'publish-journey-6-conflict.png')
  await folderIntact()
  await panel.getByRole('button', { name: '自分の版を残す' }).click()
  await expect(panel.locator('.pwp-box--success')).toContainText('取り込みました')
  await send(page)
  await folderIntact()
  for (const title of [A, B, C]) await expect(badge(page, title)).toHaveText('レビュー待ち')
  await expect(editorContent(page)).toContainText('B に加えた段落です。')
  const sentB = await git(origin, 'show', `post/rails-upgrade:${B_FILE}`)
  expect(sentB).toContain('B に加えた段落です。')
  expect(sentB).not.toContain('編集部が最後に足した段落です。')
  expect(await git(origin, 'show', 'post/rails-upgrade:README.md')).toContain('news')
  await saveScreenshot(page, 'publish-journey-7-resolved.png')
})

test('an editor fixed a published post on the server: untouched it stays 「公開中」, and sending it keeps the fix', async () => {
  test.setTimeout(180_000)
  const D = 'Web Craft Conference 2026 に参加しました'
  const D_FILE = 'source/blog/2026-10-16-web-craft-conference-report.html.md'
  app = await launchApp()
  const { page } = app
  const root = app.repoRoot()
  const origin = await git(root, 'remote', 'get-url', 'origin')
  await colleagueCommit(origin, async (dir) => {
    const text = await readFile(join(dir, D_FILE), 'utf8')
    await writeFile(join(dir, D_FILE), text.replace('福岡で開かれた', '福岡市で開かれた'))
  })
  // Any send fetches the server's main; D, untouched here, must not look edited.
  await openPost(page, B)
  await append(page, 'B に加えた段落です。')
  await send(page)
  await expect(badge(page, D)).toHaveText('公開中')

  // The writer edits D's end and sends: the review carries the editor's fix as well.
  await openPost(page, D)
  await append(page, 'D への追記です。')
  await expect(badge(page, D)).toHaveText('公開中・編集あり')
  await send(page)
  await expect(badge(page, D)).toHaveText('レビュー待ち')
  const sent = await git(origin, 'show', `post/web-craft-conference-report:${D_FILE}`)
  expect(sent).toContain('福岡市で開かれた')
  expect(sent).toContain('D への追記です。')
  // The folder took the fix too, and the open editor reloaded it (its buffer was saved).
  expect(await readFile(join(root, D_FILE), 'utf8')).toBe(sent)
  await editorContent(page).click()
  await page.keyboard.press('Control+Home')
  await expect(editorContent(page)).toContainText('福岡市で開かれた')
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await git(root, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
  await saveScreenshot(page, 'publish-journey-editor-fix.png')
})
