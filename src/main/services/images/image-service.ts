import { randomUUID } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import sharp from 'sharp'
import { INITIAL_CROP } from '../../../shared/eyecatch/crop'
import type { Size } from '../../../shared/eyecatch/geometry'
import {
  DEFAULT_BUDGET_BYTES,
  type AssetImage,
  type BackgroundChoice,
  type BodyImageResult,
  type EstimateResult,
  type ExportRequest,
  type EyecatchEncoding,
  type ExportResult,
  type ImageInfo,
  type ImageSource,
  type ProbeResult,
  type StageResult,
  type TitleCardPreview,
  type TitleCardSpec,
} from '../../../shared/ipc/eyecatch'
import type { LocalizedText } from '../../../shared/localized'
import { makeFolder } from '../fs/make-folder'
import { resolveInRepo } from '../fs/paths'
import { BackgroundLibrary } from './backgrounds'
import { importBodyImage } from './body-image'
import {
  encodeEyecatch,
  estimateEyecatchSize,
  exportEyecatch,
  type EyecatchPixelsRequest,
} from './export'
import { loadTitleCardFonts, type TitleCardFonts } from './font-metrics'
import { IMAGE_MESSAGES } from './messages'
import { DEFAULT_LIMITS, inspectImage, readImageFile, type ImageLimits } from './probe'
import { renderTitleCard } from './title-card'

/**
 * Process-wide sharp settings for the app, called once at start: no operation cache, so decoded
 * photos are freed as soon as an export ends (the cache would otherwise keep up to 50 MB of
 * pixels and 20 open files), which keeps the main process's memory low.
 */
export function configureSharp(): void {
  sharp.cache(false)
}

/** What the image service needs from the rest of main. */
export interface ImageServiceDeps {
  /** Root folder of the open repository, or null when none is open. */
  repoRoot: () => string | null
  /** The profile's eyecatch size (`eyecatchWidth` × `eyecatchHeight`). */
  eyecatchSize: () => Size
  /** The profile's site name, shown in the title card's logo slot. */
  siteName: () => string
  /** The app's resources folder, holding `fonts/` and `backgrounds/`. */
  resourcesDir: string
  limits?: ImageLimits
}

type Failure = { kind: 'error'; message: LocalizedText }
type Loaded = {
  kind: 'ok'
  data: Uint8Array
  info: ImageInfo
  name: string
  realPath: string | null
}

/** Image extensions listed from an asset folder. */
const IMAGE_FILE = /\.(jpe?g|png|webp|gif|avif)$/i

/** How many dropped or pasted images main keeps at once, and their total size. */
const STAGE_LIMIT = { count: 6, bytes: 200 * 1024 * 1024 }

/**
 * The eyecatch studio and body images, behind the IPC channels of `eyecatchChannels`: stages
 * dropped bytes, reads only repository files (via `resolveInRepo`), and writes only into a post's
 * asset folder inside the repository. Never imports electron.
 */
export class ImageService {
  private readonly staged = new Map<string, { data: Uint8Array; info: ImageInfo; name: string }>()
  private readonly backgrounds: BackgroundLibrary
  private fonts: TitleCardFonts | null = null
  private readonly limits: ImageLimits

  constructor(private readonly deps: ImageServiceDeps) {
    this.backgrounds = new BackgroundLibrary(join(deps.resourcesDir, 'backgrounds'))
    this.limits = deps.limits ?? DEFAULT_LIMITS
  }

  /** Checks dropped or pasted bytes and keeps them in memory for cropping. */
  async stage(name: string, data: Uint8Array): Promise<StageResult> {
    const checked = await inspectImage(data, name, { verify: true, limits: this.limits })
    if (checked.kind === 'error') return { kind: 'error', message: checked.message }
    const id = randomUUID()
    // Copy: the caller's buffer may be reused or transferred.
    this.staged.set(id, { data: Uint8Array.from(data), info: checked.info, name })
    let total = [...this.staged.values()].reduce((n, s) => n + s.data.byteLength, 0)
    for (const key of this.staged.keys()) {
      if (this.staged.size <= STAGE_LIMIT.count && total <= STAGE_LIMIT.bytes) break
      if (key === id) continue
      total -= this.staged.get(key)!.data.byteLength
      this.staged.delete(key)
    }
    return { kind: 'ok', id, info: checked.info }
  }

  /** Forgets a staged image. */
  unstage(id: string): void {
    this.staged.delete(id)
  }

