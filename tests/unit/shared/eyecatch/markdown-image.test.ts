import { describe, expect, it } from 'vitest'
import { bodyImageMarkdown } from '../../../../src/shared/eyecatch/markdown-image'

describe('bodyImageMarkdown', () => {
  it.each([
    ['構成図', 'diagram-0123456789ab.png', '![構成図](diagram-0123456789ab.png)'],
    ['', 'image-0123456789ab.jpg', '![](image-0123456789ab.jpg)'],
    ['[重要] a\\b', 'x.png', '![\\[重要\\] a\\\\b](x.png)'],
    ['二行の\n説明', 'x.png', '![二行の 説明](x.png)'],
    ['図', 'my photo (1).png', '![図](<my photo (1).png>)'],
  ])('%j + %s', (alt, file, markdown) => {
    expect(bodyImageMarkdown(alt, file)).toBe(markdown)
  })
})
