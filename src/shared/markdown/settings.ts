import { z } from 'zod'
import { msg, type LocalizedText } from '../localized'

/** How kramdown writes characters it holds as entities (its `entity_output` option). */
export type EntityOutput = 'as_char' | 'as_input' | 'numeric' | 'symbolic'

/**
 * The kramdown options the pipeline honours, as one immutable value: build it once per repository
 * and hand the same object to every render (the pipeline keys its caches on the object).
 */
export interface MarkdownSettings {
  /** `smart_quotes`: entity names for ‘ ’ “ ” (`apos,apos,quot,quot` keeps straight quotes). */
  readonly smartQuotes: readonly [string, string, string, string]
  /** `toc_levels`: heading levels listed in the `{:toc}` table of contents. */
  readonly tocLevels: readonly number[]
  /** `hard_wrap`: a line break inside a paragraph is a `<br />`. */
  readonly hardWrap: boolean
  /** `auto_ids`: headings get ids (and so can be in the table of contents). */
  readonly autoIds: boolean
  /** `auto_id_prefix`: put before every generated heading id. */
  readonly autoIdPrefix: string
  /** `footnote_backlink`: the back-link's HTML; '' means no back-link. */
  readonly footnoteBacklink: string
  /** `entity_output`: how entities are spelled in the HTML (the displayed text is the same). */
  readonly entityOutput: EntityOutput
  /** `syntax_highlighter`: Rouge's markup (`'rouge'`) or none (`pre > code.language-x`). */
  readonly syntaxHighlighter: 'rouge' | null
}

/** A setting's origin: kramdown's default, the repository's `config.rb`, or the profile. */
export type SettingSource = 'default' | 'config.rb' | 'profile'

/** The settings in force for a repository, and where each one came from. */
export interface MarkdownSettingsInForce {
  settings: MarkdownSettings
  sources: Record<keyof MarkdownSettings, SettingSource>
  /** Options that were found but cannot be honoured or read, explained. */
  notes: LocalizedText[]
}

/**
 * The blog's settings (Pepabo Tech Portal: kramdown's GFM parser, `hard_wrap: false`,
 * `toc_levels: 2..3`, straight quotes as the rebuilt site shows them, Rouge).
 */
export const DEFAULT_MARKDOWN_SETTINGS: MarkdownSettings = Object.freeze({
  smartQuotes: Object.freeze(['apos', 'apos', 'quot', 'quot']) as unknown as readonly [
    string,
    string,
    string,
    string,
  ],
  tocLevels: Object.freeze([2, 3]),
  hardWrap: false,
  autoIds: true,
  autoIdPrefix: '',
  footnoteBacklink: '&#8617;',
  entityOutput: 'as_char',
  syntaxHighlighter: 'rouge',
})

/** kramdown options the pipeline reads, by kramdown name. */
const KEYS: Record<string, keyof MarkdownSettings> = {
  smart_quotes: 'smartQuotes',
  toc_levels: 'tocLevels',
  hard_wrap: 'hardWrap',
  auto_ids: 'autoIds',
  auto_id_prefix: 'autoIdPrefix',
  footnote_backlink: 'footnoteBacklink',
  entity_output: 'entityOutput',
  syntax_highlighter: 'syntaxHighlighter',
}

/** Options that do not change how a post renders in the preview (or are the blog's anyway). */
const IGNORED = new Set([
  'input',
  'parse_block_html',
  'fenced_code_blocks',
  'tables',
  'with_toc_data',
])

type Parsed<T> = { ok: true; value: T } | { ok: false; why: LocalizedText }

