import { readdir, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyImageBase } from '../../../../../src/main/services/images/body-image'
import { ImageService } from '../../../../../src/main/services/images/image-service'
import {
  CORNERS,
  changes,
  halfTransparentPng,
  makeWorkspace,
  markerJpeg,
  near,
  pixelAt,
  snapshot,
} from './make-images'

let ws: Awaited<ReturnType<typeof makeWorkspace>>
let service: ImageService

beforeAll(async () => {
  ws = await makeWorkspace()
  service = new ImageService({
    repoRoot: () => ws.root,
    eyecatchSize: () => ({ width: 1200, height: 630 }),
    siteName: () => 'Pepabo Tech Portal',
    resourcesDir: resolve('resources'),
  })
})

afterAll(async () => {
  await rm(ws.base, { recursive: true, force: true })
})

describe('pasting or dropping a body image', () => {
  it('fits the long side to 1200 px, stands it upright, strips metadata, names it after its content', async () => {
    // Stored 3000×2000 sideways (EXIF 6): upright it is 2000×3000, so 800×1200 after fitting.
    const photo = await markerJpeg(3000, 2000, { orientation: 6, gps: true, block: 400 })
    const before = await snapshot(ws.base)
    const r = await service.importBody(ws.assetDir, photo, 'Screen Shot 2026-01-15.JPG')
    if (r.kind !== 'ok') throw new Error(r.message.en)
    expect(r).toMatchObject({ width: 800, height: 1200, reused: false })
    expect(r.fileName).toMatch(/^screen-shot-2026-01-15-[0-9a-f]{12}\.jpg$/)
    expect(r.path).toBe(`${ws.assetDir}/${r.fileName}`)
    expect(changes(before, await snapshot(ws.base))).toEqual([`repo/${ws.assetDir}/${r.fileName}`])
    const out = await readFile(join(ws.root, r.path))
    const meta = await sharp(out).metadata()
    expect(meta).toMatchObject({ width: 800, height: 1200, format: 'jpeg' })
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(out.includes('TestCam')).toBe(false)
    // Upright: the stored top-left (red) is now at the top-right.
    expect(near(await pixelAt(out, 780, 20), CORNERS.tl)).toBe(true)
    expect(r.bytes).toBe(out.length)
  })

  it('gives the same file for the same image, under any name, writing nothing new', async () => {
    const photo = await markerJpeg(900, 600)
    const first = await service.importBody(ws.assetDir, photo, 'a.jpg')
    const before = await snapshot(ws.base)
    const again = await service.importBody(ws.assetDir, photo, 'クリップボード.jpg')
    expect(again).toMatchObject({ kind: 'ok', reused: true })
    expect(again.kind === 'ok' && first.kind === 'ok' && again.fileName === first.fileName).toBe(
      true,
    )
    expect(changes(before, await snapshot(ws.base))).toEqual([])
    // Small images are not enlarged.
    expect(first).toMatchObject({ width: 900, height: 600 })
  })

  it('keeps PNG transparency and never enlarges', async () => {
    const r = await service.importBody(ws.assetDir, await halfTransparentPng(300, 200))
    if (r.kind !== 'ok') throw new Error(r.message.en)
    expect(r.fileName).toMatch(/^image-[0-9a-f]{12}\.png$/)
    const meta = await sharp(join(ws.root, r.path)).metadata()
    expect(meta).toMatchObject({ width: 300, height: 200, hasAlpha: true })
  })

  it('refuses SVG and broken files with a reason, writing nothing', async () => {
    const before = await snapshot(ws.base)
    const svg = await service.importBody(
      ws.assetDir,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      'x.svg',
    )
    expect(svg.kind === 'error' && svg.message.ja).toContain('PNG に書き出してから')
    const cut = await service.importBody(
      ws.assetDir,
      (await markerJpeg(800, 600)).subarray(0, 3000),
      'cut.jpg',
    )
    expect(cut.kind === 'error' && cut.message.en).toContain('damaged or cut short')
    const outside = await service.importBody('../outside', await markerJpeg(100, 100), 'x.jpg')
    expect(outside.kind).toBe('error')
    expect(changes(before, await snapshot(ws.base))).toEqual([])
    expect((await readdir(ws.outside)).length).toBe(0)
  })

  it.each([
    ['Screen Shot.PNG', 'screen-shot'],
    ['../../etc/passwd', 'passwd'],
    ['写真.jpg', 'image'],
    ['', 'image'],
    [undefined, 'image'],
    ['IMG_0001.HEIC', 'img-0001'],
  ])('names %j after %s', (name, base) => {
    expect(bodyImageBase(name)).toBe(base)
  })
})
