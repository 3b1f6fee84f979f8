import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import type { Page } from 'playwright-core'
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { cursorToEnd, openPost, saveScreenshot, saveState } from './ui-helpers'

const run = promisify(execFile)
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })).stdout.trim()

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const BRANCH = 'post/rails-upgrade'

let app: LaunchedApp | null = null
const temps: string[] = []
test.afterEach(async () => {
  await app?.close()
  app = null
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** Appends a paragraph to the open post, as the writer types it. */
async function appendParagraph(page: Page, text: string): Promise<void> {
  await cursorToEnd(page)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.insertText(text)
}

/** Opens the 「公開」 tab and returns the publish panel. */
async function openPublishTab(page: Page) {
  await page.getByRole('tab', { name: '公開' }).click()
  const panel = page.getByRole('region', { name: 'レビューを依頼' })
  await expect(panel).toBeVisible()
  return panel
}

/** Every file under `dir` (recursively, `.git` included) whose bytes contain `needle`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = []
  const bytes = Buffer.from(needle)
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    if ((await readFile(path)).includes(bytes)) hits.push(path)
  }
  return hits
}

/** All the text the writer can see or reach in the window: visible text, attributes, field values. */
async function everythingShown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = Array.from(document.querySelectorAll('input, textarea')).map(
      (el) => (el as HTMLInputElement).value,
    )
    return [document.body.innerText, document.documentElement.outerHTML, ...values].join('\n')
  })
}

test('first run: 「レビューを依頼」 sends an edited sample post to its local origin', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  await appendParagraph(page, 'レビュー前に追記した段落です。')
  const panel = await openPublishTab(page)
  await expect(panel.locator('code.pwp-branch')).toHaveText(BRANCH)
  await expect(panel.locator('li[data-change]').filter({ hasText: RAILS_FILE })).toBeVisible()

  await panel.getByRole('button', { name: 'レビューを依頼' }).click()
  const success = panel.locator('.pwp-box--success')
  await expect(success).toContainText(`レビュー用の場所（${BRANCH}）を、このパソコン上の送り先`)
  await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  await expect(panel.locator('[data-state]')).toHaveText('レビュー待ち')

  // Real git: the bare origin has the branch at the local review branch, holding the typed
  // paragraph and nothing but this post's file; the folder itself never left main.
  const root = app.repoRoot()
  const origin = await git(root, 'remote', 'get-url', 'origin')
  const pushed = await git(origin, 'rev-parse', `refs/heads/${BRANCH}`)
  expect(pushed).toBe(await git(root, 'rev-parse', `refs/heads/${BRANCH}`))
  expect(await git(root, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
  expect(await git(origin, 'show', `${BRANCH}:${RAILS_FILE}`)).toContain(
    'レビュー前に追記した段落です。',
  )
  expect(await git(origin, 'show', '--name-only', '--format=', BRANCH)).toBe(RAILS_FILE)

  // The editor's save session learned the published file: further typing autosaves, no conflict.
  await appendParagraph(page, '送信のあとの追記。')
  await expect(saveState(page)).toHaveText('保存済み')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await readFile(join(root, RAILS_FILE), 'utf8')).toContain('送信のあとの追記。')
  await expect(panel.locator('[data-state]')).toHaveText('送信後に変更あり')
})

test('the post check stops a send on an error, naming rule and line; the fixed post goes', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  await appendParagraph(page, '![まだない図](missing-figure.png)')
  const panel = await openPublishTab(page)
  await panel.getByRole('button', { name: 'レビューを依頼' }).click()

  const error = panel.locator('[data-code="post-check-failed"]')
  await expect(error).toContainText('公開前のチェックで')
  await expect(error).toContainText('送信を止めました')
  // The line is the one the image is on in the saved file (the buffer is saved first).
  const root = app.repoRoot()
  const saved = (await readFile(join(root, RAILS_FILE), 'utf8')).split('\n')
  const line = saved.findIndex((l) => l.includes('missing-figure.png')) + 1
  expect(line).toBeGreaterThan(1)
  await expect(error.locator('.pwp-error-findings li')).toHaveText([
    new RegExp(
      `^${RAILS_FILE.replace(/\./g, '\\.')} ${line} 行目: 画像「missing-figure\\.png」.*\\[image-missing\\]$`,
    ),
  ])
  const origin = await git(root, 'remote', 'get-url', 'origin')
  await expect(
    git(origin, 'rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`),
  ).rejects.toThrow()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'publish-check-error.png')

  // The writer removes the line and sends again: the post goes.
  await cursorToEnd(page)
  await page.keyboard.press('Shift+Home')
  await page.keyboard.press('Backspace')
  await page.keyboard.insertText('図は次の版で足します。')
  await panel.getByRole('button', { name: 'レビューを依頼' }).click()
  // A real commit and push on a machine shared with other jobs: allow it time.
  await expect(panel.locator('.pwp-box--success')).toContainText(`レビュー用の場所（${BRANCH}）`, {
    timeout: 60_000,
  })
  expect(await git(origin, 'show', `${BRANCH}:${RAILS_FILE}`)).toContain('図は次の版で足します。')
  expect(await git(origin, 'show', `${BRANCH}:${RAILS_FILE}`)).not.toContain('missing-figure')
})

