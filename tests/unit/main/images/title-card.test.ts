import { readFile, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fontMeasure, loadTitleCardFonts } from '../../../../src/main/services/images/font-metrics'
import { ImageService } from '../../../../src/main/services/images/image-service'
import { renderTitleCard } from '../../../../src/main/services/images/title-card'
import type { TitleCardSpec } from '../../../../src/shared/ipc/eyecatch'
import { changes, makeWorkspace, near, pixelAt, snapshot } from './make-images'

const fonts = loadTitleCardFonts(resolve('resources/fonts'))
let ws: Awaited<ReturnType<typeof makeWorkspace>>
let service: ImageService
let ocean: Buffer

beforeAll(async () => {
  ws = await makeWorkspace()
  service = new ImageService({
    repoRoot: () => ws.root,
    eyecatchSize: () => ({ width: 1200, height: 630 }),
    siteName: () => 'Pepabo Tech Portal',
    resourcesDir: resolve('resources'),
  })
  ocean = await readFile(resolve('resources/backgrounds/ocean.jpg'))
})

afterAll(async () => {
  await rm(ws.base, { recursive: true, force: true })
})

/** Columns (x) holding dark ink in rows y0..y1 of an image. */
async function inkColumns(
  png: Buffer,
  y0: number,
  y1: number,
): Promise<{ min: number; max: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  let min = Infinity
  let max = -Infinity
  for (let y = y0; y <= y1; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels
      if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) {
        min = Math.min(min, x)
        max = Math.max(max, x)
      }
    }
  }
  return { min, max }
}

describe('the shipped font', () => {
  it('measures Japanese at 1 em and Latin narrower, from real glyph advances', () => {
    const measure = fontMeasure(fonts.bold)
    expect(measure('あ', 54)).toBe(54)
    expect(measure('日本語', 10)).toBe(30)
    const hello = measure('Hello', 100)
    expect(hello).toBeGreaterThan(250)
    expect(hello).toBeLessThan(320)
  })

  it('is what the card is drawn with: ink ends where the font’s advances say', async () => {
    const title = 'Hello Kubernetes World'
    const card = await renderTitleCard(
      { title, author: '', role: '', logo: '', background: null, avatar: null },
      fonts,
    )
    const line = card.layout.texts[0]!
    expect(card.layout.title.lines).toEqual([title])
    const ink = await inkColumns(card.png, line.y - 40, line.y)
    const expectedRight = line.x + fonts.measure(title, line.size)
    // A fallback font (DejaVu, Noto CJK) would be tens of pixels off over 22 characters.
    expect(Math.abs(ink.max - expectedRight)).toBeLessThan(6)
    expect(Math.abs(ink.min - line.x)).toBeLessThan(8)
  })
})

describe('renderTitleCard (PORTAL.md §4)', () => {
  const input = {
    title: '「デザイントークン」を全社で運用して1年、わかったこと・つまずいたこと（前編）',
    author: 'ぺぱたろう',
    role: 'デザイナー',
    logo: 'Pepabo Tech Portal',
    avatar: null,
  }

  it('draws the background, a white rounded card 44 px in, the title and the logo', async () => {
    const card = await renderTitleCard({ ...input, background: ocean }, fonts)
    expect(card.width).toBe(1200)
    expect((await sharp(card.png).metadata()).height).toBe(630)
    const bgCorner = await pixelAt(card.png, 10, 10)
    expect(bgCorner[2]).toBeGreaterThan(bgCorner[0] + 40) // blue ocean
    expect(await pixelAt(card.png, 60, 300)).toEqual([255, 255, 255])
    expect(await pixelAt(card.png, 1140, 100)).toEqual([255, 255, 255])
    // Rounded corner: the very corner of the card box is not white.
    expect(near(await pixelAt(card.png, 45, 45), [255, 255, 255], 5)).toBe(false)
    // The title obeys kinsoku: 「 never ends a line, （ moves down with 前編.
    for (const line of card.layout.title.lines) {
      expect(line.endsWith('「')).toBe(false)
      expect(line.startsWith('、')).toBe(false)
    }
    expect(card.layout.title.lines[card.layout.title.lines.length - 1]).toMatch(/（前編）$/)
    const logo = await inkColumns(card.png, 515, 538)
    expect(logo.max).toBeGreaterThan(1090)
    expect(logo.max).toBeLessThanOrEqual(1100)
  })

  it('is the same bytes every time, and twice the pixels at 2×', async () => {
    const a = await renderTitleCard({ ...input, background: ocean }, fonts)
    const b = await renderTitleCard({ ...input, background: ocean }, fonts)
    expect(a.png.equals(b.png)).toBe(true)
    const big = await renderTitleCard({ ...input, background: ocean }, fonts, 2)
    expect(await sharp(big.png).metadata()).toMatchObject({ width: 2400, height: 1260 })
  })

  it('puts the avatar in a 64 px circle', async () => {
    const avatar = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#ff0000' },
    })
      .png()
      .toBuffer()
    const card = await renderTitleCard({ ...input, background: ocean, avatar }, fonts)
    const a = card.layout.avatar!
    expect(a.width).toBe(64)
    expect(near(await pixelAt(card.png, a.left + 32, a.top + 32), [255, 0, 0], 10)).toBe(true)
    // Outside the circle, inside its box: the white card.
    expect(near(await pixelAt(card.png, a.left + 2, a.top + 2), [255, 255, 255], 10)).toBe(true)
  })
})

