import { isExternalUrlAllowed } from '../../../shared/schemes'

/** What a click on a link inside the preview does (RELIABILITY.md S9). */
export type LinkAction =
  { kind: 'fragment'; id: string } | { kind: 'external'; url: string } | { kind: 'ignore' }

/**
 * Classifies the raw `href` attribute of a clicked link.
 * `#fragment` scrolls the preview; http/https/mailto go to the system browser; everything else
 * (relative paths, `file:`, `javascript:`, custom schemes) does nothing.
 */
export function classifyLink(href: string | null): LinkAction {
  if (href === null) return { kind: 'ignore' }
  const raw = href.trim()
  if (raw.startsWith('#')) {
    let id = raw.slice(1)
    try {
      id = decodeURIComponent(id)
    } catch {
      // Keep the raw id when it is not valid percent-encoding.
    }
    return id === '' ? { kind: 'ignore' } : { kind: 'fragment', id }
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { kind: 'ignore' }
  }
  if (!isExternalUrlAllowed(url.href)) return { kind: 'ignore' }
  return { kind: 'external', url: url.href }
}
