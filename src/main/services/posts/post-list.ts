import { readFile as readFileCallback, stat as statCallback, type Stats } from 'node:fs'
import { open, readdir, realpath } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import { join } from 'node:path'
import { parseFrontMatterDate } from '../../../shared/dates'
import { frontMatterTooLarge, splitPost } from '../../../shared/front-matter'
import { msg } from '../../../shared/localized'
import type { PostSummary } from '../../../shared/post'
import { patternMatcher, type PostKey } from '../../../shared/profile'
import { isTempFileName } from '../fs/temp-files'
import { parseSimpleYaml } from './front-matter-fast'
import { checkRelativePath } from '../fs/paths'
import { isClosingFence } from '../../../shared/front-matter-fence'

/** A file whose repository-relative path matches the profile's `postPath`. */
export interface PostFile {
  relPath: string
  absPath: string
  key: PostKey
  /** The file or one of its folders is a link: its real path must be checked before reading. */
  isSymlink: boolean
}

/** What a scan found: post files, and the folders that were read to find them. */
export interface PostScan {
  files: PostFile[]
  /** Existing folders whose entries decide which posts exist (what a watcher should watch). */
  dirs: string[]
}

/**
 * Finds post files by walking only the folders the pattern allows: a literal segment is entered
 * directly, a placeholder segment (`{year}`) reads its parent. Temp files are never posts.
 */
export async function scanPostFiles(root: string, postPath: string): Promise<PostScan> {
  const segments = postPath.split('/')
  const matchAll = patternMatcher(postPath)
  const dirs: string[] = []
  let level: Array<{ abs: string; rel: string }> = [{ abs: root, rel: '' }]
  const relOf = (parent: string, name: string) => (parent === '' ? name : `${parent}/${name}`)
  for (let i = 0; i < segments.length - 1 && level.length > 0; i++) {
    const segment = segments[i]!
    if (!segment.includes('{')) {
      level = level.map((d) => ({ abs: join(d.abs, segment), rel: relOf(d.rel, segment) }))
      continue
    }
    const matchSegment = patternMatcher(segment)
    const next: typeof level = []
    await Promise.all(
      level.map(async (d) => {
        const entries = await readdir(d.abs, { withFileTypes: true }).catch(() => null)
        if (!entries) return
        dirs.push(d.abs)
        for (const e of entries) {
          if (e.isDirectory() && matchSegment(e.name))
            next.push({ abs: join(d.abs, e.name), rel: relOf(d.rel, e.name) })
        }
      }),
    )
    level = next
  }
  const files: PostFile[] = []
  const realRoot = await realpath(root).catch(() => root)
  await Promise.all(
    level.map(async (d) => {
      const entries = await readdir(d.abs, { withFileTypes: true }).catch(() => null)
      if (!entries) return
      dirs.push(d.abs)
      // A folder reached through a link: its files go through the real-path check like links (D11).
      const linked = (await realpath(d.abs).catch(() => null)) !== join(realRoot, d.rel)
      for (const e of entries) {
        if (!(e.isFile() || e.isSymbolicLink()) || isTempFileName(e.name)) continue
        const relPath = relOf(d.rel, e.name)
        const key = matchAll(relPath)
        if (key)
          files.push({
            relPath,
            absPath: join(d.abs, e.name),
            key,
            isSymlink: linked || e.isSymbolicLink(),
          })
      }
    }),
  )
  return { files, dirs: dirs.sort() }
}

const HEAD_BYTES = 16 * 1024

/** The start of a post, enough to hold its front matter, and whether it decoded as UTF-8. */
export interface PostHead {
  text: string
  validUtf8: boolean
}

/** Whether a line (bytes, without its `\n`) is a closing fence: `---` or `...`, then only spaces/tabs/CR. */
function isFenceLine(bytes: Uint8Array, from: number, to: number): boolean {
  if (to - from < 3) return false
  const c = bytes[from]
  if ((c !== 0x2d && c !== 0x2e) || bytes[from + 1] !== c || bytes[from + 2] !== c) return false
  for (let i = from + 3; i < to; i++) {
    const b = bytes[i]
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false
  }
  return true
}

/** Length of `bytes` without a UTF-8 sequence cut off at its end. */
function completeLength(bytes: Uint8Array): number {
  let i = bytes.length
  let back = 0
  while (i > 0 && back < 3 && (bytes[i - 1]! & 0xc0) === 0x80) {
    i--
    back++
  }
  if (i === 0) return bytes.length
  const lead = bytes[i - 1]!
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return need > back + 1 ? i - 1 : bytes.length
}

/**
 * Finds the front matter in a post's first bytes by byte search, so only that part is decoded.
 * Returns null when `bytes` is a partial read that ends before the closing fence.
 */
