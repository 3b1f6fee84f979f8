import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeEyecatch } from '../../../../src/main/services/images/export'
import { ImageService } from '../../../../src/main/services/images/image-service'
import { inspectImage } from '../../../../src/main/services/images/probe'
import {
  INITIAL_CROP,
  cropRect,
  fitCrop,
  flipCrop,
  rotateCrop,
  type CropState,
} from '../../../../src/shared/eyecatch/crop'
import type { ExportRequest } from '../../../../src/shared/ipc/eyecatch'
import {
  CORNERS,
  changes,
  halfTransparentPng,
  makeWorkspace,
  markerJpeg,
  near,
  noisyJpeg,
  pixelAt,
  snapshot,
} from './make-images'

let ws: Awaited<ReturnType<typeof makeWorkspace>>
let service: ImageService
let phone: Buffer
const PHONE = 'IMG_2041.jpg'

beforeAll(async () => {
  ws = await makeWorkspace()
  service = new ImageService({
    repoRoot: () => ws.root,
    eyecatchSize: () => ({ width: 1200, height: 630 }),
    siteName: () => 'Pepabo Tech Portal',
    resourcesDir: resolve('resources'),
  })
  // A 12-megapixel phone photo stored sideways (EXIF 6), with GPS, camera make and XMP author.
  phone = await markerJpeg(4000, 3000, { orientation: 6, gps: true, block: 500 })
  await mkdir(join(ws.root, ws.assetDir), { recursive: true })
  await writeFile(join(ws.root, ws.assetDir, PHONE), phone)
})

afterAll(async () => {
  await rm(ws.base, { recursive: true, force: true })
})

function request(crop: CropState, extra: Partial<ExportRequest> = {}): ExportRequest {
  return {
    source: { kind: 'photo', image: { kind: 'asset', path: `${ws.assetDir}/${PHONE}` }, crop },
    format: 'webp',
    quality: 82,
    scale: 1,
    assetDir: ws.assetDir,
    ...extra,
  }
}

