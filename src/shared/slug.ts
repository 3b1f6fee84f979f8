import { msg, type LocalizedText } from './localized'

/** Longest slug accepted; keeps paths well inside every OS limit. */
export const MAX_SLUG_LENGTH = 80

/** Names Windows refuses as file names, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/** Result of checking a slug against the allow-list. */
export type SlugCheck = { kind: 'ok' } | { kind: 'invalid'; reason: LocalizedText }

/**
 * Checks a slug against the allow-list `[a-z0-9-]` (RELIABILITY.md P1).
 * Rejects empty, over-long, leading/trailing hyphen, doubled hyphens and reserved device names.
 */
export function checkSlug(slug: string): SlugCheck {
  const rule = msg(
    'スラッグは半角英小文字・数字・ハイフン（a-z 0-9 -）だけで書いてください。',
    'Use only lower-case letters, digits and hyphens (a-z 0-9 -) in the slug.',
  )
  if (slug.length === 0) {
    return { kind: 'invalid', reason: msg('スラッグを入力してください。', 'Enter a slug.') }
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return {
      kind: 'invalid',
      reason: msg(
        `スラッグは ${MAX_SLUG_LENGTH} 文字以内にしてください（今は ${slug.length} 文字）。`,
        `Keep the slug within ${MAX_SLUG_LENGTH} characters (it has ${slug.length}).`,
      ),
    }
  }
  if (!/^[a-z0-9-]+$/.test(slug)) return { kind: 'invalid', reason: rule }
  if (slug.startsWith('-') || slug.endsWith('-') || slug.includes('--')) {
    return {
      kind: 'invalid',
      reason: msg(
        'ハイフンは単語の間に 1 つずつ使ってください（先頭・末尾・連続は不可）。',
        'Use single hyphens between words (not at the start, the end, or doubled).',
      ),
    }
  }
  if (WINDOWS_RESERVED.test(slug)) {
    return {
      kind: 'invalid',
      reason: msg(
        `「${slug}」は Windows で使えない名前です。別のスラッグにしてください。`,
        `"${slug}" is a reserved name on Windows; choose another slug.`,
      ),
    }
  }
  return { kind: 'ok' }
}

/**
 * Suggests a slug from a title: ASCII words lower-cased and joined by hyphens.
 * Japanese-only titles give an empty suggestion, and the writer types one.
 */
export function suggestSlug(title: string): string {
  const ascii = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-')
  return ascii.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '')
}