export function headOf(input: Uint8Array, complete: boolean): PostHead | null {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  const validUtf8 = isUtf8(complete ? bytes : bytes.subarray(0, completeLength(bytes)))
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const decode = (end: number) => bytes.toString('utf8', start, end).replace(/\r\n/g, '\n')
  if (!(bytes[start] === 0x2d && bytes[start + 1] === 0x2d && bytes[start + 2] === 0x2d)) {
    return { text: decode(Math.min(bytes.length, start + 200)), validUtf8 }
  }
  let lineStart = bytes.indexOf(0x0a, start)
  if (lineStart < 0) return complete ? { text: decode(bytes.length), validUtf8 } : null
  for (;;) {
    const next = bytes.indexOf(0x0a, lineStart + 1)
    const lineEnd = next < 0 ? bytes.length : next
    if (isFenceLine(bytes, lineStart + 1, lineEnd))
      return { text: decode(next < 0 ? bytes.length : next + 1), validUtf8 }
    if (next < 0) return complete ? { text: decode(bytes.length), validUtf8 } : null
    lineStart = next
  }
}

// Promise wrappers over the callback API: for thousands of small files they are about twice as
// fast as node:fs/promises, whose FileHandle machinery dominates at this size.
/** `stat` that resolves to null on any error. */
export function statFast(path: string): Promise<Stats | null> {
  return new Promise((resolve) => statCallback(path, (error, info) => resolve(error ? null : info)))
}

/** `readFile` over the callback API (see above). */
export function readFileFast(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    readFileCallback(path, (error, data) => (error ? reject(error) : resolve(data))),
  )
}

/** Files up to this size are read whole; larger ones only as far as their front matter. */
export const WHOLE_FILE_BYTES = 256 * 1024

/** Reads just enough of a post to parse its front matter (the whole file only if it must). */
export async function readPostHead(absPath: string): Promise<PostHead> {
  const handle = await open(absPath, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    const first = headOf(buffer.subarray(0, bytesRead), bytesRead < HEAD_BYTES)
    if (first) return first
    return headOf(await handle.readFile(), true)!
  } finally {
    await handle.close()
  }
}

const NOT_UTF8 = msg(
  'このファイルは UTF-8 ではないため、編集できません（中身を壊さないためです）。',
  'This file is not valid UTF-8, so it cannot be edited (to keep its bytes intact).',
)

function tagsOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .filter((t) => typeof t === 'string' || typeof t === 'number')
      .map((t) => String(t).trim())
      .filter(Boolean)
  }
  // middleman-blog also accepts a comma-separated string.
  if (typeof value === 'string')
    return value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
  return []
}

/** An eyecatch value that is safe to show: a path inside the asset folder, or an http(s) URL (P2). */
export function safeEyecatch(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const v = value.trim()
  if (/^https?:\/\//i.test(v)) return v
  return checkRelativePath(v).kind === 'ok' ? v : null
}

/** Builds a list row from a post's path key and its front matter. */
export function summarizePost(relPath: string, key: PostKey, head: PostHead): PostSummary {
  return parsePostHead(relPath, key, head).summary
}

/** A post's list row and its front matter as parsed (empty when it has none or it is broken). */
export function parsePostHead(
  relPath: string,
  key: PostKey,
  head: PostHead,
): { summary: PostSummary; data: Record<string, unknown> } {
  const quick = quickFrontMatter(head.text)
  const split = quick ? { data: quick, error: null } : splitPost(head.text)
  const data = split.data
  const rawTitle = data.title
  const title =
    typeof rawTitle === 'string' || typeof rawTitle === 'number' ? String(rawTitle).trim() : ''
  const rawDate = data.date
  let date: string | null = null
  if (typeof rawDate === 'string' && parseFrontMatterDate(rawDate) !== null) date = rawDate.trim()
  else if (rawDate instanceof Date && !Number.isNaN(rawDate.getTime())) date = rawDate.toISOString()
  const summary: PostSummary = {
    path: relPath,
    slug: key.slug,
    title: title || key.slug,
    date,
    tags: tagsOf(data.tags),
    draft: data.published === false,
    eyecatch: safeEyecatch(data.eyecatch),
    problem: split.error?.message ?? (head.validUtf8 ? null : NOT_UTF8),
  }
  return { summary, data }
}

/** The usual front matter (`---` fences, simple YAML) without the full parser; null when unusual. */
function quickFrontMatter(text: string): Record<string, unknown> | null {
  if (!text.startsWith('---\n')) return null
  const lines = text.slice(4).split('\n')
  const close = lines.findIndex(isClosingFence)
  if (close < 0) return null
  const yaml = lines.slice(0, close).join('\n')
  // Past the limits, splitPost refuses it with a message naming them (S12).
  return frontMatterTooLarge(yaml) ? null : parseSimpleYaml(yaml)
}

/** Sort time of a post: its front-matter date, else the date in its path. */
export function sortTime(post: PostSummary, key: PostKey): number {
  const fromDate = post.date === null ? null : parseFrontMatterDate(post.date)
  if (fromDate !== null) return fromDate
  const fromPath = Date.UTC(Number(key.year), Number(key.month) - 1, Number(key.day))
  return Number.isNaN(fromPath) ? Number.NEGATIVE_INFINITY : fromPath
}