describe('title cards through the service', () => {
  const spec: TitleCardSpec = {
    title: 'SUZURIをHerokuからAmazon EKSに移設するためにやったこと',
    author: 'ぺぱたろう',
    role: 'SUZURI事業部',
    avatar: null,
    background: { kind: 'bundled', id: 'sunrise' },
  }

  it('previews as a 1200×630 WebP and says how the title was fitted', async () => {
    const r = await service.titleCardPreview(spec)
    if (r.kind !== 'ok') throw new Error(r.message.en)
    expect(r.fontSize).toBe(54)
    expect(r.lines).toEqual(['SUZURIをHerokuからAmazon EKSに', '移設するためにやったこと'])
    expect(r.overflow).toBe(false)
    const bytes = Buffer.from(r.dataUrl.replace(/^data:image\/webp;base64,/, ''), 'base64')
    expect(await sharp(bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 1200,
      height: 630,
    })
  })

  it('warns when the title needs more than four lines', async () => {
    const r = await service.titleCardPreview({ ...spec, title: 'とても長いタイトル'.repeat(30) })
    expect(r).toMatchObject({ kind: 'ok', overflow: true, fontSize: 24 })
    expect(r.kind === 'ok' && r.warnings[0]!.ja).toContain('4 行に収まりません')
  })

  it('exports through the same path as photos, at 2× when asked', async () => {
    const before = await snapshot(ws.base)
    const r = await service.export({
      source: { kind: 'titleCard', card: spec },
      format: 'png',
      quality: 90,
      scale: 2,
      assetDir: ws.assetDir,
    })
    expect(r).toMatchObject({ kind: 'ok', fileName: 'eyecatch.png', width: 2400, height: 1260 })
    expect(changes(before, await snapshot(ws.base))).toEqual([`repo/${ws.assetDir}/eyecatch.png`])
  })

  it('lists the bundled backgrounds with thumbnails, and refuses an unknown one', async () => {
    const choices = await service.backgroundChoices()
    expect(choices.map((c) => c.id)).toEqual(['sunrise', 'ocean', 'mint', 'lavender', 'graphite'])
    expect(choices[0]!.name).toEqual({ ja: '朝焼け', en: 'Sunrise' })
    expect(choices[0]!.thumbnail).toMatch(/^data:image\/webp;base64,/)
    const r = await service.titleCardPreview({
      ...spec,
      background: { kind: 'bundled', id: 'nope' },
    })
    expect(r.kind === 'error' && r.message.en).toContain('background cannot be found')
  })

  it('escapes the title: markup in it is drawn as text, not run', async () => {
    // Unescaped, this would break the SVG (the render would fail) or inject an element.
    const r = await service.titleCardPreview({ ...spec, title: '<svg onload="x"> & </text>"\'' })
    expect(r).toMatchObject({ kind: 'ok', lines: ['<svg onload="x"> & </text>"\''] })
  })
})
