/**
 * Keyboard-only journeys: no mouse event at all. Each step moves focus with Tab, arrows, Enter and
 * Escape as a writer without a mouse would, checks the focus ring, and the key steps are saved as
 * screenshots (docs/screenshots/keyboard-*.png).
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from 'playwright-core'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { expectFocusRing, focusInside, tabTo } from './keyboard-helpers'
import { editorContent, previewArticle, RAILS_POST, saveScreenshot, saveState } from './ui-helpers'

const { title: RAILS, file: RAILS_FILE, assetDir: ASSET_DIR } = RAILS_POST

// Long journeys of real keystrokes: on a loaded machine they outgrow the default minute.
test.describe.configure({ timeout: 180_000 })

let app: LaunchedApp | null = null
let ownRepo: string | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
  if (ownRepo) await rm(ownRepo, { recursive: true, force: true })
  ownRepo = null
})

/** The window's live region and how many announcements it has made. */
function liveRegion(page: Page) {
  return page.getByTestId('live-region')
}
async function announcements(page: Page): Promise<number> {
  return Number(await liveRegion(page).getAttribute('data-announcements'))
}

/** Finds a post with the search field and opens it from the listbox, keys only. */
async function findAndOpen(page: Page, query: string, title: string, back = false): Promise<void> {
  const search = page.getByRole('searchbox', { name: '記事を検索' })
  await tabTo(page, search, { back })
  await expectFocusRing(page)
  await page.keyboard.type(query)
  await page.keyboard.press('ArrowDown')
  const list = page.getByRole('listbox', { name: '記事' })
  await expect(list).toBeFocused()
  const option = list.getByRole('option', { name: title })
  await expect(list).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!)
  await expectFocusRing(page)
  await page.keyboard.press('Enter')
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await expect(previewArticle(page).locator('h1').first()).toHaveText(title)
}

/** Opens the Rails post and then the eyecatch studio from the toolbar, keys only. */
async function openStudio(page: Page) {
  await expect(page.getByRole('listbox', { name: '記事' })).toBeVisible()
  await findAndOpen(page, 'Rails', RAILS)
  const opener = page.getByRole('button', { name: 'アイキャッチ', exact: true })
  await tabTo(page, opener, { back: true })
  await page.keyboard.press('Enter')
  const studio = page.getByRole('dialog', { name: 'アイキャッチ' })
  await expect(studio).toBeVisible()
  return { opener, studio }
}