  private async load(source: ImageSource, verify: boolean): Promise<Loaded | Failure> {
    if (source.kind === 'staged') {
      const s = this.staged.get(source.id)
      if (!s) return { kind: 'error', message: IMAGE_MESSAGES.stagedGone }
      return { kind: 'ok', data: s.data, info: s.info, name: s.name, realPath: null }
    }
    const root = this.deps.repoRoot()
    if (!root) return { kind: 'error', message: IMAGE_MESSAGES.noRepo }
    const resolved = await resolveInRepo(root, source.path)
    if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    if (!resolved.exists) return { kind: 'error', message: IMAGE_MESSAGES.notFound }
    const read = await readImageFile(resolved.realPath, { verify, limits: this.limits })
    if (read.kind === 'error') return { kind: 'error', message: read.message }
    return {
      kind: 'ok',
      data: read.data,
      info: read.info,
      name: basename(resolved.relPath),
      realPath: resolved.realPath,
    }
  }

  /** Reads an image's facts. */
  async probe(image: ImageSource): Promise<ProbeResult> {
    const loaded = await this.load(image, true)
    return loaded.kind === 'ok' ? { kind: 'ok', info: loaded.info } : loaded
  }

  /** Resolves a post's asset folder inside the repository, creating it when asked. */
  private async assetDir(
    assetDir: string,
    create: boolean,
  ): Promise<{ kind: 'ok'; abs: string; rel: string } | Failure> {
    const root = this.deps.repoRoot()
    if (!root) return { kind: 'error', message: IMAGE_MESSAGES.noRepo }
    let resolved = await resolveInRepo(root, assetDir)
    if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    if (!resolved.exists && create) {
      try {
        await makeFolder(resolved.realPath)
      } catch (error) {
        return { kind: 'error', message: IMAGE_MESSAGES.writeFailed((error as Error).message) }
      }
      // Checked again now that it exists: nothing may have swapped a link in meanwhile.
      resolved = await resolveInRepo(root, assetDir)
      if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    }
    if (!resolved.exists) return { kind: 'ok', abs: resolved.realPath, rel: resolved.relPath }
    const st = await stat(resolved.realPath).catch(() => null)
    if (!st?.isDirectory()) return { kind: 'error', message: IMAGE_MESSAGES.notAFile }
    return { kind: 'ok', abs: resolved.realPath, rel: resolved.relPath }
  }

  /** Image files in a post's asset folder, by name. */
  async list(assetDir: string): Promise<{ kind: 'ok'; images: AssetImage[] } | Failure> {
    const dir = await this.assetDir(assetDir, false)
    if (dir.kind === 'error') return dir
    const names = await readdir(dir.abs).catch(() => [] as string[])
    const images: AssetImage[] = []
    for (const name of names.filter((n) => IMAGE_FILE.test(n) && !n.startsWith('.')).sort()) {
      const st = await stat(join(dir.abs, name)).catch(() => null)
      if (st?.isFile()) images.push({ name, path: `${dir.rel}/${name}`, bytes: st.size })
    }
    return { kind: 'ok', images }
  }

  /** Saves a body image into the asset folder. */
  async importBody(assetDir: string, data: Uint8Array, name?: string): Promise<BodyImageResult> {
    const dir = await this.assetDir(assetDir, true)
    if (dir.kind === 'error') return dir
    const result = await importBodyImage(data, dir.abs, name, this.limits)
    if (result.kind === 'error') return result
    return { ...result, path: `${dir.rel}/${result.fileName}` }
  }

  /** The title-card fonts, opened on first use. */
  private titleCardFonts(): TitleCardFonts {
    this.fonts ??= loadTitleCardFonts(join(this.deps.resourcesDir, 'fonts'))
    return this.fonts
  }

  private async renderCard(card: TitleCardSpec, scale: 1 | 2) {
    let background: Uint8Array | null
    if (card.background.kind === 'bundled') {
      background = await this.backgrounds.read(card.background.id)
      if (!background) return { kind: 'error' as const, message: IMAGE_MESSAGES.unknownBackground }
    } else {
      const loaded = await this.load(card.background.image, false)
      if (loaded.kind === 'error') return loaded
      background = loaded.data
    }
    let avatar: Uint8Array | null = null
    if (card.avatar) {
      const loaded = await this.load(card.avatar, false)
      if (loaded.kind === 'error') return loaded
      avatar = loaded.data
    }
    let fonts: TitleCardFonts
    try {
      fonts = this.titleCardFonts()
    } catch {
      return { kind: 'error' as const, message: IMAGE_MESSAGES.fontMissing }
    }
    const rendered = await renderTitleCard(
      {
        title: card.title,
        author: card.author,
        role: card.role,
        logo: card.logo ?? this.deps.siteName(),
        background,
        avatar,
      },
      fonts,
      scale,
      this.limits,
    )
    return { kind: 'ok' as const, rendered }
  }

