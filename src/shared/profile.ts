import { LineCounter, isMap, isNode, type Document } from 'yaml'
import { z } from 'zod'
import { checkSettingsSchema, parseCheckSettings } from './check/config'
import { datePartsOf } from './dates'
import {
  contentLine,
  FRONT_MATTER_LIMITS,
  firstDuplicateKey,
  parseYamlDocument,
  yamlOverLimits,
} from './front-matter'
import { msg, type LocalizedText } from './localized'
import { profileFieldsSchema } from './metadata/field-spec'

/** File name of the per-repository profile, at the repository root. */
export const PROFILE_FILE = '.portal-writer.yml'

/** Placeholders a path pattern may use. */
const PATTERN_HINT = '{year} {month} {day} {slug}'

const pattern = z
  .string()
  .min(1)
  .refine((p) => p.includes('{slug}'), { message: `must contain {slug} (${PATTERN_HINT})` })
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a relative path inside the repository',
  })

/** Schema of `.portal-writer.yml`. Unknown keys are refused so typos are caught. */
export const profileSchema = z
  .object({
    siteName: z.string().min(1),
    siteUrl: z.url(),
    siteDescription: z.string(),
    postPath: pattern,
    assetPath: pattern,
    postUrl: z.string().includes('{slug}'),
    baseBranch: z.string().min(1),
    branchPattern: z.string().includes('{slug}'),
    timezone: z.string().regex(/^[+-]\d{2}:\d{2}$/, 'must look like +09:00'),
    eyecatchWidth: z.number().int().positive().max(8000),
    eyecatchHeight: z.number().int().positive().max(8000),
    /** Extra front-matter fields shown in the metadata form (src/shared/metadata). */
    fields: profileFieldsSchema.optional(),
    /** Pull-request link template for hosts that are not GitHub-like (src/shared/publish.ts). */
    pullRequestUrl: z.string().includes('{branch}').optional(),
    /**
     * How "update from base" records the published state on a post branch: `merge` (a merge
     * commit), or `rebase` (one commit on top of the new published tip, while the branch is not
     * on the server yet; once it is, a merge, since publishing never force-pushes).
     */
    updateMethod: z.enum(['merge', 'rebase']).optional(),
    /** Commit message templates: `{title}` and `{slug}` are filled in. */
    commitMessage: z.string().min(1).max(500).optional(),
    commitMessageUpdate: z.string().min(1).max(500).optional(),
    /** Levels and options of the post rules (src/shared/check/rules.ts). */
    check: checkSettingsSchema.optional(),
    /**
     * kramdown options over the ones `config.rb` sets (kramdown's names: `smart_quotes`,
     * `toc_levels`, `hard_wrap`…; src/shared/markdown/settings.ts).
     */
    markdown: z.record(z.string(), z.unknown()).optional(),
    /**
     * The site's source folder (Middleman's `source`): a site-root path such as `/images/a.png`
     * is that file in the repository. Empty for the repository root.
     */
    sourceDir: z
      .string()
      .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
        message: 'must be a relative path inside the repository',
      })
      .optional(),
  })
  .strict()

/** A repository profile: where posts live and how the site is named. */
export type Profile = z.infer<typeof profileSchema>

/** Built-in defaults: Pepabo Tech Portal (PORTAL.md §1). */
export const DEFAULT_PROFILE: Profile = {
  siteName: 'Pepabo Tech Portal',
  siteUrl: 'https://tech.pepabo.com/',
  siteDescription: 'GMOペパボのエンジニア・デザイナーによる技術情報のポータルサイト',
  postPath: 'source/blog/{year}-{month}-{day}-{slug}.html.md',
  assetPath: 'source/blog/{year}-{month}-{day}-{slug}',
  postUrl: '/{year}/{month}/{day}/{slug}/',
  baseBranch: 'main',
  branchPattern: 'post/{slug}',
  timezone: '+09:00',
  eyecatchWidth: 1200,
  eyecatchHeight: 630,
  sourceDir: 'source',
}

/** A problem in the profile file, pointing at its line. */
export interface ProfileError {
  line: number
  message: LocalizedText
}

