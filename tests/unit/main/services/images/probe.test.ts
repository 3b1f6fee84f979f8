import { mkdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImageService } from '../../../../../src/main/services/images/image-service'
import { inspectImage, probeImage } from '../../../../../src/main/services/images/probe'
import { sniffImage } from '../../../../../src/main/services/images/sniff'
import { changes, makeWorkspace, markerJpeg, pixelBombPng, snapshot } from './make-images'

let ws: Awaited<ReturnType<typeof makeWorkspace>>
let service: ImageService
let jpeg: Buffer

beforeAll(async () => {
  ws = await makeWorkspace()
  service = new ImageService({
    repoRoot: () => ws.root,
    eyecatchSize: () => ({ width: 1200, height: 630 }),
    siteName: () => 'Pepabo Tech Portal',
    resourcesDir: resolve('resources'),
  })
  jpeg = await markerJpeg(1200, 900, { orientation: 6, gps: true })
  const dir = join(ws.root, ws.assetDir)
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'photo.jpg'), jpeg)
  await writeFile(join(dir, 'empty.jpg'), Buffer.alloc(0))
  await writeFile(join(dir, 'cut.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)))
  await writeFile(join(dir, 'bomb.png'), pixelBombPng())
  await writeFile(join(dir, 'notes.jpg'), 'これは画像ではありません\n')
  await writeFile(
    join(dir, 'really-png.jpg'),
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#08f' } })
      .png()
      .toBuffer(),
  )
  await writeFile(
    join(dir, 'logo.svg'),
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  )
  await writeFile(
    join(dir, 'logo-in-disguise.png'),
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  )
  // 100 MB, sparse: costs nothing on disk, and must be refused without being read.
  await writeFile(join(dir, 'huge.jpg'), jpeg.subarray(0, 16))
  await truncate(join(dir, 'huge.jpg'), 100 * 1024 * 1024)
  await writeFile(join(ws.outside, 'secret.jpg'), jpeg)
  await symlink(join(ws.outside, 'secret.jpg'), join(dir, 'link-out.jpg'))
})

afterAll(async () => {
  await rm(ws.base, { recursive: true, force: true })
})

