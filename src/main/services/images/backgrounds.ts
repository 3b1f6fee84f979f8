import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { z } from 'zod'
import type { BackgroundChoice } from '../../../shared/ipc/eyecatch'
import { localizedTextSchema } from '../../../shared/post'

const manifestSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: localizedTextSchema,
    file: z.string().regex(/^[a-z0-9-]+\.(jpg|png|webp)$/),
  }),
)

/** One bundled background as listed in `resources/backgrounds/backgrounds.json`. */
export type BundledBackground = z.infer<typeof manifestSchema>[number]

/** The bundled title-card backgrounds, read from their folder once. */
export class BackgroundLibrary {
  private manifest: Promise<BundledBackground[]> | null = null
  private choices: Promise<BackgroundChoice[]> | null = null
  private readonly bytes = new Map<string, Promise<Buffer>>()

  /** @param dir the `resources/backgrounds` folder */
  constructor(private readonly dir: string) {}

  /** The listed backgrounds (an unreadable manifest gives none). */
  list(): Promise<BundledBackground[]> {
    this.manifest ??= readFile(join(this.dir, 'backgrounds.json'), 'utf8')
      .then((text) => manifestSchema.parse(JSON.parse(text)))
      .catch(() => [])
    return this.manifest
  }

  /** The image bytes of a background, or null for an unknown id. */
  async read(id: string): Promise<Buffer | null> {
    const entry = (await this.list()).find((b) => b.id === id)
    if (!entry) return null
    let bytes = this.bytes.get(id)
    if (!bytes) {
      bytes = readFile(join(this.dir, entry.file))
      bytes.catch(() => this.bytes.delete(id))
      this.bytes.set(id, bytes)
    }
    return bytes.catch(() => null)
  }

  /** The choices for the picker, each with a small WebP thumbnail as a data: URL. */
  thumbnails(): Promise<BackgroundChoice[]> {
    this.choices ??= this.list().then((entries) =>
      Promise.all(
        entries.map(async (b) => {
          const bytes = await this.read(b.id)
          const thumb = bytes
            ? await sharp(bytes).resize(240, 126, { fit: 'cover' }).webp({ quality: 70 }).toBuffer()
            : null
          return {
            id: b.id,
            name: b.name,
            thumbnail: thumb ? `data:image/webp;base64,${thumb.toString('base64')}` : '',
          }
        }),
      ),
    )
    return this.choices
  }
}
