import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AtomicWriter } from '../fs/atomic-file'
import { cleanStrayTempFiles } from '../fs/temp-files'

/** File name of the settings, in the app's data folder. */
export const SETTINGS_FILE = 'settings.json'

const settingsSchema = z.object({
  version: z.literal(1),
  /** Absolute path of the repository opened last. */
  lastRepoPath: z.string().nullable(),
  /** Proofreading rules turned off, by repository root (「このルールを無効にする」). */
  proofreadDisabledRules: z.record(z.string(), z.array(z.string())).optional(),
})

/** The app's own small settings. */
export type Settings = z.infer<typeof settingsSchema>

/** Settings before anything was saved. */
export const DEFAULT_SETTINGS: Settings = { version: 1, lastRepoPath: null }

/**
 * Small JSON settings in the data folder, written atomically. A missing or damaged file gives the
 * defaults (the app starts anyway); the next change writes a good one.
 */
export class SettingsStore {
  private value: Settings = DEFAULT_SETTINGS
  private readonly path: string

  constructor(
    private readonly dataDir: string,
    private readonly writer: AtomicWriter,
  ) {
    this.path = join(dataDir, SETTINGS_FILE)
  }

  /** Reads the file (and removes temp files a killed write left in the data folder). */
  async load(): Promise<Settings> {
    await mkdir(this.dataDir, { recursive: true })
    await cleanStrayTempFiles(this.dataDir, 0)
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')))
      this.value = parsed.success ? parsed.data : DEFAULT_SETTINGS
    } catch {
      this.value = DEFAULT_SETTINGS
    }
    return this.value
  }

  /** The settings as last loaded or updated. */
  get(): Settings {
    return this.value
  }

  /** Changes some settings and writes them; returns false when the write failed (kept in memory). */
  async update(patch: Partial<Omit<Settings, 'version'>>): Promise<boolean> {
    this.value = { ...this.value, ...patch }
    const written = await this.writer.write(this.path, `${JSON.stringify(this.value, null, 2)}\n`)
    return written.kind === 'ok'
  }
}