describe('probing images (RELIABILITY.md I1–I3)', () => {
  it('reads a phone photo’s upright size and orientation from its header', async () => {
    const r = await service.probe({ kind: 'asset', path: `${ws.assetDir}/photo.jpg` })
    expect(r).toMatchObject({
      kind: 'ok',
      info: {
        format: 'jpeg',
        width: 900,
        height: 1200,
        storedWidth: 1200,
        storedHeight: 900,
        orientation: 6,
        hasMetadata: true,
        warnings: [],
      },
    })
  })

  it.each([
    ['empty.jpg', 'ファイルが空です', 'The file is empty'],
    ['cut.jpg', '途中で切れている', 'cut short'],
    ['bomb.png', '画素数が多すぎます（20000×20000', 'too many pixels (20000×20000'],
    ['notes.jpg', '画像として読めません', 'cannot be read as an image'],
    ['logo.svg', 'SVG はアイキャッチに使えません', 'SVG cannot be used as an eyecatch'],
    ['logo-in-disguise.png', 'SVG はアイキャッチに使えません', 'SVG cannot be used as an eyecatch'],
    ['huge.jpg', 'ファイルが大きすぎます（100.0 MB', 'The file is too large (100.0 MB'],
    ['missing.jpg', '見つかりません', 'cannot be found'],
  ])('%s is refused with a plain reason', async (name, ja, en) => {
    const before = await snapshot(ws.base)
    const r = await service.probe({ kind: 'asset', path: `${ws.assetDir}/${name}` })
    expect(r.kind).toBe('error')
    if (r.kind !== 'error') return
    expect(r.message.ja).toContain(ja)
    expect(r.message.en).toContain(en)
    expect(changes(before, await snapshot(ws.base))).toEqual([])
  })

  it('accepts a PNG saved as .jpg and says so', async () => {
    const r = await service.probe({ kind: 'asset', path: `${ws.assetDir}/really-png.jpg` })
    expect(r.kind).toBe('ok')
    if (r.kind !== 'ok') return
    expect(r.info.format).toBe('png')
    expect(r.info.warnings[0]!.en).toContain('ends in .jpg but it holds a PNG image')
  })

  it('refuses the pixel bomb from its header, fast and without decoding it', async () => {
    const bomb = pixelBombPng()
    expect(bomb.length).toBeLessThan(200_000)
    const rss = process.memoryUsage().rss
    const t = performance.now()
    const r = await inspectImage(bomb, 'bomb.png', { verify: true })
    expect(performance.now() - t).toBeLessThan(1000)
    expect(r).toMatchObject({ kind: 'error', reason: 'too-many-pixels' })
    // Decoding 400 megapixels would need hundreds of MB.
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024)
  })

  it('refuses a 100 MB file from its size alone', async () => {
    const t = performance.now()
    const r = await probeImage(join(ws.root, ws.assetDir, 'huge.jpg'))
    expect(performance.now() - t).toBeLessThan(200)
    expect(r).toMatchObject({ kind: 'error', reason: 'too-large' })
  })

  it.each([
    ['../../../../outside/secret.jpg', 'リポジトリの外'],
    ['/etc/passwd', 'リポジトリの外'],
    ['file:///etc/passwd', 'リポジトリの外'],
    [`source/blog/2026-01-15-eyecatch-test/link-out.jpg`, 'シンボリックリンク'],
  ])('never reads outside the repository: %s (P2, D11)', async (path, ja) => {
    const r = await service.probe({ kind: 'asset', path })
    expect(r.kind).toBe('error')
    if (r.kind === 'error') expect(r.message.ja).toContain(ja)
  })

  it('leaves every original byte for byte as it was', async () => {
    expect(await readFile(join(ws.root, ws.assetDir, 'photo.jpg'))).toEqual(jpeg)
  })
})

describe('staging dropped bytes', () => {
  it('keeps a checked image under an id and refuses bad bytes before keeping anything', async () => {
    const ok = await service.stage('IMG_0001.JPG', jpeg)
    expect(ok).toMatchObject({ kind: 'ok', info: { width: 900, height: 1200 } })
    const bad = await service.stage('cut.jpg', jpeg.subarray(0, 1000))
    expect(bad.kind).toBe('error')
    const gone = await service.probe({ kind: 'staged', id: 'no-such-id' })
    expect(gone.kind === 'error' && gone.message.en).toContain('no longer in memory')
  })
})

describe('sniffImage', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
    [Array.from(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'webp'],
    [Array.from(Buffer.from('GIF89a')), 'gif'],
    [Array.from(Buffer.from('\0\0\0\x1cftypheic\0\0\0\0mif1heic')), 'heic'],
    [Array.from(Buffer.from('\0\0\0\x1cftypavif\0\0\0\0mif1miaf')), 'avif'],
    [Array.from(Buffer.from('\0\0\0\x20ftypmif1\0\0\0\0mif1avifmiaf\0\0\0\0')), 'avif'],
    [Array.from(Buffer.from('\ufeff  <svg xmlns="http://www.w3.org/2000/svg">')), 'svg'],
    [Array.from(Buffer.from('%PDF-1.7')), 'unknown'],
  ])('%j is %s', (bytes, kind) => {
    expect(sniffImage(Uint8Array.from(bytes))).toBe(kind)
  })

  it('explains HEIC instead of calling it broken', async () => {
    const r = await inspectImage(
      Buffer.from('\0\0\0\x1cftypheic\0\0\0\0mif1heic' + '\0'.repeat(100)),
      'IMG_1.HEIC',
    )
    expect(r.kind === 'error' && r.message.ja).toContain('JPEG として書き出して')
  })
})
