import type { MarkdownIt, StateCore } from 'markdown-it'
import { isFinished } from './inline-cache'

/** Schemes a link in the preview may use (RELIABILITY.md S3, S9). */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])

/** Drops control characters and whitespace of every kind, which browsers skip inside a scheme. */
function removeInvisible(s: string): string {
  let out = ''
  for (const c of s) {
    const code = c.codePointAt(0)!
    if (
      code <= 0x20 ||
      (code >= 0x7f && code <= 0xa0) ||
      /\s/.test(c) ||
      code === 0x180e ||
      code === 0x200b ||
      code === 0xfeff
    )
      continue
    out += c
  }
  return out
}

/**
 * Whether a link target may be a link in the preview: http(s), mailto, a fragment or a relative
 * path. The check sees through percent-encoding, entities already decoded by the parser, case and
 * control characters, so `jav&#x09;ascript:` or `JaVaScRiPt:` is no link.
 */
export function isAllowedHref(href: string): boolean {
  let decoded = href
  try {
    decoded = decodeURIComponent(href)
  } catch {
    // Keep the raw form: a malformed escape cannot hide a scheme.
  }
  const compact = removeInvisible(decoded)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (!scheme) return true
  return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase())
}

/** Core rule: a Markdown link to anything but an allowed target is shown as its text only. */
export function enforceLinkPolicy(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || isFinished(block.children)) continue
    const children = block.children
    const open: boolean[] = []
    for (const t of children) {
      if (t.type === 'link_open') {
        const ok = isAllowedHref(String(t.attrGet('href') ?? ''))
        open.push(ok)
        if (!ok) t.hidden = true
      } else if (t.type === 'link_close') {
        if (open.pop() === false) t.hidden = true
      }
    }
  }
}

/**
 * Link and image targets are written as the author wrote them, as kramdown does (`#小話`, `/タグ/`
 * and `https://例え.jp/` are not percent-encoded or punycoded), so copied links and the table of
 * contents match the site. Safety does not depend on the encoding: {@link isAllowedHref} and the
 * sanitizer judge the decoded target.
 */
export function kramdownLinkTargets(md: MarkdownIt): void {
  md.normalizeLink = (url: string) => url
}