describe('exporting a phone photo (RELIABILITY.md I2)', () => {
  it('writes exactly 1200×630, upright, with no EXIF, GPS, XMP or ICC, and nothing else changes', async () => {
    const before = await snapshot(ws.base)
    // The top of the upright photo: its top-left corner was the stored bottom-left (blue).
    const r = await service.export(request({ ...INITIAL_CROP, centerY: 0 }))
    expect(r).toMatchObject({
      kind: 'ok',
      fileName: 'eyecatch.webp',
      path: `${ws.assetDir}/eyecatch.webp`,
      width: 1200,
      height: 630,
    })
    expect(changes(before, await snapshot(ws.base))).toEqual([`repo/${ws.assetDir}/eyecatch.webp`])
    const out = await readFile(join(ws.root, ws.assetDir, 'eyecatch.webp'))
    const meta = await sharp(out).metadata()
    expect(meta).toMatchObject({ format: 'webp', width: 1200, height: 630 })
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(meta.icc).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(out.includes('TestCam')).toBe(false)
    expect(out.includes('Secret Author')).toBe(false)
    expect(near(await pixelAt(out, 20, 20), CORNERS.bl)).toBe(true)
    expect(near(await pixelAt(out, 1180, 20), CORNERS.tl)).toBe(true)
    expect(near(await pixelAt(out, 600, 600), [128, 128, 128])).toBe(true)
    expect(r.kind === 'ok' && r.bytes).toBe(out.length)
    expect(await readFile(join(ws.root, ws.assetDir, PHONE))).toEqual(phone)
  })

  it('never overwrites silently: the next export gets eyecatch-2, unless replacing was chosen', async () => {
    const second = await service.export(request(INITIAL_CROP))
    expect(second).toMatchObject({ kind: 'ok', fileName: 'eyecatch-2.webp' })
    const first = await readFile(join(ws.root, ws.assetDir, 'eyecatch.webp'))
    const replaced = await service.export(
      request({ ...INITIAL_CROP, zoom: 3 }, { replace: 'eyecatch.webp' }),
    )
    expect(replaced).toMatchObject({ kind: 'ok', fileName: 'eyecatch.webp' })
    expect(await readFile(join(ws.root, ws.assetDir, 'eyecatch.webp'))).not.toEqual(first)
    // Replacing the photo itself is refused: a new name is used instead and the photo is intact.
    const guarded = await service.export(request(INITIAL_CROP, { format: 'jpeg', replace: PHONE }))
    expect(guarded).toMatchObject({ kind: 'ok', fileName: 'eyecatch.jpg' })
    expect(guarded.kind === 'ok' && guarded.warnings.map((w) => w.en).join(' ')).toContain(
      'never overwritten',
    )
    expect(await readFile(join(ws.root, ws.assetDir, PHONE))).toEqual(phone)
  })

  it('two exports at once take different names', async () => {
    const [a, b] = await Promise.all([
      service.export(request(INITIAL_CROP, { format: 'png', quality: 100 })),
      service.export(request(INITIAL_CROP, { format: 'png', quality: 100 })),
    ])
    expect(new Set([a.kind === 'ok' && a.fileName, b.kind === 'ok' && b.fileName])).toEqual(
      new Set(['eyecatch.png', 'eyecatch-2.png']),
    )
  })

  it.each([
    ['jpeg', 1, 'jpeg', 1200, 630],
    ['png', 1, 'png', 1200, 630],
    ['webp', 2, 'webp', 2400, 1260],
  ] as const)('%s at %d× is a %s of %d×%d', async (format, scale, expected, w, h) => {
    const r = await service.estimate({
      source: request(INITIAL_CROP).source,
      format,
      quality: 80,
      scale,
    })
    expect(r).toMatchObject({ kind: 'ok', width: w, height: h })
    const checked = await inspectImage(phone, PHONE)
    if (checked.kind !== 'ok') throw new Error('fixture')
    const { buffer } = await encodeEyecatch({
      data: phone,
      info: checked.info,
      crop: INITIAL_CROP,
      output: { width: 1200, height: 630 },
      scale,
      format,
      quality: 80,
    })
    expect((await sharp(buffer).metadata()).format).toBe(expected)
    // The estimate is the real encoded size.
    expect(r.kind === 'ok' && r.bytes).toBe(buffer.length)
  })

  it('warns past the size budget and when the crop is smaller than the output', async () => {
    const staged = await service.stage('detailed.jpg', await noisyJpeg(1600, 900))
    if (staged.kind !== 'ok') throw new Error('stage')
    const detailed = {
      kind: 'photo' as const,
      image: { kind: 'staged' as const, id: staged.id },
      crop: INITIAL_CROP,
    }
    // A detailed photo as PNG is well over 500 KB.
    const png = await service.estimate({ source: detailed, format: 'png', quality: 80, scale: 1 })
    expect(png).toMatchObject({ kind: 'ok', overBudget: true, budgetBytes: 500 * 1024 })
    expect(png.kind === 'ok' && png.warnings.map((w) => w.ja).join()).toContain(
      '目安の 500 KB を超えています',
    )
    const zoomed = await service.estimate({
      source: request({ ...INITIAL_CROP, zoom: 8 }).source,
      format: 'webp',
      quality: 80,
      scale: 1,
    })
    expect(zoomed.kind === 'ok' && zoomed.warnings.map((w) => w.en).join()).toContain(
      'may look blurry',
    )
    const fine = await service.estimate({
      source: request(INITIAL_CROP).source,
      format: 'webp',
      quality: 80,
      scale: 1,
    })
    expect(fine).toMatchObject({
      kind: 'ok',
      overBudget: false,
      budgetBytes: 500 * 1024,
      warnings: [],
    })
  })

  it('lower quality gives a smaller file', async () => {
    const staged = await service.stage('detailed.jpg', await noisyJpeg(1600, 900))
    if (staged.kind !== 'ok') throw new Error('stage')
    const source = {
      kind: 'photo' as const,
      image: { kind: 'staged' as const, id: staged.id },
      crop: INITIAL_CROP,
    }
    const hi = await service.estimate({ source, format: 'jpeg', quality: 95, scale: 1 })
    const lo = await service.estimate({ source, format: 'jpeg', quality: 40, scale: 1 })
    expect(hi.kind === 'ok' && lo.kind === 'ok' && lo.bytes < hi.bytes).toBe(true)
  })
})

