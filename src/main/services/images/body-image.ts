import { createHash } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import type { LocalizedText } from '../../../shared/localized'
import { writeNewFile } from './asset-write'
import { IMAGE_MESSAGES } from './messages'
import { DEFAULT_LIMITS, inspectImage, readImageFile, sharpInput, type ImageLimits } from './probe'
import type { SniffedKind } from './sniff'

/** Longest side of a body image: the blog's own workflow resizes to this (PORTAL.md §1). */
export const BODY_IMAGE_MAX_SIDE = 1200

/** A saved body image. */
export interface ImportedBodyImage {
  kind: 'ok'
  /** File name in the asset folder: the Markdown link target, relative to the post. */
  fileName: string
  width: number
  height: number
  bytes: number
  /** True when the same image was already there and nothing was written. */
  reused: boolean
}

/** Output format per input format: browsers show all of these; AVIF/TIFF become WebP/PNG/JPEG. */
function outputFormat(kind: SniffedKind, hasAlpha: boolean): 'jpeg' | 'png' | 'webp' | 'gif' {
  switch (kind) {
    case 'jpeg':
      return 'jpeg'
    case 'png':
      return 'png'
    case 'gif':
      return 'gif'
    case 'webp':
    case 'avif':
      return 'webp'
    default:
      return hasAlpha ? 'png' : 'jpeg'
  }
}

const EXT = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' } as const

/** A file-name base from the original name: lower-case `[a-z0-9-]`, or `image`. */
export function bodyImageBase(name: string | undefined): string {
  const stem = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '')
  const base = stem
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return base === '' ? 'image' : base
}

/**
 * Saves a pasted or dropped image into a post's asset folder for the body: checked like any image
 * (I1–I3, SVG refused), auto-oriented, long side ≤ 1200 px, converted to sRGB, metadata stripped.
 * The name ends with a hash of the original bytes, so the same image dropped twice (under any
 * name) gives the same file and nothing new is written.
 */
export async function importBodyImage(
  input: Uint8Array | string,
  assetDir: string,
  name?: string,
  limits: ImageLimits = DEFAULT_LIMITS,
): Promise<ImportedBodyImage | { kind: 'error'; message: LocalizedText }> {
  const checked =
    typeof input === 'string'
      ? await readImageFile(input, { verify: true, limits })
      : await inspectImage(input, name ?? '', { verify: true, limits }).then((r) =>
          r.kind === 'ok' ? { ...r, data: input } : r,
        )
  if (checked.kind === 'error') {
    return {
      kind: 'error',
      message: checked.reason === 'svg' ? IMAGE_MESSAGES.svgBody : checked.message,
    }
  }
  const { data, info, sniffed } = checked
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 12)
  const format = outputFormat(sniffed, info.hasAlpha)
  const ext = EXT[format]
  const suffix = `-${hash}.${ext}`
  const existing = (await readdir(assetDir).catch(() => [] as string[])).find((f) =>
    f.endsWith(suffix),
  )
  if (existing) {
    const path = join(assetDir, existing)
    const meta = await sharp(path, { limitInputPixels: false })
      .metadata()
      .catch(() => null)
    const st = await stat(path).catch(() => null)
    if (meta?.width && st) {
      const height =
        meta.pages && meta.pages > 1 && meta.pageHeight ? meta.pageHeight : (meta.height ?? 1)
      return {
        kind: 'ok',
        fileName: existing,
        width: meta.width,
        height,
        bytes: st.size,
        reused: true,
      }
    }
  }
  const animated = sniffed === 'gif' || sniffed === 'webp'
  let image = sharp(data, { ...sharpInput(limits), animated })
    .autoOrient()
    .resize(BODY_IMAGE_MAX_SIDE, BODY_IMAGE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .toColorspace('srgb')
  switch (format) {
    case 'jpeg':
      image = image.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true })
      break
    case 'png':
      image = image.png({ compressionLevel: 9, adaptiveFiltering: true })
      break
    case 'webp':
      image = image.webp({ quality: 85 })
      break
    case 'gif':
      image = image.gif()
      break
  }
  try {
    const { data: out, info: outInfo } = await image.toBuffer({ resolveWithObject: true })
    const height = outInfo.pageHeight ?? outInfo.height
    const fileName = `${bodyImageBase(name)}${suffix}`
    const written = await writeNewFile(assetDir, [fileName], out)
    // Lost a race with an identical drop: the file holds the same image.
    const reused = written.kind === 'exhausted'
    return { kind: 'ok', fileName, width: outInfo.width, height, bytes: out.length, reused }
  } catch (error) {
    const text = (error as Error).message.split('\n')[0] ?? ''
    return {
      kind: 'error',
      message: /ENOSPC|EACCES|EPERM|EROFS/.test(text)
        ? IMAGE_MESSAGES.writeFailed(text)
        : IMAGE_MESSAGES.corrupt(text),
    }
  }
}
