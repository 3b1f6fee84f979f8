import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { writeErrorMessage } from '../../src/main/services/fs/atomic-file'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { cursorToEnd, openPost, previewArticle, saveScreenshot, saveState } from './ui-helpers'

const TITLE = 'はこにわを Rails 8.1 に上げるまでの3週間'
const FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const TYPED = 'クラッシュ前の書きかけです。'

let dataDir: string
let repo: string
const apps: LaunchedApp[] = []
test.beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pw-data-'))
  repo = await freshSampleCopy()
})
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(repo, { recursive: true, force: true })
})

async function start(options: Parameters<typeof launchApp>[0] = {}): Promise<LaunchedApp> {
  const app = await launchApp({ repo, dataDir, ...options })
  apps.push(app)
  return app
}

/** The journal's texts for the open repository, as main holds them. */
async function journaled(app: LaunchedApp): Promise<string[]> {
  return (await app.services.recovery.list(app.repoRoot())).map((e) => e.text)
}

/** Closes the page and the app without letting anything save (the run "crashes"). */
async function crash(app: LaunchedApp): Promise<void> {
  await app.page.close()
  apps.splice(apps.indexOf(app), 1)
  await app.close()
}

/**
 * First run: every save fails as on a full disk, the writer types, and the journal still gets the
 * edit. Then the run is killed.
 */
async function typeThenCrash(): Promise<string> {
  const app = await start({
    wrapHandlers: (h) => ({
      ...h,
      'posts:save': async (r) => ({ kind: 'error', message: writeErrorMessage('ENOSPC', r.path) }),
    }),
  })
  await openPost(app.page, TITLE)
  const original = await readFile(join(app.repoRoot(), FILE), 'utf8')
  await cursorToEnd(app.page)
  await app.page.keyboard.insertText(TYPED)
  await expect(app.page.getByText('ディスクの空きが足りない')).toBeVisible()
  await expect.poll(() => journaled(app)).toEqual([expect.stringContaining(TYPED)])
  await crash(app)
  expect(await readFile(join(repo, FILE), 'utf8')).toBe(original)
  return original
}

const notice = (app: LaunchedApp) =>
  app.page.getByRole('region').filter({ hasText: '復元しました' })

test('unsaved edits survive a crash: restored on the next start with a notice, and kept (D6)', async () => {
  const original = await typeThenCrash()
  const app = await start()
  const { page } = app
  await expect(notice(app)).toBeVisible()
  await expect(notice(app)).toContainText(TITLE)
  // A screen reader hears it once, through the window's live region (issue 17).
  const live = page.getByTestId('live-region')
  await expect(live).toContainText('保存していなかった編集を復元しました（1 件）')
  const said = await live.getAttribute('data-announcements')
  await expect(previewArticle(page)).toContainText(TYPED)
  await expect(saveState(page)).toHaveText('未保存')
  // Nothing is written until the writer has looked.
  await page.waitForTimeout(1200)
  expect(await readFile(join(repo, FILE), 'utf8')).toBe(original)
  await expect(live).toHaveAttribute('data-announcements', said!)
  await saveScreenshot(page, 'recovery-notice.png')

  await notice(app).getByRole('button', { name: 'ディスクの版と比べる' }).click()
  const dialog = page.getByRole('dialog', { name: '復元した編集とディスクの版' })
  await expect(dialog).toBeVisible()
  const compare = dialog.getByRole('region')
  await expect(compare.locator('td.mine').filter({ hasText: TYPED })).toHaveCount(1)
  await expect(compare.locator('td.theirs').filter({ hasText: TYPED })).toHaveCount(0)
  await saveScreenshot(page, 'recovery-compare.png')
  await dialog.getByRole('button', { name: '閉じる' }).click()
  await expect(dialog).toBeHidden()

  await notice(app).getByRole('button', { name: 'このまま続ける' }).click()
  await expect(notice(app)).toBeHidden()
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await readFile(join(repo, FILE), 'utf8')).toContain(TYPED)
  await expect.poll(() => journaled(app)).toEqual([])
})