describe('orientation matches sharp’s own EXIF handling', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('EXIF %i', async (tag) => {
    const input = await markerJpeg(400, 300, { orientation: tag, block: 60 })
    const info = await inspectImage(input, 'x.jpg')
    if (info.kind !== 'ok') throw new Error('fixture')
    const ours = await encodeEyecatch({
      data: input,
      info: info.info,
      crop: INITIAL_CROP,
      output: { width: info.info.width, height: info.info.height },
      scale: 1,
      format: 'png',
      quality: 100,
    })
    const theirs = await sharp(input).autoOrient().png().toBuffer()
    for (const [x, y] of [
      [10, 10],
      [info.info.width - 10, 10],
      [10, info.info.height - 10],
      [info.info.width - 10, info.info.height - 10],
    ] as const) {
      expect(near(await pixelAt(ours.buffer, x, y), await pixelAt(theirs, x, y), 10)).toBe(true)
    }
  })

  it('the writer’s rotation and mirror land as on screen', async () => {
    const input = await markerJpeg(400, 300, { orientation: 6, block: 60 })
    const info = await inspectImage(input, 'x.jpg')
    if (info.kind !== 'ok') throw new Error('fixture')
    // Upright is 300×400; turn it clockwise (400×300), then mirror left↔right.
    const crop = flipCrop(
      rotateCrop(INITIAL_CROP, {
        source: { width: 400, height: 300 },
        exif: 6,
        output: { width: 400, height: 300 },
      }),
      { source: { width: 400, height: 300 }, exif: 6, output: { width: 400, height: 300 } },
      true,
    )
    const ours = await encodeEyecatch({
      data: input,
      info: info.info,
      crop,
      output: { width: 400, height: 300 },
      scale: 1,
      format: 'png',
      quality: 100,
    })
    const upright = await sharp(input).autoOrient().png().toBuffer()
    const turned = await sharp(upright).rotate(90).png().toBuffer()
    const reference = await sharp(turned).flop().png().toBuffer()
    for (const [x, y] of [
      [10, 10],
      [390, 10],
      [10, 290],
      [390, 290],
    ] as const) {
      expect(near(await pixelAt(ours.buffer, x, y), await pixelAt(reference, x, y), 10)).toBe(true)
    }
  })
})

/**
 * Sub-pixel positions where the red channel crosses 128 along row `at` (or column `at`) of a
 * 1200×630 RGB image.
 */
function edges(raw: Buffer, at: number, along: 'row' | 'column'): number[] {
  const n = along === 'row' ? 1200 : 630
  const red = (i: number) =>
    along === 'row' ? raw[(at * 1200 + i) * 3]! : raw[(i * 1200 + at) * 3]!
  const out: number[] = []
  for (let i = 1; i < n; i++) {
    const a = red(i - 1) - 128
    const b = red(i) - 128
    if (a * b < 0) out.push(i - 1 + a / (a - b))
  }
  return out
}

describe('decoding at reduced scale', () => {
  it('lands the crop on the same pixels as a full decode', async () => {
    // A checkerboard of 60 px squares (about 20 output px), the image a whole number of squares on
    // each side: its edges show where the crop landed.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4800" height="3240"><defs><pattern id="c" width="120" height="120" patternUnits="userSpaceOnUse"><rect width="120" height="120" fill="#1d3557"/><rect width="60" height="60" fill="#f1c40f"/><rect x="60" y="60" width="60" height="60" fill="#f1c40f"/></pattern></defs><rect width="4800" height="3240" fill="url(#c)"/></svg>`
    const jpeg = await sharp(Buffer.from(svg))
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer()
    const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer()
    // A crop whose start falls on whole pixels at the reduced scale too, so any shift is a bug.
    const crop = { ...INITIAL_CROP, zoom: 1.3, centerX: 0.4, centerY: 0.32, rotation: 90 as const }
    const encode = async (data: Buffer) => {
      const checked = await inspectImage(data, 'x')
      if (checked.kind !== 'ok') throw new Error('fixture')
      const info = { ...checked.info, orientation: 6 }
      const out = await encodeEyecatch({
        data,
        info,
        crop,
        output: { width: 1200, height: 630 },
        scale: 1,
        format: 'png',
        quality: 100,
      })
      return sharp(out.buffer).raw().toBuffer()
    }
    // The JPEG takes the reduced-scale path (its crop is over twice the output); the PNG cannot.
    const [reduced, full] = await Promise.all([encode(jpeg), encode(png)])
    expect(reduced.length).toBe(1200 * 630 * 3)
    // Where the squares' edges must be: every 60 view pixels, mapped through the crop. Pixel i
    // spans [i, i + 1), so a crossing found between pixel centres sits half a pixel further on.
    const rect = cropRect(crop, {
      source: { width: 4800, height: 3240 },
      exif: 6,
      output: { width: 1200, height: 630 },
    })
    const k = 1200 / rect.width
    const ideal = (start: number, length: number) =>
      Array.from({ length: 200 }, (_, m) => (m * 60 - start) * k).filter(
        (p) => p > 1 && p < length - 1,
      )
    for (const [at, along] of [
      [100, 'row'],
      [500, 'row'],
      [300, 'column'],
      [900, 'column'],
    ] as const) {
      const expected = along === 'row' ? ideal(rect.left, 1200) : ideal(rect.top, 630)
      for (const image of [reduced, full]) {
        const found = edges(image, at, along).map((e) => e + 0.5)
        expect(found.length).toBe(expected.length)
        const offset = found.reduce((sum, e, i) => sum + (e - expected[i]!), 0) / found.length
        expect(Math.abs(offset)).toBeLessThan(0.25)
      }
    }
  })
})

