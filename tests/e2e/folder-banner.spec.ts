/**
 * Issue 9: a folder left on a review branch (by an older version of the app, or by the writer in a
 * terminal). The banner says so and offers to go back to the base branch; it refuses, naming the
 * file, while that would carry uncommitted work; once it can, the folder goes back and every post
 * — the one only the branch had included — stays in the list. Nothing is stashed or reset.
 */
import { execFile } from 'node:child_process'
import { appendFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { saveScreenshot } from './ui-helpers'

const run = promisify(execFile)
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })).stdout.trim()

const LEFT = '古い版のアプリが残した記事'
const LEFT_FILE = 'source/blog/2026-12-02-left-behind.html.md'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('a folder left on a review branch: explained, refused while work is uncommitted, then put back with every post', async () => {
  test.setTimeout(120_000)
  app = await launchApp()
  const { page } = app
  const root = app.repoRoot()
  const count = page.locator('.post-list .pane-meta')
  await expect(count).toHaveText('8 件')

  // What an older version did: switch to the post's branch and commit the post there.
  await git(root, 'switch', '--quiet', '-c', 'post/left-behind')
  await writeFile(
    join(root, LEFT_FILE),
    `---\ntitle: "${LEFT}"\ndate: 2026-12-02 10:00:00 +0900\nauthors:\n  - hanako\ntags:\n  - 執筆\n---\n\n本文です。\n`,
  )
  await git(root, 'add', '--', LEFT_FILE)
  await git(root, '-c', 'user.name=W', '-c', 'user.email=w@example.com', 'commit', '-qm', 'old app')
  // And the writer has an uncommitted change to a tracked file.
  await appendFile(join(root, 'README.md'), '\nメモ\n')
  await expect(count).toHaveText('9 件')

  const banner = page.getByTestId('folder-banner')
  await expect(banner).toContainText('別の場所を開いています')
  await expect(banner).toContainText('post/left-behind')
  await expect(banner).toContainText('README.md')
  await saveScreenshot(page, 'folder-banner.png')

  await banner.getByRole('button', { name: '公開中の記事の状態に戻す' }).click()
  await expect(banner).toContainText('何もしていません')
  expect(await git(root, 'branch', '--show-current')).toBe('post/left-behind')
  expect(await git(root, 'stash', 'list')).toBe('')

  // The writer commits or reverts the change themselves; then the way back is open.
  await git(root, 'checkout', '--quiet', '--', 'README.md')
  await banner.getByRole('button', { name: '公開中の記事の状態に戻す' }).click()
  await expect(banner).toContainText('戻しました')
  expect(await git(root, 'branch', '--show-current')).toBe('main')
  expect(await git(root, 'stash', 'list')).toBe('')
  await expect(count).toHaveText('9 件')
  await expect(
    page.getByRole('listbox').getByRole('option', { name: LEFT }).locator('[data-state]'),
  ).toHaveText('送信待ち')
  await saveScreenshot(page, 'folder-banner-returned.png')
  await banner.getByRole('button', { name: '閉じる' }).click()
  await expect(banner).toBeHidden()
})
