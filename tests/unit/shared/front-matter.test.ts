import { describe, expect, it } from 'vitest'
import { splitPost } from '../../../src/shared/front-matter'

describe('splitPost', () => {
  it('splits the YAML from the body and reports where the body starts', () => {
    const text = '---\ntitle: こんにちは\ntags:\n  - Rails\n---\n\n本文です。\n'
    const s = splitPost(text)
    expect(s.data).toEqual({ title: 'こんにちは', tags: ['Rails'] })
    expect(s.error).toBeNull()
    expect(s.body).toBe('\n本文です。\n')
    expect(s.bodyLine).toBe(5)
    expect(text.slice(s.bodyStart)).toBe(s.body)
  })

  it('treats a post without front matter as all body', () => {
    expect(splitPost('# 見出し\n')).toMatchObject({
      hasFrontMatter: false,
      body: '# 見出し\n',
      bodyLine: 0,
    })
  })

  it('reads CRLF and a BOM like LF', () => {
    const s = splitPost('\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n')
    expect(s.data).toEqual({ title: 'x' })
    expect(s.body).toBe('body\n')
  })

  it('keeps dates as written (no timezone conversion by the YAML parser)', () => {
    expect(splitPost('---\ndate: 2024-12-15T23:58:00+09:00\n---\n').data.date).toBe(
      '2024-12-15T23:58:00+09:00',
    )
  })

  it.each([
    ['---\ntitle: "unclosed\n---\n本文\n', 2],
    ['---\ntitle: x\n\tbad: tab\n---\n本文\n', 3],
    ['---\ntitle: x\ntitle: y\n---\n', 3],
  ])('gives invalid YAML a line-numbered error and keeps the text (D1): %j', (text, line) => {
    const s = splitPost(text)
    expect(s.error?.line).toBe(line)
    expect(s.error?.message.en).toMatch(/line/i)
    expect(s.yaml.length).toBeGreaterThan(0)
    expect(s.data).toEqual({})
  })

  it('points at an unclosed front matter and keeps everything as typed', () => {
    const s = splitPost('---\ntitle: x\n本文\n')
    expect(s.error?.message.en).toContain('not closed')
    expect(s.yaml).toBe('title: x\n本文\n')
  })

  it.each(['---js', '---javascript', '---coffee'])(
    'never evaluates %s front matter (S11)',
    (fence) => {
      const s = splitPost(
        `${fence}\n{ title: (() => { globalThis.__pwned = 1; return "x" })() }\n---\n本文\n`,
      )
      expect(s.error?.message.en).toContain('not supported')
      expect(s.data).toEqual({})
      expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined()
      expect(s.body).toBe('本文\n')
    },
  )

  it('stops an alias bomb quickly (S12)', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const cur = String.fromCharCode(97 + i)
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const started = performance.now()
    const s = splitPost(`---\n${levels.join('\n')}\n---\n本文\n`)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(s.error?.message.en).toMatch(/alias/i)
    expect(s.body).toBe('本文\n')
  })
})