describe('transparency and margins', () => {
  it('flattens transparent pixels onto the background colour', async () => {
    const png = await halfTransparentPng(400, 210)
    const staged = await service.stage('alpha.png', png)
    if (staged.kind !== 'ok') throw new Error('stage')
    expect(staged.info.hasAlpha).toBe(true)
    const source = {
      kind: 'photo' as const,
      image: { kind: 'staged' as const, id: staged.id },
      crop: INITIAL_CROP,
    }
    const r = await service.export({
      source,
      format: 'jpeg',
      quality: 90,
      scale: 1,
      assetDir: ws.assetDir,
      background: '#000000',
    })
    if (r.kind !== 'ok') throw new Error(r.message.en)
    const out = join(ws.root, ws.assetDir, r.fileName)
    expect(near(await pixelAt(out, 100, 300), [0, 0, 0], 8)).toBe(true)
    expect(near(await pixelAt(out, 1100, 300), [255, 0, 0], 12)).toBe(true)
  })

  it('zoomed out to fit, the photo is centred with background margins', async () => {
    const r = await service.export(
      request(
        fitCrop(INITIAL_CROP, {
          source: { width: 4000, height: 3000 },
          exif: 6,
          output: { width: 1200, height: 630 },
        }),
        { format: 'png', background: '#ffffff' },
      ),
    )
    if (r.kind !== 'ok') throw new Error(r.message.en)
    const out = join(ws.root, ws.assetDir, r.fileName)
    expect((await sharp(out).metadata()).width).toBe(1200)
    // Upright 3000×4000 fitted into 630 px high is 472.5 px wide, centred.
    expect(await pixelAt(out, 100, 300)).toEqual([255, 255, 255])
    expect(near(await pixelAt(out, 600, 315), [128, 128, 128], 6)).toBe(true)
    expect(near(await pixelAt(out, 370, 5), CORNERS.bl, 20)).toBe(true)
  })
})

describe('where it may write (P2, D11)', () => {
  it.each(['../outside', '/tmp', '../../etc'])(
    'refuses asset folder %s and writes nothing',
    async (assetDir) => {
      const before = await snapshot(ws.base)
      const r = await service.export(request(INITIAL_CROP, { assetDir }))
      expect(r.kind).toBe('error')
      expect(changes(before, await snapshot(ws.base))).toEqual([])
    },
  )

  it('refuses an asset folder that is a link to outside the repository', async () => {
    await symlink(ws.outside, join(ws.root, 'source/blog/2026-02-01-linked'))
    const before = await snapshot(ws.base)
    const r = await service.export(
      request(INITIAL_CROP, { assetDir: 'source/blog/2026-02-01-linked' }),
    )
    expect(r.kind === 'error' && r.message.en).toContain('symbolic link')
    expect(changes(before, await snapshot(ws.base))).toEqual([])
  })

  it('creates the post’s asset folder when it does not exist yet', async () => {
    const r = await service.export(
      request(INITIAL_CROP, { assetDir: 'source/blog/2026-03-03-new-post' }),
    )
    expect(r).toMatchObject({ kind: 'ok', path: 'source/blog/2026-03-03-new-post/eyecatch.webp' })
    const listed = await service.list('source/blog/2026-03-03-new-post')
    expect(listed.kind === 'ok' && listed.images.map((i) => i.name)).toEqual(['eyecatch.webp'])
  })
})
