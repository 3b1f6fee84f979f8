import { readFile } from 'node:fs/promises'
import { msg } from '../../../shared/localized'
import {
  MIDDLEMAN_CONFIG_FILE,
  readMiddlemanMarkdown,
  resolveMarkdownSettings,
  type MarkdownOptionsLayer,
  type MarkdownSettingsInForce,
} from '../../../shared/markdown'
import type { Profile } from '../../../shared/profile'
import { resolveInRepo } from '../fs/paths'

/** Larger than any real `config.rb`; a bigger file is not read (it is not a Middleman config). */
const CONFIG_LIMIT = 1024 * 1024

/**
 * The kramdown options a repository renders with: its `config.rb` (`set :markdown, …`, read as
 * literals, never run), then the profile's `markdown:` key over it, over the blog's defaults.
 * A missing or unreadable `config.rb` only means its layer is absent (with a note when unreadable).
 */
export async function readMarkdownSettings(
  root: string | null,
  profile: Profile,
): Promise<MarkdownSettingsInForce> {
  const layers: MarkdownOptionsLayer[] = []
  const notes = []
  if (root !== null) {
    const resolved = await resolveInRepo(root, MIDDLEMAN_CONFIG_FILE)
    if (resolved.kind === 'ok' && resolved.exists) {
      try {
        const bytes = await readFile(resolved.realPath)
        if (bytes.length <= CONFIG_LIMIT) {
          const config = readMiddlemanMarkdown(bytes.toString('utf8'))
          layers.push({ source: 'config.rb', options: config.options })
          notes.push(...config.notes)
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
        notes.push(
          msg(
            `config.rb を読めませんでした（${code}）。Markdown の設定は標準のものを使います。`,
            `config.rb could not be read (${code}). The default Markdown settings are used.`,
          ),
        )
      }
    }
  }
  if (profile.markdown) layers.push({ source: 'profile', options: profile.markdown })
  const inForce = resolveMarkdownSettings(layers)
  return { ...inForce, notes: [...notes, ...inForce.notes] }
}
