/**
 * Issue 16 item 8: the preview frame's CSP states exactly what may load — images from the
 * repository's asset origin, inline data and the web, inline styles — and nothing else, including
 * the directives that do not fall back to `default-src` (`base-uri`, `form-action`).
 */
import { describe, expect, it } from 'vitest'
import { buildPreviewShell, previewCsp } from '../../../../src/renderer/src/preview/preview-shell'

function directives(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) out[name] = values
  }
  return out
}

describe('the preview frame’s Content-Security-Policy', () => {
  it('allows images and inline styles, and nothing else', () => {
    expect(directives(previewCsp('portal://asset/0123abcd/'))).toEqual({
      'default-src': ["'none'"],
      'img-src': ['portal://asset', 'data:', 'https:', 'http:'],
      'style-src': ["'unsafe-inline'"],
      // Not covered by default-src: stated, so no <base> or form can retarget the frame.
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    })
  })

  it('is the one in the shell’s meta tag', () => {
    const shell = buildPreviewShell({ assetBase: 'portal://asset/0123abcd/', lang: 'ja' })
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(shell)
    expect(meta?.[1]?.replace(/&quot;/g, '"')).toBe(previewCsp('portal://asset/0123abcd/'))
  })
})
