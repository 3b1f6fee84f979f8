import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { launchApp, SAMPLE_BLOG_DIR, type LaunchedApp } from './harness/launch-app'
import {
  dropFile,
  editorContent,
  openPost,
  previewArticle,
  saveScreenshot,
  saveState,
} from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const ASSET_DIR = 'source/blog/2026-11-13-rails-upgrade'

let app: LaunchedApp
let scratch: string
test.beforeEach(async () => {
  app = await launchApp()
  scratch = await mkdtemp(join(tmpdir(), 'pw-e2e-images-'))
})
test.afterEach(async () => {
  await app.close()
  await rm(scratch, { recursive: true, force: true })
})

/** A landscape "photo" (sky, sun, hills) made with sharp, as a JPEG file. */
async function makePhoto(width = 2400, height = 1600): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b6cb0"/><stop offset="1" stop-color="#f6ad55"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height * 0.12}" fill="#fff3b0"/>
    <path d="M0 ${height * 0.75} Q ${width * 0.3} ${height * 0.55} ${width * 0.6} ${height * 0.72} T ${width} ${height * 0.68} V ${height} H 0 Z" fill="#2f855a"/>
    <rect x="${width * 0.15}" y="${height * 0.5}" width="${width * 0.08}" height="${height * 0.25}" fill="#744210"/>
  </svg>`
  const path = join(scratch, 'hills.jpg')
  await writeFile(path, await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer())
  return path
}

/** A wide diagram-like PNG made with sharp. */
async function makeDiagram(width = 2000, height = 1000): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <rect x="100" y="300" width="500" height="400" rx="30" fill="#3182ce"/>
    <rect x="1400" y="300" width="500" height="400" rx="30" fill="#dd6b20"/>
    <rect x="620" y="480" width="760" height="40" fill="#4a5568"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** Dispatches a paste into the focused editor carrying `items` (mime → text) and optional files. */
async function paste(
  page: Page,
  items: Record<string, string>,
  file?: { bytes: Buffer; name: string; type: string },
): Promise<void> {
  await page.locator('.cm-content').evaluate(
    (el, { items, file }) => {
      const dt = new DataTransfer()
      for (const [mime, text] of Object.entries(items)) dt.setData(mime, text)
      if (file) {
        const data = Uint8Array.from(atob(file.b64), (c) => c.charCodeAt(0))
        dt.items.add(new File([data], file.name, { type: file.type }))
      }
      el.dispatchEvent(
        new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }),
      )
    },
    {
      items,
      file: file && { b64: file.bytes.toString('base64'), name: file.name, type: file.type },
    },
  )
}

async function openStudio(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'アイキャッチ', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'アイキャッチ' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('crops a photo with the keyboard, exports exactly 1200×630 and sets the front matter', async () => {
  const { page } = app
  await openPost(page, RAILS)
  await expect(editorContent(page)).toContainText('eyecatch: eyecatch.png')
  const dialog = await openStudio(page)

  const photo = await makePhoto()
  const photoBytes = await readFile(photo)
  await dialog.getByTestId('eyecatch-file').setInputFiles(photo)
  const frame = dialog.getByTestId('crop-frame')
  await expect(frame).toBeVisible()
  const zoom0 = Number(await frame.getAttribute('data-zoom'))
  // The post's feed card shows the photo being cropped (not the written eyecatch) before export.
  const liveCard = dialog.getByTestId('eyecatch-live-card')
  await expect(liveCard.getByTestId('card-title')).toHaveText(RAILS)
  const liveImage = liveCard.locator('[role="img"] img')
  await expect(liveImage).toHaveAttribute('src', /^(blob|data):/)
  const transformBefore = await liveImage.evaluate((img) => (img as HTMLElement).style.transform)
  await frame.focus()
  for (let i = 0; i < 4; i++) await page.keyboard.press('+')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowUp')
  await expect
    .poll(async () => Number(await frame.getAttribute('data-zoom')))
    .toBeGreaterThan(zoom0 * 1.4)
  // The card followed the crop live, while nothing was written yet.
  await expect
    .poll(() => liveImage.evaluate((img) => (img as HTMLElement).style.transform))
    .not.toBe(transformBefore)
  expect(existsSync(join(app.repoRoot(), ASSET_DIR, 'eyecatch.webp'))).toBe(false)
  // The size estimate follows the crop.
  await expect(dialog.getByTestId('eyecatch-estimate')).toContainText('KB', { timeout: 15_000 })
  await saveScreenshot(page, 'eyecatch-crop.png')

  await dialog.getByRole('button', { name: 'アイキャッチとして書き出す' }).click()
  await expect(dialog.getByText(/eyecatch\.webp を書き出しました/)).toBeVisible()
  const written = join(app.repoRoot(), ASSET_DIR, 'eyecatch.webp')
  const meta = await sharp(written).metadata()
  expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1200, 630])
  expect(meta.exif).toBeUndefined()
  // The original photo is untouched and the old eyecatch is still there.
  expect((await readFile(photo)).equals(photoBytes)).toBe(true)
  expect((await stat(join(app.repoRoot(), ASSET_DIR, 'eyecatch.png'))).size).toBeGreaterThan(0)

  // The front matter's eyecatch line changed in the editor, and only that line.
  await expect(dialog.getByTestId('eyecatch-front-matter')).toContainText('eyecatch.webp')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(editorContent(page)).toContainText('eyecatch: eyecatch.webp')
  await expect(saveState(page)).toHaveText('保存済み')
  const disk = await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')
  expect(disk).toMatch(/^eyecatch: eyecatch\.webp$/m)
  const original = await readFile(join(SAMPLE_BLOG_DIR, RAILS_FILE), 'utf8')
  expect(disk.replace('eyecatch: eyecatch.webp', 'eyecatch: eyecatch.png')).toBe(original)

  // The card shows the new eyecatch, loaded through the asset protocol.
  await page.getByRole('tab', { name: 'カード' }).click()
  const cardImage = page.getByTestId('card-tab').getByTestId('feed-card').locator('img').first()
  await expect(cardImage).toHaveAttribute('src', /eyecatch\.webp$/)
  await expect
    .poll(() => cardImage.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(1200)

  // It was an ordinary edit: undo takes the old value back.
  await editorContent(page).click()
  await page.keyboard.press('Control+z')
  await expect(editorContent(page)).toContainText('eyecatch: eyecatch.png')
})

test('makes a title card and exports it beside the first without overwriting', async () => {
  const { page } = app
  await openPost(page, RAILS)
  const dialog = await openStudio(page)
  await dialog.getByRole('tab', { name: 'タイトルカード' }).click()
  const title = dialog.getByTestId('title-card-title')
  await expect(title).toHaveValue(RAILS)
  await dialog.getByLabel('所属・役割').fill('ホスティング事業部 エンジニア')
  const preview = dialog.getByTestId('title-card-preview')
  await expect(preview).toBeVisible({ timeout: 15_000 })
  await expect(dialog.getByText(/文字サイズ \d+px・\d 行/)).toBeVisible()
  await expect(dialog.getByTestId('eyecatch-estimate')).toContainText('KB', { timeout: 15_000 })
  // The fields keep together at the top of their column, however tall the card beside them is.
  const hint = await dialog.getByText(/改行した位置はできるだけ/).boundingBox()
  const nameField = await dialog.locator('.ec-row .ec-field').first().boundingBox()
  expect(nameField!.y - (hint!.y + hint!.height)).toBeLessThan(16)
  await saveScreenshot(page, 'eyecatch-title-card.png')

  await dialog.getByRole('button', { name: 'アイキャッチとして書き出す' }).click()
  await expect(dialog.getByText(/eyecatch\.webp を書き出しました/)).toBeVisible()
  await dialog.getByRole('button', { name: 'アイキャッチとして書き出す' }).click()
  await expect(dialog.getByText(/eyecatch-2\.webp を書き出しました/)).toBeVisible()
  for (const name of ['eyecatch.webp', 'eyecatch-2.webp']) {
    const meta = await sharp(join(app.repoRoot(), ASSET_DIR, name)).metadata()
    expect([meta.width, meta.height]).toEqual([1200, 630])
  }
  await dialog.getByRole('button', { name: '閉じる' }).last().click()
  await expect(dialog).toBeHidden()
  await expect(editorContent(page)).toContainText('eyecatch: eyecatch-2.webp')
})

test('a dropped body image is saved, linked with its alt text and shown in the preview', async () => {
  const { page } = app
  await openPost(page, RAILS)
  const diagram = await makeDiagram()
  const line = page.locator('.cm-line', { hasText: '## 方針' }).first()
  await dropFile(line, diagram, 'Architecture Diagram.png', 'image/png')

  const prompt = page.getByRole('group', { name: '画像を挿入' })
  await expect(prompt).toBeVisible()
  const alt = prompt.getByLabel('「Architecture Diagram.png」の説明（代替テキスト）')
  await expect(alt).toBeFocused()
  await alt.fill('構成図')
  await page.keyboard.press('Enter')
  await expect(prompt).toBeHidden()

  // Linked as its own paragraph right after the line it was dropped on; the file name is the
  // original's, made URL-safe, plus a content hash (the same image twice is one file).
  const link = /!\[構成図\]\((architecture-diagram-[0-9a-f]{12}\.png)\)/
  await expect(editorContent(page)).toContainText(link)
  await expect(saveState(page)).toHaveText('保存済み')
  const text = await readFile(join(app.repoRoot(), RAILS_FILE), 'utf8')
  expect(text).toMatch(/\n## 方針[^\n]*\n\n!\[構成図\]\([^)]+\)\n\n大きな/)
  const fileName = link.exec(text)![1]!
  // Saved into the asset folder, resized so the long side is 1200 px.
  const meta = await sharp(join(app.repoRoot(), ASSET_DIR, fileName)).metadata()
  expect([meta.width, meta.height]).toEqual([1200, 600])
  const img = previewArticle(page).locator('img[alt="構成図"]')
  await expect(img).toBeVisible()
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1200)
})

test('a pasted image goes through the prompt; cancelling saves nothing', async () => {
  const { page } = app
  await openPost(page, RAILS)
  await editorContent(page).click()
  await page.keyboard.press('Control+End')
  const shot = { bytes: await makeDiagram(800, 400), name: 'image.png', type: 'image/png' }

  const before = await readdir(join(app.repoRoot(), ASSET_DIR))
  await paste(page, {}, shot)
  const prompt = page.getByRole('group', { name: '画像を挿入' })
  await expect(prompt).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(prompt).toBeHidden()
  await expect(editorContent(page)).not.toContainText('](image-')
  expect(await readdir(join(app.repoRoot(), ASSET_DIR))).toEqual(before)

  await paste(page, {}, shot)
  await prompt.getByLabel(/の説明（代替テキスト）/).fill('設定画面のスクリーンショット')
  await prompt.getByRole('button', { name: '挿入' }).click()
  const link = /!\[設定画面のスクリーンショット\]\((image-[0-9a-f]{12}\.png)\)/
  await expect(editorContent(page)).toContainText(link)
  const text = (await editorContent(page).textContent()) ?? ''
  const meta = await sharp(join(app.repoRoot(), ASSET_DIR, link.exec(text)![1]!)).metadata()
  expect([meta.width, meta.height]).toEqual([800, 400])
  await expect(
    previewArticle(page).locator('img[alt="設定画面のスクリーンショット"]'),
  ).toBeVisible()
})

test('S8: pasted HTML is inserted as its plain text, and the preview runs none of it', async () => {
  const { page } = app
  await openPost(page, RAILS)
  await editorContent(page).click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  const payload = '<img src=x onerror="top.__pwned=1">貼り付けた文'
  await paste(
    page,
    {
      'text/html': `<b onmouseover="top.__pwned=2">太字</b><script>top.__pwned=3</script>`,
      'text/plain': payload,
    },
    // A picture of the copied content rides along (as office apps do): the text wins.
    { bytes: await makeDiagram(200, 100), name: 'image.png', type: 'image/png' },
  )
  await expect(page.getByRole('group', { name: '画像を挿入' })).toHaveCount(0)
  await expect(editorContent(page)).toContainText(payload)
  await expect(editorContent(page)).not.toContainText('太字')
  await expect(previewArticle(page)).toContainText('貼り付けた文')
  await expect(previewArticle(page).locator('[onerror], [onmouseover], script')).toHaveCount(0)
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
})
