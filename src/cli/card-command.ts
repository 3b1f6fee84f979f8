import { relative } from 'node:path'
import { buildCard, inspectExcerpt, type CardData } from '../shared/card'
import { parseFrontMatterDate } from '../shared/dates'
import { resolveInRepo } from '../main/services/fs/paths'
import { startCommand, usageLine } from './command-start'
import type { CliIo } from './output'
import { loadPost, toPosix } from './post-context'
import { renderBody } from './render-body'

/**
 * Parses `--now`: an ISO date; without an offset it is read in the profile's time zone.
 * Returns null when it is not a date.
 */
export function parseNow(value: string, timezone: string): number | null {
  const v = value.trim()
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(v)
  const withTime = /T|\s\d/.test(v) ? v : `${v}T00:00:00`
  return parseFrontMatterDate(hasOffset ? v : `${withTime}${timezone}`)
}

/** The JSON a card is printed as (stable field names for scripts). */
export function cardJson(card: CardData, eyecatch: string | null) {
  return {
    title: card.title,
    siteName: card.siteName,
    excerpt: card.excerpt,
    relativeTime: card.relativeTime,
    date: card.date,
    tooltip: card.tooltip,
    eyecatch,
    url: card.url,
    ogDescription: card.ogDescription,
    pageTitle: card.pageTitle,
    bookmarks: card.bookmarks,
    warnings: inspectExcerpt(card.plain).map((w) => ({
      id: w.id,
      severity: w.severity,
      ja: w.message.ja,
      en: w.message.en,
    })),
  }
}

/** `portal-writer card`: prints the feed card a post makes. Returns the exit code. */
export async function cardCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const started = startCommand('card', argv, io, { valued: ['now'], switches: ['json'] })
  if (started.kind === 'exit') return started.code
  const { args, lang } = started
  if (args.positionals.length !== 1) {
    io.err(usageLine('card', lang))
    return 2
  }
  const file = args.positionals[0]!
  const loaded = await loadPost(file, io.cwd)
  if (loaded.kind === 'error') {
    io.err(`${file}: ${loaded.message[lang]}`)
    return 1
  }
  const post = loaded.post
  if (post.profileError)
    io.err(`.portal-writer.yml:${post.profileError.line}: ${post.profileError.message[lang]}`)
  const nowFlag = args.flags.get('now')
  let now = Date.now()
  if (typeof nowFlag === 'string') {
    const parsedNow = parseNow(nowFlag, post.profile.timezone)
    if (parsedNow === null) {
      io.err(
        lang === 'ja'
          ? `--now ${nowFlag}: 日時を読めません（例: 2025-11-27T12:00:00+09:00）`
          : `--now ${nowFlag}: not a date (e.g. 2025-11-27T12:00:00+09:00)`,
      )
      return 2
    }
    now = parsedNow
  }
  const html = renderBody(post).html
  const card = buildCard(post.text, {
    profile: post.profile,
    now,
    path: post.relPath,
    assetDir: post.assetDir,
    html,
  })
  if (card.eyecatchProblem) io.err(`${file}: ${card.eyecatchProblem[lang]}`)
  // The eyecatch as a path the user can open (relative to where the command runs), if it exists.
  let eyecatch: string | null = null
  if (card.eyecatch && /^https?:/i.test(card.eyecatch)) eyecatch = card.eyecatch
  else if (card.eyecatch) {
    const found = await resolveInRepo(post.base, card.eyecatch)
    if (found.kind === 'ok' && found.exists)
      eyecatch = toPosix(relative(io.cwd, found.absPath)) || '.'
    else
      io.err(
        lang === 'ja'
          ? `${file}: アイキャッチ「${card.eyecatch}」が見つかりません`
          : `${file}: eyecatch "${card.eyecatch}" not found`,
      )
  }
  const json = cardJson(card, eyecatch)
  if (args.flags.has('json')) {
    io.out(JSON.stringify(json))
    return 0
  }
  const L = CARD_LABELS[lang]
  const lines = [
    `${L.title}: ${json.title}`,
    `${L.site}: ${json.siteName}`,
    `${L.date}: ${json.tooltip ?? '-'} (${json.relativeTime ?? '-'})`,
    `URL: ${json.url ?? '-'}`,
    `${L.eyecatch}: ${json.eyecatch ?? L.none}`,
    `${L.pageTitle}: ${json.pageTitle}`,
    `og:description: ${json.ogDescription}`,
    `${L.excerpt} (${card.plain.length}):`,
    json.excerpt,
  ]
  for (const w of json.warnings)
    lines.push(`${w.severity === 'warning' ? L.warning : L.note}: ${w[lang]}`)
  io.out(lines.join('\n'))
  return 0
}

/** Labels of the readable card, one language at a time. */
const CARD_LABELS = {
  ja: {
    title: 'タイトル',
    site: 'サイト',
    date: '日付',
    eyecatch: 'アイキャッチ',
    none: 'なし',
    pageTitle: 'ページタイトル',
    excerpt: '抜粋',
    warning: '注意',
    note: 'お知らせ',
  },
  en: {
    title: 'Title',
    site: 'Site',
    date: 'Date',
    eyecatch: 'Eyecatch',
    none: 'none',
    pageTitle: 'Page title',
    excerpt: 'Excerpt',
    warning: 'warning',
    note: 'note',
  },
} as const
