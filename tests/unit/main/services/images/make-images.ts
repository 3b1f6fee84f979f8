import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

/** Corner colours of the marker images, as stored (before any EXIF orientation). */
export const CORNERS = {
  tl: [255, 0, 0],
  tr: [0, 200, 0],
  bl: [0, 0, 255],
  br: [255, 220, 0],
} as const

/** An RGB triple. */
export type Rgb = readonly [number, number, number]

/**
 * A JPEG whose four stored corners are painted red (top-left), green (top-right), blue
 * (bottom-left) and yellow (bottom-right) over grey, with optional EXIF orientation, GPS and XMP.
 */
export async function markerJpeg(
  width: number,
  height: number,
  options: { orientation?: number; gps?: boolean; block?: number; quality?: number } = {},
): Promise<Buffer> {
  const b = options.block ?? Math.round(Math.min(width, height) / 6)
  const rect = (x: number, y: number, c: Rgb) =>
    `<rect x="${x}" y="${y}" width="${b}" height="${b}" fill="rgb(${c.join(',')})"/>`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#808080"/>` +
    rect(0, 0, CORNERS.tl) +
    rect(width - b, 0, CORNERS.tr) +
    rect(0, height - b, CORNERS.bl) +
    rect(width - b, height - b, CORNERS.br) +
    `</svg>`
  let image = sharp(Buffer.from(svg)).jpeg({ quality: options.quality ?? 90 })
  if (options.gps) {
    image = image
      .withExif({
        IFD0: { Make: 'TestCam', Model: 'Secret Phone' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '35/1 39/1 2900/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '139/1 41/1 3000/100',
        },
      })
      .withXmp(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Author</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
      )
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  return image.toBuffer()
}

/** A PNG with a transparent left half and an opaque red right half. */
export function halfTransparentPng(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#ff0000"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/**
 * A valid PNG of `width`×`height` black pixels (1-bit grey) that is tiny on disk: a decompression
 * bomb. 20000×20000 is 400 megapixels in about 50 KB.
 */
export function pixelBombPng(width = 20000, height = 20000): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // greyscale
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)))
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A temporary workspace: a repository folder and a sibling folder outside it. */
export async function makeWorkspace(): Promise<{
  base: string
  root: string
  outside: string
  assetDir: string
}> {
  const base = await mkdtemp(join(tmpdir(), 'portal-writer-images-'))
  const root = join(base, 'repo')
  const outside = join(base, 'outside')
  const assetDir = 'source/blog/2026-01-15-eyecatch-test'
  await mkdir(join(root, 'source/blog'), { recursive: true })
  await mkdir(outside, { recursive: true })
  return { base, root, outside, assetDir }
}

/** Every file under `dir` (relative path → sha-256), to prove what a call wrote. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name)
      if (entry.isDirectory()) await walk(p)
      else if (entry.isFile()) {
        const st = await stat(p)
        // Sparse test files are huge: hash their size only.
        const hash =
          st.size > 10 * 1024 * 1024
            ? `size:${st.size}`
            : createHash('sha256')
                .update(await readFile(p))
                .digest('hex')
        out.set(relative(dir, p), hash)
      } else out.set(relative(dir, p), entry.isSymbolicLink() ? 'symlink' : 'other')
    }
  }
  await walk(dir)
  return out
}

/** Files added or changed between two snapshots. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after]
    .filter(([k, v]) => before.get(k) !== v)
    .map(([k]) => k)
    .sort()
}

/** The RGB colour of a pixel of an encoded image. */
export async function pixelAt(image: Buffer | string, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const i = (y * info.width + x) * info.channels
  return [data[i]!, data[i + 1]!, data[i + 2]!]
}

/** True when two colours are within `tolerance` per channel (lossy encodings shift colours). */
export function near(a: Rgb, b: Rgb, tolerance = 40): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance)
}

/** A JPEG of random noise: compresses like a detailed photo, so file sizes behave like real ones. */
export async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer()
}