test('restored edits can be discarded; the notice is in English when the app is', async () => {
  const original = await typeThenCrash()
  const app = await start({ locale: 'en' })
  const { page } = app
  const english = page.getByRole('region').filter({ hasText: 'have been restored' })
  await expect(english).toBeVisible()
  await expect(page.getByTestId('live-region')).toContainText('have been restored (1)')
  await english.getByRole('button', { name: 'Discard restored edits' }).click()
  await expect(english).toBeHidden()
  await expect(previewArticle(page)).toContainText('kojiro です。')
  await expect(previewArticle(page)).not.toContainText(TYPED)
  await expect(saveState(page)).toHaveText('Saved')
  await expect.poll(() => journaled(app)).toEqual([])
  expect(await readFile(join(repo, FILE), 'utf8')).toBe(original)

  // A third start has nothing to restore.
  await crash(app)
  const third = await start()
  await openPost(third.page, TITLE)
  await expect(third.page.getByRole('region').filter({ hasText: '復元しました' })).toHaveCount(0)
  await expect(third.page.getByTestId('live-region')).not.toContainText('復元しました')
})

test('edits typed while a conflict waits ("decide later") are journaled and restored', async () => {
  const app = await start()
  const { page } = app
  const path = join(app.repoRoot(), FILE)
  await openPost(page, TITLE)
  const original = await readFile(path, 'utf8')
  await cursorToEnd(page)
  await page.keyboard.insertText('ぼくの変更です。')
  await writeFile(path, original.replace('kojiro です。', 'kojiro です。ディスク側の変更です。'))
  const conflict = page.getByRole('dialog', { name: '記事がほかの場所で変更されました' })
  await expect(conflict).toBeVisible()
  await page.keyboard.press('Escape')
  await cursorToEnd(page)
  await page.keyboard.insertText('さらに追記。')
  await expect.poll(() => journaled(app)).toEqual([expect.stringContaining('さらに追記。')])
  await crash(app)

  const next = await start()
  await expect(notice(next)).toBeVisible()
  await expect(previewArticle(next.page)).toContainText('ぼくの変更です。')
  await expect(previewArticle(next.page)).toContainText('さらに追記。')
  await notice(next).getByRole('button', { name: 'ディスクの版と比べる' }).click()
  const dialog = next.page.getByRole('dialog', { name: '復元した編集とディスクの版' })
  await expect(
    dialog.locator('td.theirs').filter({ hasText: 'ディスク側の変更です。' }),
  ).toHaveCount(1)
  await dialog.getByRole('button', { name: '閉じる' }).click()
  // Keeping them does not overwrite the disk's newer version silently: the writer chooses (D2).
  await notice(next).getByRole('button', { name: 'このまま続ける' }).click()
  await expect(
    next.page.getByRole('dialog', { name: '記事がほかの場所で変更されました' }),
  ).toBeVisible()
  expect(await readFile(path, 'utf8')).toContain('ディスク側の変更です。')
})

test('a post renamed on disk keeps its buffer, is marked missing, and saving recreates it (D3)', async () => {
  const app = await start()
  const { page } = app
  const path = join(app.repoRoot(), FILE)
  await openPost(page, TITLE)
  await rename(path, path.replace('rails-upgrade', 'rails-upgrade-renamed'))
  await expect(page.getByText('この記事のファイルがディスク上に見つかりません。')).toBeVisible()
  await cursorToEnd(page)
  await page.keyboard.insertText('名前が変わっても残る編集。')
  // Autosave (or Mod-s, whichever comes first) recreates the file under its old name.
  await page.keyboard.press('Control+s')
  await expect(page.getByText('この記事のファイルがディスク上に見つかりません。')).toBeHidden()
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await readFile(path, 'utf8')).toContain('名前が変わっても残る編集。')
  await expect.poll(() => journaled(app)).toEqual([])
})