/** Result of reading a profile: defaults merged with the file, or the first error. */
export type ProfileParse =
  { kind: 'ok'; profile: Profile } | { kind: 'invalid'; error: ProfileError }

/**
 * Why a profile text is refused before the YAML parser runs (S12): the limits of front matter,
 * so a hostile profile with tens of thousands of keys cannot stall opening the repository.
 */
function profileTooLarge(text: string): LocalizedText | null {
  const over = yamlOverLimits(text)
  if (!over) return null
  const n = (value: number) => value.toLocaleString('en')
  const { lines, bytes, depth } = FRONT_MATTER_LIMITS
  if (over.kind === 'depth')
    return msg(
      `${PROFILE_FILE} の入れ子が深すぎるため読み込みません（上限は ${depth} 段）。標準の設定を使います。`,
      `${PROFILE_FILE} is nested too deeply to read (the limit is ${depth} levels). Using the default settings.`,
    )
  return over.kind === 'lines'
    ? msg(
        `${PROFILE_FILE} が長すぎるため読み込みません（${n(over.lines)} 行。上限は ${n(lines)} 行）。標準の設定を使います。`,
        `${PROFILE_FILE} is too long to read (${n(over.lines)} lines; the limit is ${n(lines)} lines). Using the default settings.`,
      )
    : msg(
        `${PROFILE_FILE} が大きすぎるため読み込みません（${n(over.kb)} KB。上限は ${n(bytes / 1024)} KB）。標準の設定を使います。`,
        `${PROFILE_FILE} is too large to read (${n(over.kb)} KB; the limit is ${n(bytes / 1024)} KB). Using the default settings.`,
      )
}

/**
 * Parses `.portal-writer.yml` text over the defaults.
 * Errors name the 1-based line of the offending key (or of the YAML syntax error).
 */
export function parseProfile(text: string): ProfileParse {
  const tooLarge = profileTooLarge(text)
  if (tooLarge) return { kind: 'invalid', error: { line: 1, message: tooLarge } }
  const lineCounter = new LineCounter()
  // The YAML library's own duplicate-key check is quadratic: the linear one below replaces it.
  const doc = parseYamlDocument(text, lineCounter)
  const lineOf = (offset: number) => lineCounter.linePos(offset).line
  const first = doc.errors[0]
  const duplicate = first ? null : firstDuplicateKey(doc)
  if (first || duplicate !== null) {
    const reason = first ? first.message.split('\n')[0]! : 'Map keys must be unique'
    return {
      kind: 'invalid',
      error: {
        line: contentLine(text, lineOf(first?.pos[0] ?? duplicate!)),
        message: msg(
          `${PROFILE_FILE} の YAML が読めません: ${reason}`,
          `${PROFILE_FILE} is not valid YAML: ${reason}`,
        ),
      },
    }
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      kind: 'invalid',
      error: {
        line: 1,
        message: msg(
          `${PROFILE_FILE} は「キー: 値」の形で書いてください。`,
          `${PROFILE_FILE} must be a mapping of "key: value" lines.`,
        ),
      },
    }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {}
  } catch (e) {
    return {
      kind: 'invalid',
      error: {
        line: 1,
        message: msg(
          `${PROFILE_FILE} を読めません: ${String(e)}`,
          `Cannot read ${PROFILE_FILE}: ${String(e)}`,
        ),
      },
    }
  }
  const checkError = checkSettingsError(doc, data, lineOf)
  if (checkError) return { kind: 'invalid', error: checkError }
  const result = profileSchema.safeParse({ ...DEFAULT_PROFILE, ...(data as object) })
  if (result.success) return { kind: 'ok', profile: result.data }
  const issue = result.error.issues[0]!
  const key = issue.path[0]
  let line = 1
  if (issue.code === 'unrecognized_keys') {
    const bad = issue.keys[0]
    const pair = isMap(doc.contents)
      ? doc.contents.items.find(
          (p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === bad,
        )
      : undefined
    if (pair && isNode(pair.key) && pair.key.range) line = lineOf(pair.key.range[0])
    return {
      kind: 'invalid',
      error: {
        line,
        message: msg(
          `${PROFILE_FILE} ${line} 行目: 「${bad}」は知らない設定です。`,
          `${PROFILE_FILE} line ${line}: "${bad}" is not a known setting.`,
        ),
      },
    }
  }
  const node = typeof key === 'string' ? doc.get(key, true) : undefined
  if (isNode(node) && node.range) line = lineOf(node.range[0])
  return {
    kind: 'invalid',
    error: {
      line,
      message: msg(
        `${PROFILE_FILE} ${line} 行目: 「${String(key)}」が正しくありません（${issue.message}）。`,
        `${PROFILE_FILE} line ${line}: "${String(key)}" is invalid (${issue.message}).`,
      ),
    },
  }
}