  /** Turns an estimate/export request into checked source pixels (a title card is rendered first). */
  private async pixelsRequest(
    req: EyecatchEncoding,
  ): Promise<{ kind: 'ok'; pixels: EyecatchPixelsRequest; sourcePath: string | null } | Failure> {
    const common = {
      output: this.deps.eyecatchSize(),
      scale: req.scale,
      format: req.format,
      quality: req.quality,
      background: req.background,
      limits: this.limits,
    }
    if (req.source.kind === 'photo') {
      const loaded = await this.load(req.source.image, false)
      if (loaded.kind === 'error') return loaded
      return {
        kind: 'ok',
        sourcePath: loaded.realPath,
        pixels: { ...common, data: loaded.data, info: loaded.info, crop: req.source.crop },
      }
    }
    const card = await this.renderCard(req.source.card, req.scale)
    if (card.kind === 'error') return card
    const checked = await inspectImage(card.rendered.png, 'title-card.png', { limits: this.limits })
    if (checked.kind === 'error') return { kind: 'error', message: checked.message }
    return {
      kind: 'ok',
      sourcePath: null,
      pixels: { ...common, data: card.rendered.png, info: checked.info, crop: INITIAL_CROP },
    }
  }

  /** Encodes in memory and reports the size against the budget. */
  async estimate(req: EyecatchEncoding): Promise<EstimateResult> {
    const prepared = await this.pixelsRequest(req)
    if (prepared.kind === 'error') return prepared
    try {
      const budgetBytes = req.budgetBytes ?? DEFAULT_BUDGET_BYTES
      const r = await estimateEyecatchSize(prepared.pixels, budgetBytes)
      return { kind: 'ok', ...r, budgetBytes }
    } catch (error) {
      return {
        kind: 'error',
        message: IMAGE_MESSAGES.corrupt((error as Error).message.split('\n')[0] ?? ''),
      }
    }
  }

  /** Writes the eyecatch into the post's asset folder. */
  async export(req: ExportRequest): Promise<ExportResult> {
    const prepared = await this.pixelsRequest(req)
    if (prepared.kind === 'error') return prepared
    const dir = await this.assetDir(req.assetDir, true)
    if (dir.kind === 'error') return dir
    // The source photo, when it sits in the same folder, is never replaced.
    const sourceName =
      prepared.sourcePath && dirname(prepared.sourcePath) === dir.abs
        ? basename(prepared.sourcePath)
        : null
    try {
      const written = await exportEyecatch(
        prepared.pixels,
        { dir: dir.abs, replace: req.replace ?? null, sourceName },
        req.budgetBytes ?? DEFAULT_BUDGET_BYTES,
      )
      if (written.kind === 'error') return written
      return { ...written, path: `${dir.rel}/${written.fileName}` }
    } catch (error) {
      return {
        kind: 'error',
        message: IMAGE_MESSAGES.corrupt((error as Error).message.split('\n')[0] ?? ''),
      }
    }
  }

  /** Renders a title card preview (1×, WebP) and says how the title was fitted. */
  async titleCardPreview(card: TitleCardSpec): Promise<TitleCardPreview> {
    try {
      const result = await this.renderCard(card, 1)
      if (result.kind === 'error') return result
      const { rendered } = result
      const webp = await encodeEyecatch({
        data: rendered.png,
        info: {
          format: 'png',
          width: rendered.width,
          height: rendered.height,
          storedWidth: rendered.width,
          storedHeight: rendered.height,
          orientation: 1,
          hasAlpha: false,
          bytes: rendered.png.length,
          hasMetadata: false,
          warnings: [],
        },
        crop: INITIAL_CROP,
        output: this.deps.eyecatchSize(),
        scale: 1,
        format: 'webp',
        quality: 85,
        limits: this.limits,
      })
      return {
        kind: 'ok',
        dataUrl: `data:image/webp;base64,${webp.buffer.toString('base64')}`,
        fontSize: rendered.layout.title.size,
        lines: rendered.layout.title.lines,
        overflow: rendered.layout.title.overflow,
        warnings: rendered.layout.warnings,
      }
    } catch (error) {
      return {
        kind: 'error',
        message: IMAGE_MESSAGES.readFailed((error as Error).message.split('\n')[0] ?? ''),
      }
    }
  }

  /** The bundled backgrounds with thumbnails. */
  backgroundChoices(): Promise<BackgroundChoice[]> {
    return this.backgrounds.thumbnails()
  }
}
