import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { expect, test } from '@playwright/test'
import { generateBlog } from '../helpers/generate-blog'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle } from './ui-helpers'

let app: LaunchedApp | null = null
const copies: string[] = []
/** A fresh copy of the sample blog, removed after the test. */
async function sampleCopy(): Promise<string> {
  const dir = await freshSampleCopy()
  copies.push(dir)
  return dir
}
test.afterEach(async () => {
  await app?.close()
  app = null
  for (const dir of copies.splice(0)) await rm(dir, { recursive: true, force: true })
})

test('searching by title or #tag and opening a post from the keyboard', async () => {
  app = await launchApp()
  const { page } = app
  const list = page.getByRole('listbox', { name: '記事' })
  const search = page.getByRole('searchbox', { name: '記事を検索' })
  await search.fill('#figma')
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(list.getByRole('option')).toContainText('Tsumiki')
  // Width-insensitive: full-width letters find the ASCII title.
  await search.fill('ＲＡＩＬＳ　８．１')
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(list.getByRole('option')).toContainText('はこにわを Rails 8.1')
  await search.fill('')
  const count = await list.getByRole('option').count()
  expect(count).toBeGreaterThan(3)
  // A draft (`published: false`) already on the base branch is not on the site: never 「公開中」.
  const draft = list.getByRole('option', { name: /ログ基盤/ })
  await expect(draft.locator('.badge-draft')).toHaveText('下書き')
  await expect(draft.locator('.badge-state')).toHaveText('取り込み済み')
  await expect(list.getByRole('option', { name: /Rails 8.1/ }).locator('.badge-state')).toHaveText(
    '公開中',
  )

  // Arrow keys move through the list, Enter opens.
  await search.focus()
  await page.keyboard.press('ArrowDown')
  await expect(list).toBeFocused()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  const last = list.getByRole('option').last()
  await expect(last).toHaveAttribute('aria-selected', 'true')
  const title = (await last.locator('.post-title').textContent())!
  await expect(previewArticle(page).locator('h1')).toHaveText(title)
})

test('a broken profile shows a banner naming its line; the defaults keep working', async () => {
  const repo = await sampleCopy()
  await writeFile(join(repo, '.portal-writer.yml'), 'siteName: Test\npostPath: no-placeholder.md\n')
  app = await launchApp({ repo })
  const { page } = app
  const banner = page
    .getByRole('alert')
    .filter({ hasText: '設定ファイルに誤りがあります（2 行目）' })
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('postPath')
  await expect(page.getByRole('listbox', { name: '記事' }).getByRole('option')).not.toHaveCount(0)
})

test('relative images load from the post’s folder; paths leaving the repository never load (P3)', async () => {
  const repo = await sampleCopy()
  await writeFile(
    join(repo, 'source/blog/2026-12-02-images.html.md'),
    '---\ntitle: 画像のテスト\ndate: 2026-12-02T10:00:00+09:00\n---\n\n![外](../../../../../etc/passwd)\n\n![内](../2026-11-13-rails-upgrade/upgrade-timeline.png)\n',
  )
  app = await launchApp({ repo })
  const { page } = app
  await openPost(page, '画像のテスト')
  const inside = previewArticle(page).locator('img[alt="内"]')
  await expect(inside).toHaveAttribute(
    'src',
    `${app.origin}/asset/source/blog/2026-11-13-rails-upgrade/upgrade-timeline.png`,
  )
  await expect
    .poll(() => inside.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0)
  const srcs = await previewArticle(page)
    .locator('img')
    .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src') ?? ''))
  expect(srcs.filter((s) => s.includes('passwd') || s.includes('..'))).toEqual([])
})

test('opening another repository saves pending edits first, then lists the new one’s posts', async () => {
  const other = await sampleCopy()
  await writeFile(
    join(other, 'source/blog/2026-12-03-only-here.html.md'),
    '---\ntitle: こちらのリポジトリだけの記事\ndate: 2026-12-03T10:00:00+09:00\n---\n\n本文\n',
  )
  app = await launchApp({ chooseFolder: async () => other })
  const { page } = app
  const firstRoot = app.repoRoot()
  const first = (await app.handlers['posts:list'](undefined))[0]!
  await openPost(page, first.title)
  await page.locator('.cm-content').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('切り替え前の追記')
  await page.getByRole('button', { name: 'リポジトリを開く…' }).click()
  await expect(page.getByRole('option', { name: 'こちらのリポジトリだけの記事' })).toBeVisible()
  await expect(page.locator('.pane-list .pane-title')).toContainText(basename(other))
  expect(await readFile(join(firstRoot, first.path), 'utf8')).toContain('切り替え前の追記')
})

test('in a blog of hundreds of posts the list keeps the active post in view, and the first Tab after launch still reaches the toolbar', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pw-many-'))
  copies.push(dir)
  await generateBlog(dir, 200)
  app = await launchApp({ repo: dir })
  const { page } = app
  const list = page.getByRole('listbox', { name: '記事' })
  await expect(list.getByRole('option')).toHaveCount(200)
  await page.waitForTimeout(500)
  // Nothing has focus yet: the keyboard starts at the top of the window.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'リポジトリを開く…' })).toBeFocused()

  // The list keeps the option the keys point at in view, at the bottom and back at the top.
  await list.focus()
  await page.keyboard.press('End')
  await expect(list.locator('.post-option.is-active')).toHaveText(
    (await list.getByRole('option').last().textContent())!,
  )
  await expect(list.locator('.post-option.is-active')).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(list.getByRole('option').first()).toBeInViewport()
  await expect(list.getByRole('option').last()).not.toBeInViewport()
  // Only the list scrolled: the window itself never moves.
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
})
