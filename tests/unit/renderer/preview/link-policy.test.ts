import { describe, expect, it } from 'vitest'
import { classifyLink } from '../../../../src/renderer/src/preview/link-policy'

describe('classifyLink (S9)', () => {
  it.each([
    ['#見出し', { kind: 'fragment', id: '見出し' }],
    ['#%E8%A6%8B%E5%87%BA%E3%81%97', { kind: 'fragment', id: '見出し' }],
    ['https://tech.pepabo.com/', { kind: 'external', url: 'https://tech.pepabo.com/' }],
    ['http://example.com/a?b=1', { kind: 'external', url: 'http://example.com/a?b=1' }],
    ['mailto:a@example.com', { kind: 'external', url: 'mailto:a@example.com' }],
    ['HTTPS://EXAMPLE.COM', { kind: 'external', url: 'https://example.com/' }],
  ])('%s', (href, action) => {
    expect(classifyLink(href)).toEqual(action)
  })

  it.each([
    null,
    '',
    '#',
    'javascript:alert(1)',
    ' jav\tascript:alert(1)',
    'file:///etc/passwd',
    'smb://host/share',
    'vscode://open',
    'data:text/html,x',
    '../other/',
    '/2024/01/01/slug/',
  ])('ignores %j', (href) => {
    expect(classifyLink(href)).toEqual({ kind: 'ignore' })
  })
})
