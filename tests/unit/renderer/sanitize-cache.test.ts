// @vitest-environment jsdom
import DOMPurify from 'dompurify'
import { describe, expect, it } from 'vitest'
import { SanitizeCache } from '../../../src/renderer/src/preview/sanitize-cache'
import { renderPost, sanitizePreviewFragment } from '../../../src/shared/markdown'

const purify = DOMPurify(window)
const sanitize = (html: string) => sanitizePreviewFragment(html, purify)

/** The blocks' HTML (whitespace between top-level blocks is not content). */
function blocks(root: ParentNode): string {
  return Array.from(root.children)
    .map((e) => e.outerHTML)
    .join('')
}

function wholeDocument(html: string): string {
  return blocks(sanitize(html))
}

const POST = `---
title: テスト
---

はじめに。

<img src=x onerror="window.__pwned=1">

## 見出し

- 一つ目
- 二つ目 <svg onload="window.__pwned=2"></svg>

[リンク](javascript:alert(1))

<iframe src="https://www.youtube.com/embed/x"></iframe>

\`\`\`ruby
puts 'hi'
\`\`\`

| a | b |
|---|---|
| 1 | 2 |

終わり。
`

describe('SanitizeCache', () => {
  it('gives exactly what sanitizing the whole document gives', () => {
    const { html } = renderPost(POST)
    const cache = new SanitizeCache(sanitize)
    expect(blocks(cache.run(html))).toBe(wholeDocument(html))
    expect(blocks(cache.run(html))).toBe(wholeDocument(html))
  })

  it('sanitizes only the block that changed, even when lines shift', () => {
    const cache = new SanitizeCache(sanitize)
    cache.run(renderPost(POST).html)
    expect(cache.lastMisses).toBeGreaterThan(5)

    const typed = POST.replace('はじめに。', 'はじめに。追記')
    const out = cache.run(renderPost(typed).html)
    expect(cache.lastMisses).toBe(1)
    expect(blocks(out)).toBe(wholeDocument(renderPost(typed).html))

    // A new line above shifts every later block's data-line; nothing else has to be sanitized again.
    const shifted = typed.replace('はじめに。追記', 'はじめに。追記\n\n新しい段落。')
    const out2 = cache.run(renderPost(shifted).html)
    expect(cache.lastMisses).toBe(1)
    expect(blocks(out2)).toBe(wholeDocument(renderPost(shifted).html))
    expect(out2.querySelector('h2')?.getAttribute('data-line')).toBe(
      String(shifted.split('\n').indexOf('## 見出し')),
    )
  })

  it('never lets a handler or a javascript: link through', () => {
    const out = new SanitizeCache(sanitize).run(renderPost(POST).html)
    const attrs = Array.from(out.querySelectorAll('*')).flatMap((e) =>
      Array.from(e.attributes).map((a) => `${a.name}=${a.value}`),
    )
    expect(attrs.filter((a) => /^on/i.test(a) || /javascript:/i.test(a))).toEqual([])
    expect(out.querySelector('iframe, script')).toBeNull()
  })

  it('falls back to one whole-document pass when chunks do not come back one per block', () => {
    const tampering = (html: string) => {
      const f = sanitize(html)
      f.firstElementChild?.removeAttribute('data-pw-chunk')
      return f
    }
    const { html } = renderPost(POST)
    const out = new SanitizeCache(tampering).run(html)
    expect(out.querySelector('h2')?.textContent).toBe('見出し')
    expect(out.querySelector('[data-pw-chunk]')).toBeNull()
  })
})