/** `2..3`, `1...4`, `3`, `[2, 3]` → the levels; the spellings Ruby and YAML give. */
export function parseTocLevels(value: unknown): Parsed<number[]> {
  const bad: Parsed<number[]> = {
    ok: false,
    why: msg(
      'toc_levels は 2..3 や [2, 3] のように 1〜6 で書いてください。',
      'toc_levels must be levels 1 to 6, like 2..3 or [2, 3].',
    ),
  }
  let levels: number[]
  if (typeof value === 'number') levels = [value]
  else if (Array.isArray(value)) levels = value.map(Number)
  else if (typeof value === 'string') {
    const range = /^\s*(\d)\s*(\.\.\.?)\s*(\d)\s*$/.exec(value)
    const list = /^\s*\[?\s*(\d(?:\s*,\s*\d)*)\s*\]?\s*$/.exec(value)
    if (range) {
      const last = Number(range[3]) - (range[2] === '...' ? 1 : 0)
      levels = []
      for (let l = Number(range[1]); l <= last; l++) levels.push(l)
    } else if (list) levels = list[1]!.split(',').map(Number)
    else return bad
  } else return bad
  if (levels.some((l) => !Number.isInteger(l) || l < 1 || l > 6)) return bad
  return { ok: true, value: [...new Set(levels)].sort((a, b) => a - b) }
}

/** `['apos', 'apos', 'quot', 'quot']`, `%w[...]` or `'apos,apos,quot,quot'` → four entity names. */
export function parseSmartQuotes(value: unknown): Parsed<[string, string, string, string]> {
  const names = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(',').map((s) => s.trim())
      : []
  if (
    names.length === 4 &&
    names.every((n) => /^(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+)$/.test(n))
  )
    return { ok: true, value: names as [string, string, string, string] }
  return {
    ok: false,
    why: msg(
      'smart_quotes は apos,apos,quot,quot のように実体名を 4 つ書いてください。',
      'smart_quotes must be four entity names, like apos,apos,quot,quot.',
    ),
  }
}

function parseValue(key: keyof MarkdownSettings, name: string, value: unknown): Parsed<unknown> {
  const expected = (ja: string, en: string): Parsed<unknown> => ({
    ok: false,
    why: msg(`${name} は${ja}で書いてください。`, `${name} must be ${en}.`),
  })
  switch (key) {
    case 'smartQuotes':
      return parseSmartQuotes(value)
    case 'tocLevels':
      return parseTocLevels(value)
    case 'hardWrap':
    case 'autoIds':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : expected(' true か false ', 'true or false')
    case 'autoIdPrefix':
    case 'footnoteBacklink':
      return typeof value === 'string' ? { ok: true, value } : expected('文字列', 'a string')
    case 'entityOutput': {
      const v = String(value).replace(/^:/, '')
      return ['as_char', 'as_input', 'numeric', 'symbolic'].includes(v)
        ? { ok: true, value: v }
        : expected(
            ' as_char / as_input / numeric / symbolic のどれか',
            'one of as_char, as_input, numeric, symbolic',
          )
    }
    case 'syntaxHighlighter': {
      const v = value === null ? 'nil' : String(value).replace(/^:/, '').toLowerCase()
      if (v === 'rouge') return { ok: true, value: 'rouge' }
      if (v === 'nil' || v === 'none' || v === '' || v === 'false') return { ok: true, value: null }
      return expected(' rouge か nil ', 'rouge or nil')
    }
  }
}

/** One layer of options with its source, applied in order over the defaults. */
export interface MarkdownOptionsLayer {
  source: Exclude<SettingSource, 'default'>
  options: Record<string, unknown>
}

/**
 * The settings in force: kramdown's defaults (the blog's), then each layer in order (`config.rb`,
 * then the profile's `markdown:` key). A value that cannot be read is skipped with a note.
 */
export function resolveMarkdownSettings(
  layers: readonly MarkdownOptionsLayer[],
): MarkdownSettingsInForce {
  const settings: Record<string, unknown> = { ...DEFAULT_MARKDOWN_SETTINGS }
  const sources = Object.fromEntries(
    Object.keys(DEFAULT_MARKDOWN_SETTINGS).map((k) => [k, 'default']),
  ) as Record<keyof MarkdownSettings, SettingSource>
  const notes: LocalizedText[] = []
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.options)) {
      const key = KEYS[name]
      if (!key) {
        if (name === 'input' && !/^gfm$/i.test(String(value).replace(/^:/, '')))
          notes.push(
            msg(
              `${layer.source} の input: ${String(value)} には対応していません（GFM として表示します）。`,
              `${layer.source}: input ${String(value)} is not supported (shown as GFM).`,
            ),
          )
        else if (!IGNORED.has(name))
          notes.push(
            msg(
              `${layer.source} の ${name} はプレビューに反映されません。`,
              `${layer.source}: ${name} does not change the preview.`,
            ),
          )
        continue
      }
      const parsed = parseValue(key, name, value)
      if (!parsed.ok) {
        notes.push(msg(`${layer.source}: ${parsed.why.ja}`, `${layer.source}: ${parsed.why.en}`))
        continue
      }
      settings[key] = parsed.value
      sources[key] = layer.source
    }
  }
  return { settings: Object.freeze(settings) as unknown as MarkdownSettings, sources, notes }
}