/** The first problem of the `check:` key, at the line of the rule (or option) it concerns. */
function checkSettingsError(
  doc: Document,
  data: unknown,
  lineOf: (offset: number) => number,
): ProfileError | null {
  const settings = (data as { check?: unknown } | null)?.check
  const parsed = parseCheckSettings(settings)
  if (parsed.kind === 'ok') return null
  const { path, message } = parsed.error
  let line = 1
  // The deepest key of the path that is written in the file (an option, the rule, else `check`).
  for (let depth = path.length; depth >= 0; depth--) {
    const parent =
      depth === 0 ? doc.contents : doc.getIn(['check', ...path.slice(0, depth - 1)], true)
    const key = findPairKey(parent, depth === 0 ? 'check' : path[depth - 1]!)
    if (isNode(key) && key.range) {
      line = lineOf(key.range[0])
      break
    }
  }
  return {
    line,
    message: msg(
      `${PROFILE_FILE} ${line} 行目: ${message.ja}`,
      `${PROFILE_FILE} line ${line}: ${message.en}`,
    ),
  }
}

/** The key node of `key` in a YAML mapping node, if there is one. */
function findPairKey(map: unknown, key: string): unknown {
  if (!isMap(map)) return null
  return map.items.find(
    (p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === key,
  )?.key
}

/** Values that fill a path pattern. */
export interface PostKey {
  year: string
  month: string
  day: string
  slug: string
}

/** Fills `{year}`, `{month}`, `{day}` and `{slug}` in a pattern. */
export function fillPattern(pattern: string, key: PostKey): string {
  return pattern
    .replaceAll('{year}', key.year)
    .replaceAll('{month}', key.month)
    .replaceAll('{day}', key.day)
    .replaceAll('{slug}', key.slug)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Builds a matcher for a pattern: returns the key a repository-relative path encodes, or null. */
export function patternMatcher(pattern: string): (relPath: string) => PostKey | null {
  const groups: string[] = []
  const source = pattern
    .split(/(\{year\}|\{month\}|\{day\}|\{slug\})/)
    .map((part) => {
      switch (part) {
        case '{year}':
          groups.push('year')
          return '(\\d{4})'
        case '{month}':
          groups.push('month')
          return '(\\d{2})'
        case '{day}':
          groups.push('day')
          return '(\\d{2})'
        case '{slug}':
          groups.push('slug')
          return '([^/]+?)'
        default:
          return escapeRegExp(part)
      }
    })
    .join('')
  const re = new RegExp(`^${source}$`)
  return (relPath) => {
    const m = re.exec(relPath)
    if (!m) return null
    const key: PostKey = { year: '', month: '', day: '', slug: '' }
    groups.forEach((g, i) => {
      key[g as keyof PostKey] = m[i + 1]!
    })
    return key
  }
}

/** The directory part of a pattern that holds no placeholder: where to look for posts. */
export function patternRoot(pattern: string): string {
  const parts = pattern.split('/')
  const fixed: string[] = []
  for (const p of parts.slice(0, -1)) {
    if (p.includes('{')) break
    fixed.push(p)
  }
  return fixed.join('/')
}

/** The post's key (date parts + slug) from its front-matter date and slug. */
export function postKeyFor(date: string, slug: string): PostKey | null {
  const parts = datePartsOf(date)
  return parts ? { ...parts, slug } : null
}
