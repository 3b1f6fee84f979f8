import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { editorContent, openPost, saveScreenshot, saveState } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const ASSET_DIR = 'source/blog/2026-11-13-rails-upgrade'

let app: LaunchedApp
let scratch: string
test.beforeEach(async () => {
  app = await launchApp()
  scratch = await mkdtemp(join(tmpdir(), 'pw-e2e-truth-'))
})
test.afterEach(async () => {
  await app.close()
  await rm(scratch, { recursive: true, force: true })
})

/** Four coloured quadrants and a dark band at the bottom: any other part of it looks different. */
async function makeQuadrants(width = 2400, height = 1600): Promise<string> {
  const w = width / 2
  const h = height / 2
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect x="0" y="0" width="${w}" height="${h}" fill="#e53e3e"/>
    <rect x="${w}" y="0" width="${w}" height="${h}" fill="#3182ce"/>
    <rect x="0" y="${h}" width="${w}" height="${h}" fill="#38a169"/>
    <rect x="${w}" y="${h}" width="${w}" height="${h}" fill="#d69e2e"/>
    <rect x="0" y="${height * 0.9}" width="${width}" height="${height * 0.1}" fill="#1a202c"/>
    <circle cx="${width * 0.3}" cy="${height * 0.3}" r="${height * 0.08}" fill="#ffffff"/>
  </svg>`
  const path = join(scratch, 'quadrants.png')
  await writeFile(path, await sharp(Buffer.from(svg)).png().toBuffer())
  return path
}

/** Mean absolute difference per channel (0–255) of two same-sized RGB images. */
async function meanDifference(a: Buffer, b: Buffer, width: number, height: number) {
  const raw = (input: Buffer) =>
    sharp(input).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer()
  const [x, y] = await Promise.all([raw(a), raw(b)])
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!)
  return sum / x.length
}

test('the studio’s card preview shows the part of the photo that is exported, and the new file is never flagged', async () => {
  const { page } = app
  await openPost(page, RAILS)
  await page.getByRole('button', { name: 'アイキャッチ', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'アイキャッチ' })
  await dialog.getByTestId('eyecatch-file').setInputFiles(await makeQuadrants())
  const frame = dialog.getByTestId('crop-frame')
  await expect(frame).toBeVisible()
  // Zoom in and move the crop well away from the centre (towards the top left).
  await frame.focus()
  for (let i = 0; i < 6; i++) await page.keyboard.press('+')
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowLeft')
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowUp')
  const thumb = dialog.getByTestId('eyecatch-live-card').locator('[role="img"]')
  await expect(thumb.locator('img')).toHaveAttribute('src', /^(blob|data):/)
  await page.waitForTimeout(300)
  const shot = await thumb.screenshot()
  const frameShot = await frame.screenshot()
  const { width, height } = (await sharp(shot).metadata()) as { width: number; height: number }

  // Watch for the eyecatch being flagged as missing at any moment after the export.
  await page.evaluate(() => {
    const w = window as unknown as { __flagged: string[] }
    w.__flagged = []
    const check = () => {
      if (document.querySelector('.cm-lint-marker-error')) w.__flagged.push('gutter')
      if (document.body.textContent?.includes('にありません。ファイルを置くか'))
        w.__flagged.push('message')
    }
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true })
  })
  await dialog.getByRole('button', { name: 'アイキャッチとして書き出す' }).click()
  await expect(dialog.getByTestId('eyecatch-front-matter')).toContainText('eyecatch.webp')
  const exported = await sharp(join(app.repoRoot(), ASSET_DIR, 'eyecatch.webp'))
    .png()
    .toBuffer()

  // Item 3: the card's preview thumbnail is the exported file, pixel for pixel (up to scaling),
  // and so is the crop frame itself.
  expect(await meanDifference(shot, exported, width, height)).toBeLessThan(12)
  expect(await meanDifference(frameShot, exported, 240, 126)).toBeLessThan(12)
  await saveScreenshot(page, 'eyecatch-preview-matches-export.png')

  // Item 4: the new file is in the asset list before the front matter names it: never flagged.
  await page.keyboard.press('Escape')
  await expect(editorContent(page)).toContainText('eyecatch: eyecatch.webp')
  await expect(saveState(page)).toHaveText('保存済み')
  await page.waitForTimeout(600)
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(0)
  expect(
    await page.evaluate(() => (window as unknown as { __flagged: string[] }).__flagged),
  ).toEqual([])
})
