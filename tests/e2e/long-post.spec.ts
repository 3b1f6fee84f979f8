import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { generateBenchPost } from '../helpers/long-post'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle } from './ui-helpers'

const TITLE = '長い記事 200k'
let app: LaunchedApp
let repo: string

test.beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'pw-long-'))
  await mkdir(join(repo, 'source/blog'), { recursive: true })
  await writeFile(
    join(repo, 'source/blog/2026-11-10-long.html.md'),
    generateBenchPost(TITLE, '2026-11-10T10:00:00+09:00', 200_000),
  )
  app = await launchApp({ repo })
})
test.afterEach(async () => {
  await app.close()
  await rm(repo, { recursive: true, force: true })
})

/** The chapter number of the first `## 第N章` heading visible at the top of each pane. */
async function topChapters(page: Page): Promise<{ editor: number; preview: number }> {
  const editor = await page.locator('.cm-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top
    for (const line of Array.from(scroller.querySelectorAll('.cm-line'))) {
      const m = /^## 第(\d+)章/.exec(line.textContent ?? '')
      if (m && line.getBoundingClientRect().top >= top - 2) return Number(m[1])
    }
    return -1
  })
  const preview = await page.locator('iframe.preview-frame').evaluate((f: HTMLIFrameElement) => {
    for (const h of Array.from(f.contentDocument!.querySelectorAll('#pw-article h2'))) {
      const m = /^第(\d+)章/.exec(h.textContent ?? '')
      if (m && h.getBoundingClientRect().top >= -2) return Number(m[1])
    }
    return -1
  })
  return { editor, preview }
}

test('a 200k-character post: far blocks skip layout, scroll sync and typing follow, and typing never moves the editor', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)

  // Deep into the post, the preview shows the chapter the editor shows (±1 heading).
  for (const at of [0.45, 0.8]) {
    await page
      .locator('.cm-scroller')
      .evaluate((el, at) => el.scrollTo(0, el.scrollHeight * at), at)
    await expect
      .poll(async () => {
        const { editor, preview } = await topChapters(page)
        return editor > 10 && Math.abs(editor - preview) <= 1
      })
      .toBe(true)
  }

  // Typing there reaches the preview, and the preview stays on the same chapter.
  const { editor } = await topChapters(page)
  await page
    .locator('.cm-line', { hasText: `## 第${editor}章` })
    .first()
    .click()
  await page.keyboard.press('End')
  await page.keyboard.type('（追記）')
  await expect(previewArticle(page).locator('h2', { hasText: '（追記）' })).toHaveText(
    new RegExp(`^第${editor}章.*（追記）`),
  )
  const after = await topChapters(page)
  expect(Math.abs(after.editor - editor)).toBeLessThanOrEqual(1)
  expect(Math.abs(after.preview - editor)).toBeLessThanOrEqual(1)
})

test('a 10k-character paste into a 200k post shows in full, the last blocks a frame later', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  const body = generateBenchPost('貼り付け', '2026-11-10', 10_000).split('---\n').pop()!
  const paste = `${body.slice(0, 10_000)}\n\n貼り付けの最後の段落です。\n`
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2))
  await expect.poll(async () => (await topChapters(page)).editor).toBeGreaterThan(10)
  const { editor } = await topChapters(page)
  await page
    .locator('.cm-line', { hasText: `## 第${editor}章` })
    .first()
    .click()
  await page.keyboard.press('Home')
  const seen = await page.evaluate((text) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!
    const pending: number[] = []
    window.addEventListener('pw:preview-updated', () =>
      pending.push(frame.contentDocument!.querySelectorAll('.pw-pending').length),
    )
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document
      .querySelector('.cm-content')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    return new Promise<number[]>((resolve) => setTimeout(() => resolve(pending), 3000))
  }, paste)
  await expect(
    previewArticle(page).locator('p', { hasText: '貼り付けの最後の段落です。' }),
  ).toHaveCount(1)
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  // The preview updated more than once for the one paste when it was too big for one frame, and
  // ended with nothing pending.
  expect(seen.at(-1)).toBe(0)
})

test('a short post opened after a long one keeps the exact layout (no skipped blocks)', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  await writeFile(
    join(repo, 'source/blog/2026-11-11-short.html.md'),
    '---\ntitle: 短い記事\ndate: 2026-11-11T10:00:00+09:00\n---\n\n本文です。\n',
  )
  await expect(page.getByRole('option', { name: '短い記事' })).toBeVisible()
  await openPost(page, '短い記事')
  await expect(previewArticle(page).locator('p[data-line]')).toHaveText('本文です。')
  await expect(previewArticle(page)).not.toHaveClass(/pw-long/)
})
