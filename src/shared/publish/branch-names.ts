/** Post branch names (git's ref-name rules) and commit-message templates. Pure. */
import { fillPattern, type PostKey } from '../profile'

/** Characters git refuses in a ref name (git check-ref-format), plus whitespace. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
const BAD_REF_CHARS = /[\u0000-\u0020\u007f~^:?*[\\]/g

/**
 * The post's branch from the profile's `branchPattern` (`post/{slug}` by default).
 * Whatever a slug holds, the result is a valid git branch name: bad characters become `-`.
 */
export function branchNameFor(pattern: string, key: PostKey): string {
  const raw = fillPattern(pattern, key)
  const cleaned = raw
    .replace(BAD_REF_CHARS, '-')
    .replace(/@\{/g, '-')
    .replace(/\.{2,}/g, '.')
    .split('/')
    .map((part) =>
      part
        .replace(/^\.+/, '')
        .replace(/\.lock$/i, '-lock')
        .replace(/\.+$/, ''),
    )
    .filter((part) => part.length > 0)
    .join('/')
  // A name git would still refuse (empty, `@`, or read as an option) gets a safe prefix.
  return isValidBranchName(cleaned) ? cleaned : `post/${cleaned.replace(/^[-@]+/, '') || 'draft'}`
}

/** Checks a branch name against git's ref-name rules (without running git). */
export function isValidBranchName(name: string): boolean {
  if (
    name === '' ||
    name === '@' ||
    name.startsWith('-') ||
    name.startsWith('/') ||
    name.endsWith('/')
  )
    return false
  if (name.endsWith('.') || name.includes('..') || name.includes('//') || name.includes('@{'))
    return false
  if (new RegExp(BAD_REF_CHARS.source).test(name)) return false
  return name
    .split('/')
    .every((part) => !part.startsWith('.') && !part.toLowerCase().endsWith('.lock'))
}

/** Fills a commit-message template: `{title}` and `{slug}`. */
export function fillMessage(template: string, title: string, slug: string): string {
  return template.replaceAll('{title}', title).replaceAll('{slug}', slug)
}

/** Default commit-message templates: the first commit adds the post, later ones update it. */
export const DEFAULT_MESSAGE_TEMPLATES = {
  first: '記事を追加: {title}',
  update: '記事を更新: {title}',
} as const
