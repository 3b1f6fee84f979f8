import { open, stat } from 'node:fs/promises'
import sharp, { type Metadata, type SharpOptions } from 'sharp'
import { exifOrientation, transformSize } from '../../../shared/eyecatch/geometry'
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, type ImageInfo } from '../../../shared/ipc/eyecatch'
import type { LocalizedText } from '../../../shared/localized'
import { IMAGE_MESSAGES } from './messages'
import { DECODABLE, SNIFF_BYTES, extensionMismatch, sniffImage, type SniffedKind } from './sniff'

/** Limits applied before and during decoding. */
export interface ImageLimits {
  maxBytes: number
  maxPixels: number
}

/** The defaults: 50 MB files, 100 megapixels. */
export const DEFAULT_LIMITS: ImageLimits = {
  maxBytes: MAX_IMAGE_BYTES,
  maxPixels: MAX_IMAGE_PIXELS,
}

/** What the checks decided about an image. */
export type InspectResult =
  | { kind: 'ok'; info: ImageInfo; sniffed: SniffedKind }
  | { kind: 'error'; message: LocalizedText; reason: InspectFailure }

/** Why an image was refused. */
export type InspectFailure =
  | 'empty'
  | 'too-large'
  | 'too-many-pixels'
  | 'svg'
  | 'heic'
  | 'not-image'
  | 'corrupt'
  | 'not-found'
  | 'not-a-file'

/** Options for sharp that every decode in this service uses: the pixel limit and failing on damage. */
export function sharpInput(limits: ImageLimits = DEFAULT_LIMITS): SharpOptions {
  // `failOn: 'error'` also stops at truncated data; libjpeg's harmless warnings still pass.
  return { limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text
    .split('\n')[0]!
    .replace(/^Input (buffer|file) /, '')
    .slice(0, 160)
}

function fail(reason: InspectFailure, message: LocalizedText): InspectResult {
  return { kind: 'error', reason, message }
}

/**
 * Checks image bytes without decoding them all: size, magic bytes (SVG and HEIC refused with
 * their own reason, unknown formats never reach sharp), header-only metadata and the pixel count.
 * With `verify`, also decodes a tiny thumbnail (JPEG decodes at 1/8 scale) so truncated or
 * corrupt files are caught now rather than at export.
 */
export async function inspectImage(
  data: Uint8Array,
  name: string,
  options: { verify?: boolean; limits?: ImageLimits } = {},
): Promise<InspectResult> {
  const limits = options.limits ?? DEFAULT_LIMITS
  if (data.byteLength === 0) return fail('empty', IMAGE_MESSAGES.empty)
  if (data.byteLength > limits.maxBytes) {
    return fail('too-large', IMAGE_MESSAGES.tooLarge(data.byteLength, limits.maxBytes))
  }
  const sniffed = sniffImage(data.subarray(0, SNIFF_BYTES))
  if (sniffed === 'svg') return fail('svg', IMAGE_MESSAGES.svg)
  if (sniffed === 'heic') return fail('heic', IMAGE_MESSAGES.heic)
  if (!DECODABLE.has(sniffed)) return fail('not-image', IMAGE_MESSAGES.notImage)
  let meta: Metadata
  try {
    // Header only: nothing is decoded, so the pixel limit is checked below with the real numbers.
    meta = await sharp(data, { ...sharpInput(limits), limitInputPixels: false }).metadata()
  } catch (error) {
    return fail('corrupt', IMAGE_MESSAGES.corrupt(describe(error)))
  }
  const storedWidth = meta.width ?? 0
  const storedHeight = meta.height ?? 0
  if (storedWidth <= 0 || storedHeight <= 0)
    return fail('corrupt', IMAGE_MESSAGES.corrupt('no size'))
  // Animated images report the height of all frames; only the first is used.
  const frameHeight =
    meta.pages && meta.pages > 1 && meta.pageHeight ? meta.pageHeight : storedHeight
  if (storedWidth * frameHeight > limits.maxPixels) {
    return fail(
      'too-many-pixels',
      IMAGE_MESSAGES.tooManyPixels(storedWidth, frameHeight, limits.maxPixels),
    )
  }
  if (options.verify) {
    try {
      await sharp(data, { ...sharpInput(limits), pages: 1 })
        .resize(64, 64, { fit: 'inside' })
        .raw()
        .toBuffer()
    } catch (error) {
      return fail('corrupt', IMAGE_MESSAGES.corrupt(describe(error)))
    }
  }
  const orientation =
    meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1
  const upright = transformSize(
    { width: storedWidth, height: frameHeight },
    exifOrientation(orientation),
  )
  const warnings: LocalizedText[] = []
  if (extensionMismatch(name, sniffed)) {
    warnings.push(IMAGE_MESSAGES.extensionMismatch(name.split('.').pop()!.toLowerCase(), sniffed))
  }
  return {
    kind: 'ok',
    sniffed,
    info: {
      format: sniffed,
      width: upright.width,
      height: upright.height,
      storedWidth,
      storedHeight: frameHeight,
      orientation,
      hasAlpha: meta.hasAlpha ?? false,
      bytes: data.byteLength,
      hasMetadata: Boolean(meta.exif || meta.xmp || meta.iptc),
      warnings,
    },
  }
}

/**
 * Reads an image file for processing after checking it: refuses empty files and files over the
 * byte limit from `stat` alone, before reading them, then runs {@link inspectImage} on the bytes.
 * The file is only read, never written.
 */
export async function readImageFile(
  path: string,
  options: { verify?: boolean; limits?: ImageLimits } = {},
): Promise<
  | { kind: 'ok'; data: Buffer; info: ImageInfo; sniffed: SniffedKind }
  | Extract<InspectResult, { kind: 'error' }>
> {
  const limits = options.limits ?? DEFAULT_LIMITS
  let size: number
  try {
    const st = await stat(path)
    if (!st.isFile())
      return { kind: 'error', reason: 'not-a-file', message: IMAGE_MESSAGES.notAFile }
    size = st.size
  } catch {
    return { kind: 'error', reason: 'not-found', message: IMAGE_MESSAGES.notFound }
  }
  if (size === 0) return { kind: 'error', reason: 'empty', message: IMAGE_MESSAGES.empty }
  if (size > limits.maxBytes) {
    return {
      kind: 'error',
      reason: 'too-large',
      message: IMAGE_MESSAGES.tooLarge(size, limits.maxBytes),
    }
  }
  const handle = await open(path, 'r').catch(() => null)
  if (!handle) return { kind: 'error', reason: 'not-found', message: IMAGE_MESSAGES.notFound }
  try {
    // Read no more than the limit even if the file grew since stat.
    const data = Buffer.alloc(Math.min(size, limits.maxBytes))
    let offset = 0
    while (offset < data.length) {
      const { bytesRead } = await handle.read(data, offset, data.length - offset, offset)
      if (bytesRead === 0) break
      offset += bytesRead
    }
    const bytes = offset === data.length ? data : data.subarray(0, offset)
    const result = await inspectImage(bytes, path, { ...options, limits })
    return result.kind === 'ok' ? { ...result, data: bytes } : result
  } finally {
    await handle.close()
  }
}

/** Reads an image file's facts (I1–I3 checks, plus a quick decode that catches damaged files). */
export async function probeImage(
  path: string,
  limits: ImageLimits = DEFAULT_LIMITS,
): Promise<
  | { kind: 'ok'; info: ImageInfo }
  | { kind: 'error'; message: LocalizedText; reason: InspectFailure }
> {
  const result = await readImageFile(path, { verify: true, limits })
  return result.kind === 'ok' ? { kind: 'ok', info: result.info } : result
}
