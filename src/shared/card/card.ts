import { parseFrontMatterDate } from '../dates'
import { splitPost } from '../front-matter'
import type { LocalizedText } from '../localized'
import { renderPost, type MarkdownSettings } from '../markdown'
import type { Profile } from '../profile'
import { EXCERPT_LENGTH, plainTextFromHtml, type PlainText } from './excerpt'
import {
  assetDirOfPath,
  checkEyecatchValue,
  joinPostAsset,
  postKeyFromPath,
  postUrl,
} from './post-location'
import { absoluteTooltip, relativeTime } from './relative-time'
import { ogDescription, pageTitle } from './share'

/** Everything the feed card, the feed view and the share previews show for one post. */
export interface CardData {
  /** The title as written (empty when the front matter has none). */
  title: string
  siteName: string
  /** The site's address from the profile (share previews show its host). */
  siteUrl: string
  /** First 1000 code points of the plain text (PORTAL.md §2). */
  excerpt: string
  /** 「7日前」…, as of `now`; null without a valid date. */
  relativeTime: string | null
  /** The front-matter date as written (or the path's date), null when there is none. */
  date: string | null
  dateMs: number | null
  /** `YYYY-MM-DD HH:mm:ss` in Asia/Tokyo, the date's tooltip. */
  tooltip: string | null
  /** Repository-relative path of the eyecatch (or its http(s) URL); null when none or refused. */
  eyecatch: string | null
  /** Why the front-matter eyecatch is not used (outside the asset folder, not a string…). */
  eyecatchProblem: LocalizedText | null
  /** The published URL, or null when the slug or date is unknown. */
  url: string | null
  ogDescription: string
  /** `<title> - <site name>`. */
  pageTitle: string
  /** Hatena Bookmark count; the card shows it only when > 0. */
  bookmarks: number
  /** The plain text behind the excerpt, with its TOC/code stretches, for the inspector. */
  plain: PlainText
  /** Repository-relative path of the post, when known (the feed view uses it to skip duplicates). */
  path: string | null
}

/** Inputs of {@link buildCard} besides the post text. */
export interface BuildCardOptions {
  profile: Profile
  /** The instant the relative date is computed for (epoch ms). */
  now: number
  /** Repository-relative path of the post: gives the slug, the URL and where the eyecatch is. */
  path?: string | null
  /** The post's asset folder; default: from the profile's `assetPath`, else the post's folder. */
  assetDir?: string | null
  bookmarks?: number | null
  /** The post already rendered by `renderPost` (the preview's HTML): saves a second render. */
  html?: string
  /** The repository's kramdown options, when the card renders the post itself (default: the blog's). */
  markdown?: MarkdownSettings
}

/** Renders a post file's text the way the preview does and returns its plain text up to `limit`. */
export function plainTextFromPost(text: string, limit: number = EXCERPT_LENGTH): PlainText {
  // Images contribute nothing to the text, so none needs resolving.
  return plainTextFromHtml(renderPost(text).html, limit)
}

/** The feed's excerpt of a whole post file's text (front matter is not part of it). */
export function excerptFromPost(text: string): string {
  return plainTextFromPost(text).text
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return String(value)
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  return null
}

/** Builds the card a post makes in the feed, as of `now`. Pure: never reads files. */
export function buildCard(text: string, options: BuildCardOptions): CardData {
  const { profile, now } = options
  const split = splitPost(text)
  const data = split.data
  const path = options.path ?? null
  const key = path ? postKeyFromPath(profile, path) : null

  let date = stringOf(data.date)
  let dateMs = date === null ? null : parseFrontMatterDate(date)
  if (dateMs === null && key) {
    // No usable front-matter date: the file name's day at midnight in the profile's offset.
    date = `${key.year}-${key.month}-${key.day}T00:00:00${profile.timezone}`
    dateMs = parseFrontMatterDate(date)
  }
  if (dateMs === null) date = stringOf(data.date)

  const html = options.html ?? renderPost(text, { markdown: options.markdown }).html
  const plain = plainTextFromHtml(html, EXCERPT_LENGTH)
  const title = stringOf(data.title) ?? ''

  const ref = checkEyecatchValue(data.eyecatch)
  let eyecatch: string | null = null
  let eyecatchProblem: LocalizedText | null = null
  if (ref.kind === 'url') eyecatch = ref.url
  else if (ref.kind === 'invalid') eyecatchProblem = ref.message
  else if (ref.kind === 'file' && path) {
    const assetDir =
      options.assetDir !== undefined ? options.assetDir : assetDirOfPath(profile, path)
    eyecatch = joinPostAsset(path, assetDir, ref.name)
  }

  const url = key && date !== null && dateMs !== null ? postUrl(profile, date, key.slug) : null
  return {
    title,
    siteName: profile.siteName,
    siteUrl: profile.siteUrl,
    excerpt: plain.text,
    relativeTime: dateMs === null ? null : relativeTime(dateMs, now, 'ja'),
    date,
    dateMs,
    tooltip: dateMs === null ? null : absoluteTooltip(dateMs),
    eyecatch,
    eyecatchProblem,
    url,
    ogDescription: ogDescription(plain.text),
    pageTitle: pageTitle(title, profile.siteName),
    bookmarks: Math.max(0, Math.floor(options.bookmarks ?? 0)),
    plain,
    path,
  }
}