test.describe('over HTTPS-like auth (a real git http-backend on 127.0.0.1)', () => {
  const TOKEN = `pwtok_${randomBytes(12).toString('hex')}`
  let server: GitHttpServer

  test.beforeAll(async () => {
    server = await startGitHttpServer({ token: TOKEN })
  })
  test.afterAll(async () => {
    await server.close()
  })

  /**
   * A new repository `name` on the server holding the sample blog, and a clone of it whose origin
   * is the server, with no credentials anywhere in it.
   */
  async function cloneFromServer(name: string): Promise<string> {
    // Credentials only for the test's own setup commands, passed with `git -c` so none is stored.
    const auth = `http.extraHeader=Authorization: Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`
    const url = server.repoUrl(name)
    await server.createRepo(name)
    const seed = await freshSampleCopy()
    temps.push(seed)
    await git(seed, 'init', '--quiet', '--initial-branch=main')
    await git(seed, 'add', '-A')
    await git(
      seed,
      '-c',
      'user.name=Seed',
      '-c',
      'user.email=seed@example.invalid',
      'commit',
      '-q',
      '-m',
      'sample',
    )
    await git(seed, '-c', auth, 'push', '--quiet', url, 'main')
    const parent = await mkdtemp(join(tmpdir(), 'pw-e2e-clone-'))
    temps.push(parent)
    await git(parent, '-c', auth, 'clone', '--quiet', url, 'blog')
    return join(parent, 'blog')
  }

  test('asks for a token, then pushes with progress and offers the pull-request link', async () => {
    const repo = await cloneFromServer('acme/tech-blog')
    app = await launchApp({ repo })
    const { page } = app
    await openPost(page, RAILS)
    await appendParagraph(page, 'HTTP で送る追記。')
    const panel = await openPublishTab(page)
    await expect(panel.locator('dd code').filter({ hasText: server.url })).toHaveText(
      server.repoUrl('acme/tech-blog'),
    )

    await panel.getByRole('button', { name: 'レビューを依頼' }).click()
    const error = panel.locator('[data-code]')
    await expect(error).toHaveAttribute('data-code', 'auth-failed')
    await expect(error).toContainText('サーバーへのログインに失敗しました。')
    const tokenField = panel.getByLabel('アクセストークン')
    await expect(tokenField).toHaveAttribute('type', 'password')
    await tokenField.fill(TOKEN)
    await panel.getByRole('button', { name: '保存してもう一度送る' }).click()

    const link = panel.getByRole('link', { name: 'プルリクエストのページ' })
    const expected = `${server.url}/acme/tech-blog/compare/main...${BRANCH}?expand=1`
    await expect(link).toHaveAttribute('href', expected)
    await expect(panel.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
    await expect(panel.locator('.pwp-progress')).toContainText('完了 100%')
    // The harness keeps tokens in memory only (no OS keychain): the writer is told so.
    await expect(panel.locator('.pwp-box--success')).toContainText(
      'アプリを閉じるまでの間だけ覚えておきます',
    )
    // git's own push progress reached the bar.
    const phases = app.emitted
      .filter((e) => e.event === 'publish:progress')
      .map((e) => (e.payload as { phase: string }).phase)
    expect(phases).toContain('push')
    expect(phases.at(-1)).toBe('done')

    await panel.getByRole('button', { name: 'ブラウザーで開く' }).click()
    await expect.poll(() => app!.openedUrls).toContain(expected)

    // The server has the branch at the local commit.
    const bare = join(server.root, 'acme/tech-blog.git')
    expect(await git(bare, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(
      await git(repo, 'rev-parse', `refs/heads/${BRANCH}`),
    )
    expect(await git(repo, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main')
    expect(await git(bare, 'show', `${BRANCH}:${RAILS_FILE}`)).toContain('HTTP で送る追記。')

    // G3: the token is in no file of the repository (.git/config included) and nowhere on screen.
    expect(await git(repo, 'remote', 'get-url', 'origin')).toBe(server.repoUrl('acme/tech-blog'))
    expect(await filesContaining(repo, TOKEN)).toEqual([])
    expect(await everythingShown(page)).not.toContain(TOKEN)
    expect(JSON.stringify(app.emitted)).not.toContain(TOKEN)
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await saveScreenshot(page, 'publish.png')
  })

  test('a wrong token gets the plain sign-in message and is never shown or stored in the repo', async () => {
    const repo = await cloneFromServer('acme/wrong-token')
    app = await launchApp({ repo })
    const { page } = app
    const wrong = `pwtok_wrong_${randomBytes(8).toString('hex')}`
    await openPost(page, RAILS)
    await appendParagraph(page, '間違ったトークンで送る追記。')
    const panel = await openPublishTab(page)
    await panel.getByRole('button', { name: 'レビューを依頼' }).click()
    await panel.getByLabel('アクセストークン').fill(wrong)
    await panel.getByRole('button', { name: '保存してもう一度送る' }).click()

    const error = panel.locator('[data-code="auth-failed"]')
    await expect(error).toContainText(
      '保存されているアクセストークンが受け付けられませんでした（間違い・期限切れ・取り消し）。',
    )
    await expect(error).toContainText('新しいアクセストークン')
    // The form is offered again, empty.
    await expect(panel.getByLabel('アクセストークン')).toHaveValue('')
    await expect(panel.getByRole('link', { name: 'プルリクエストのページ' })).toHaveCount(0)
    const bare = join(server.root, 'acme/wrong-token.git')
    await expect(
      git(bare, 'rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH}`),
    ).rejects.toThrow()

    for (const secret of [wrong, TOKEN]) {
      expect(await filesContaining(repo, secret)).toEqual([])
      expect(await everythingShown(page)).not.toContain(secret)
      expect(JSON.stringify(app.emitted)).not.toContain(secret)
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await saveScreenshot(page, 'publish-error.png')
  })
})