/** The kramdown name of a setting, for showing it. */
export function kramdownName(key: keyof MarkdownSettings): string {
  return Object.entries(KEYS).find(([, k]) => k === key)![0]
}

/** A setting's value written the way `config.rb` would (`2..3`, `apos,apos,quot,quot`, `:rouge`). */
export function formatSetting(settings: MarkdownSettings, key: keyof MarkdownSettings): string {
  const value = settings[key]
  if (key === 'tocLevels') {
    const levels = settings.tocLevels
    const contiguous = levels.every((l, i) => i === 0 || l === levels[i - 1]! + 1)
    return contiguous && levels.length > 1
      ? `${levels[0]}..${levels[levels.length - 1]}`
      : `[${levels.join(', ')}]`
  }
  if (key === 'smartQuotes') return settings.smartQuotes.join(',')
  if (value === null) return 'nil'
  // Symbols in config.rb.
  if (key === 'entityOutput' || key === 'syntaxHighlighter') return `:${String(value)}`
  if (typeof value === 'string') return JSON.stringify(value)
  return String(value)
}

const sourceSchema = z.enum(['default', 'config.rb', 'profile'])

/** Schema of {@link MarkdownSettingsInForce} where it crosses IPC. */
export const markdownSettingsInForceSchema = z.object({
  settings: z.object({
    smartQuotes: z.tuple([z.string(), z.string(), z.string(), z.string()]).readonly(),
    tocLevels: z.array(z.number().int().min(1).max(6)).readonly(),
    hardWrap: z.boolean(),
    autoIds: z.boolean(),
    autoIdPrefix: z.string(),
    footnoteBacklink: z.string(),
    entityOutput: z.enum(['as_char', 'as_input', 'numeric', 'symbolic']),
    syntaxHighlighter: z.literal('rouge').nullable(),
  }),
  sources: z.object({
    smartQuotes: sourceSchema,
    tocLevels: sourceSchema,
    hardWrap: sourceSchema,
    autoIds: sourceSchema,
    autoIdPrefix: sourceSchema,
    footnoteBacklink: sourceSchema,
    entityOutput: sourceSchema,
    syntaxHighlighter: sourceSchema,
  }),
  notes: z.array(z.object({ ja: z.string(), en: z.string() })),
})

/** The settings in force for the built-in defaults (no config.rb, no profile key). */
export const DEFAULT_MARKDOWN_IN_FORCE: MarkdownSettingsInForce = resolveMarkdownSettings([])

/** The one-word summary of where the settings came from: the most specific source in use. */
export function settingsOrigin(inForce: MarkdownSettingsInForce): SettingSource {
  const used = new Set(Object.values(inForce.sources))
  return used.has('profile') ? 'profile' : used.has('config.rb') ? 'config.rb' : 'default'
}

/** Every setting the pipeline honours, in the order the app lists them. */
export const MARKDOWN_SETTING_KEYS = Object.keys(DEFAULT_MARKDOWN_SETTINGS) as Array<
  keyof MarkdownSettings
>

/**
 * The settings in force in kramdown's own words, for the command line's JSON: the overall source,
 * each option as config.rb would spell it, and where each came from.
 */
export function describeSettings(inForce: MarkdownSettingsInForce): {
  source: SettingSource
  options: Record<string, string>
  sources: Record<string, SettingSource>
} {
  const options: Record<string, string> = {}
  const sources: Record<string, SettingSource> = {}
  for (const key of MARKDOWN_SETTING_KEYS) {
    options[kramdownName(key)] = formatSetting(inForce.settings, key)
    sources[kramdownName(key)] = inForce.sources[key]
  }
  return { source: settingsOrigin(inForce), options, sources }
}