test('open a repository, find a post, edit its metadata with suggestions, save; the editor lets Tab go with Esc', async () => {
  const repo = (ownRepo = await freshSampleCopy())
  app = await launchApp({ chooseFolder: async () => repo })
  const { page } = app
  await expect(page.getByRole('listbox', { name: '記事' })).toBeVisible()

  // Open a repository: the toolbar's first button, Enter.
  const openRepo = page.getByRole('button', { name: 'リポジトリを開く…' })
  await tabTo(page, openRepo)
  await expectFocusRing(page)
  await saveScreenshot(page, 'keyboard-open-repository.png')
  await page.keyboard.press('Enter')
  await expect.poll(() => app!.repoRoot()).toBe(repo)

  await findAndOpen(page, 'Rails', RAILS)
  await saveScreenshot(page, 'keyboard-post-list.png')

  // Tags: type, take the suggestion with the arrow keys and Enter.
  const form = page.getByRole('region', { name: '記事の情報' })
  const tags = form.getByRole('combobox', { name: /^タグ/ })
  await tabTo(page, tags)
  await expectFocusRing(page)
  await page.keyboard.type('sr')
  const sre = form.getByRole('option', { name: /SRE/ })
  await expect(sre).toBeVisible()
  // The first suggestion is preselected; the arrows move through the list and back.
  const sreId = (await sre.getAttribute('id'))!
  await expect(tags).toHaveAttribute('aria-activedescendant', sreId)
  await page.keyboard.press('ArrowDown')
  await expect(tags).not.toHaveAttribute('aria-activedescendant', sreId)
  await page.keyboard.press('ArrowUp')
  await expect(tags).toHaveAttribute('aria-activedescendant', sreId)
  await saveScreenshot(page, 'keyboard-tag-suggestion.png')
  await page.keyboard.press('Enter')
  await expect(form.getByRole('list', { name: 'タグ' })).toContainText('SRE')
  await expect(tags).toBeFocused()

  // Authors, the same way.
  const authors = form.getByRole('combobox', { name: /^著者/ })
  await tabTo(page, authors)
  await page.keyboard.type('tsu')
  await expect(form.getByRole('option', { name: /tsubasa/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(form.getByRole('list', { name: '著者' })).toContainText('tsubasa')

  // Saving on request is said once through the live region; typing is not.
  const before = await announcements(page)
  await page.keyboard.press('Control+s')
  await expect(liveRegion(page)).toHaveText('保存済み')
  await expect.poll(() => announcements(page)).toBe(before + 1)
  const file = await readFile(join(repo, RAILS_FILE), 'utf8')
  expect(file).toContain('  - SRE\n')
  expect(file).toContain('  - tsubasa\n')

  // The editor: Tab indents (it stays in the text); Escape then Tab moves on.
  const editor = editorContent(page)
  await tabTo(page, editor)
  await expectFocusRing(page)
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('キーボードだけで追記。')
  await page.keyboard.press('Tab')
  await expect(editor).toBeFocused()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(editor).not.toBeFocused()
  await expectFocusRing(page)
  await expect(saveState(page)).toHaveText('保存済み')
  expect(await announcements(page)).toBe(before + 1)
})

test('crop an eyecatch with arrow keys in sensible steps, make a title card and export it', async () => {
  app = await launchApp()
  const { page } = app
  // The studio opens from the toolbar; focus goes into it.
  const { opener, studio } = await openStudio(page)
  expect(await focusInside(page, studio)).toBe(true)
  await expectFocusRing(page)

  // A picture of the post's folder, chosen with the arrow keys.
  const assets = studio.getByRole('combobox', { name: 'アセットフォルダから' })
  await tabTo(page, assets)
  await page.keyboard.press('ArrowDown')
  const frame = studio.getByTestId('crop-frame')
  await expect(frame).toBeVisible()

  // The crop frame: + zooms, arrows move 1 % of the card, Shift+arrow 10 %.
  await tabTo(page, frame)
  await expectFocusRing(page)
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  const photo = frame.locator('img')
  const at = async () => photo.evaluate((img) => (img as HTMLElement).style.transform)
  const start = await at()
  await page.keyboard.press('ArrowRight')
  const small = await at()
  expect(small).not.toBe(start)
  await page.keyboard.press('Shift+ArrowRight')
  expect(await at()).not.toBe(small)
  await saveScreenshot(page, 'keyboard-crop-frame.png')

  // The zoom slider: 5 % per arrow, 25 % with Shift (it was 0.1 %).
  const slider = studio.getByRole('slider', { name: '拡大' })
  await tabTo(page, slider)
  await expectFocusRing(page)
  const zoom = async () => Number(await frame.getAttribute('data-zoom'))
  const z0 = await zoom()
  await page.keyboard.press('ArrowRight')
  await expect.poll(zoom).toBeCloseTo(z0 * 1.05, 2)
  await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(zoom).toBeCloseTo(z0 * 1.05 * 1.25, 2)
  await expect(slider).toHaveAttribute('aria-valuetext', `${Math.round((await zoom()) * 100)}%`)
  await saveScreenshot(page, 'keyboard-zoom-slider.png')

  // The title card tab, then export.
  // Tabs have a roving tabindex: Tab reaches the chosen one, an arrow key selects the other.
  const titleTab = studio.getByRole('tab', { name: 'タイトルカード' })
  await tabTo(page, studio.getByRole('tab', { name: '写真を切り抜く' }), { back: true })
  await page.keyboard.press('ArrowRight')
  await expect(titleTab).toHaveAttribute('aria-selected', 'true')
  const exportButton = studio.getByRole('button', { name: 'アイキャッチとして書き出す' })
  await expect(exportButton).toBeEnabled()
  await tabTo(page, exportButton)
  await expectFocusRing(page)
  // The card is made in main: the screenshot waits for it, so it shows the same every run.
  await expect(studio.getByTestId('title-card-preview')).toBeVisible()
  await saveScreenshot(page, 'keyboard-export.png')
  await page.keyboard.press('Enter')
  await expect(studio.locator('.ec-success')).toBeVisible({ timeout: 20_000 })
  const written = /([\w.-]+\.(?:png|jpg|webp)) を書き出しました/.exec(
    (await studio.locator('.ec-success').textContent()) ?? '',
  )?.[1]
  expect(written).toBeTruthy()
  await expect
    .poll(async () => (await readFile(join(app!.repoRoot(), ASSET_DIR, written!))).length)
    .toBeGreaterThan(1000)

  // Escape closes the studio and focus is back on the button that opened it.
  await page.keyboard.press('Escape')
  await expect(studio).toBeHidden()
  await expect(opener).toBeFocused()
})

test("the eyecatch studio's tabs are an ARIA tab list: roving tabindex, arrows, Home and End", async () => {
  app = await launchApp()
  const { page } = app
  const { studio } = await openStudio(page)

  const list = studio.getByRole('tablist', { name: 'アイキャッチの作り方' })
  await expect(list).toBeVisible()
  const photoTab = list.getByRole('tab', { name: '写真を切り抜く' })
  const titleTab = list.getByRole('tab', { name: 'タイトルカード' })
  /** The chosen tab: selected, the only one in the Tab order, focused, its panel shown and named by it. */
  const expectChosen = async (chosen: typeof photoTab, other: typeof photoTab) => {
    await expect(chosen).toHaveAttribute('aria-selected', 'true')
    await expect(chosen).toHaveAttribute('tabindex', '0')
    await expect(chosen).toBeFocused()
    await expect(other).toHaveAttribute('aria-selected', 'false')
    await expect(other).toHaveAttribute('tabindex', '-1')
    const panel = studio.locator(`[id="${await chosen.getAttribute('aria-controls')}"]`)
    await expect(panel).toHaveAttribute('role', 'tabpanel')
    await expect(panel).toHaveAttribute('aria-labelledby', (await chosen.getAttribute('id'))!)
    await expect(panel).toBeVisible()
    const hidden = studio.locator(`[id="${await other.getAttribute('aria-controls')}"]`)
    await expect(hidden).toHaveAttribute('role', 'tabpanel')
    await expect(hidden).toBeHidden()
  }

  await tabTo(page, photoTab, { back: true })
  await expectFocusRing(page)
  await expectChosen(photoTab, titleTab)
  await page.keyboard.press('ArrowRight')
  await expectChosen(titleTab, photoTab)
  await expect(studio.getByRole('tabpanel').getByTestId('title-card-title')).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expectChosen(photoTab, titleTab)
  await page.keyboard.press('ArrowLeft')
  await expectChosen(titleTab, photoTab)
  await page.keyboard.press('Home')
  await expectChosen(photoTab, titleTab)
  await page.keyboard.press('End')
  await expectChosen(titleTab, photoTab)
  await expect(studio.getByTestId('title-card-preview')).toBeVisible()
  await saveScreenshot(page, 'keyboard-studio-tabs.png')
  // Tab leaves the tab list for the panel instead of visiting the other tab.
  await page.keyboard.press('Tab')
  await expect(titleTab).not.toBeFocused()
  await expect(photoTab).not.toBeFocused()
  expect(await focusInside(page, studio.getByRole('tabpanel'))).toBe(true)
})

test('publish with the keyboard: side tabs with arrows, the button with Enter, phases announced', async () => {
  app = await launchApp()
  const { page } = app
  await expect(page.getByRole('listbox', { name: '記事' })).toBeVisible()
  await findAndOpen(page, 'Rails', RAILS)
  await tabTo(page, editorContent(page))
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('公開前の追記。')
  await page.keyboard.press('Escape')

  // Side tabs: one Tab stop, arrows move between them.
  const article = page.getByRole('tab', { name: '記事' })
  await tabTo(page, article)
  await expectFocusRing(page)
  await page.keyboard.press('End')
  const publishTab = page.getByRole('tab', { name: '公開' })
  await expect(publishTab).toBeFocused()
  await expect(publishTab).toHaveAttribute('aria-selected', 'true')

  const panel = page.getByRole('region', { name: 'レビューを依頼' })
  const send = panel.getByRole('button', { name: 'レビューを依頼' })
  await tabTo(page, send)
  await expectFocusRing(page)
  await saveScreenshot(page, 'keyboard-publish.png')
  const before = await announcements(page)
  await page.keyboard.press('Enter')
  await expect(panel.locator('.pwp-box--success')).toBeVisible({ timeout: 30_000 })
  // Each phase once (check, save, …, done), not every percent of the push.
  await expect(liveRegion(page)).toHaveText('完了')
  const said = (await announcements(page)) - before
  expect(said).toBeGreaterThanOrEqual(2)
  expect(said).toBeLessThanOrEqual(8)
})

test('dialogs take focus, keep Tab inside, close with Escape and give focus back', async () => {
  app = await launchApp()
  const { page } = app
  const list = page.getByRole('listbox', { name: '記事' })
  await expect(list).toBeVisible()
  await tabTo(page, list)
  await page.keyboard.press('Control+n')
  const wizard = page.getByRole('dialog', { name: '新しい記事' })
  await expect(wizard).toBeVisible()
  await expect(wizard.getByLabel('タイトル')).toBeFocused()
  await expectFocusRing(page)
  await saveScreenshot(page, 'keyboard-new-post-dialog.png')
  // Around the dialog twice, both ways: focus never leaves it.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press(key)
      expect(await focusInside(page, wizard)).toBe(true)
    }
  }
  await page.keyboard.press('Escape')
  await expect(wizard).toBeHidden()
  await expect(list).toBeFocused()

  // The conflict dialog opens by itself while the writer types: focus goes in, Escape ("decide
  // later") closes it and the writer is back in the text.
  await findAndOpen(page, 'Rails', RAILS, true)
  await tabTo(page, editorContent(page))
  await page.keyboard.press('Control+End')
  await page.keyboard.insertText('ぼくの変更。')
  const file = join(app.repoRoot(), RAILS_FILE)
  await writeFile(file, (await readFile(file, 'utf8')).replace('kojiro です。', 'ディスク側。'))
  const conflict = page.getByRole('dialog', { name: '記事がほかの場所で変更されました' })
  await expect(conflict).toBeVisible()
  expect(await focusInside(page, conflict)).toBe(true)
  await expectFocusRing(page)
  await saveScreenshot(page, 'keyboard-conflict-dialog.png')
  await page.keyboard.press('Escape')
  await expect(conflict).toBeHidden()
  await expect(editorContent(page)).toBeFocused()
})
