import { describe, expect, it } from 'vitest'
import { checkSlug, suggestSlug } from '../../../src/shared/slug'
import { formatWithOffset, parseFrontMatterDate } from '../../../src/shared/dates'

describe('checkSlug (RELIABILITY.md P1)', () => {
  it.each(['rails-upgrade', 'a', '2026-report', 'x'.repeat(80)])('accepts %s', (slug) => {
    expect(checkSlug(slug)).toEqual({ kind: 'ok' })
  })

  it.each([
    ['../x', 'a-z 0-9'],
    ['a/b', 'a-z 0-9'],
    ['CON', 'a-z 0-9'],
    ['con', 'Windows'],
    ['lpt1', 'Windows'],
    ['', 'Enter a slug'],
    ['x'.repeat(300), '80'],
    ['emoji-😀', 'a-z 0-9'],
    ['trailing.', 'a-z 0-9'],
    ['-leading', 'hyphens'],
    ['double--hyphen', 'hyphens'],
    ['Upper', 'a-z 0-9'],
    ['日本語', 'a-z 0-9'],
  ])('refuses %j with the rule', (slug, rule) => {
    const r = checkSlug(slug)
    expect(r.kind).toBe('invalid')
    if (r.kind === 'invalid') {
      expect(r.reason.en).toContain(rule)
      expect(r.reason.ja.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['Rails 8.1 Upgrade', 'rails-8-1-upgrade'],
    ['ＧｉｔＨｕｂ Actions 入門', 'github-actions'],
    ['日本語だけのタイトル', ''],
    ['  --Hello,   World!--  ', 'hello-world'],
  ])('suggests a slug for %j', (title, slug) => {
    expect(suggestSlug(title)).toBe(slug)
    if (slug) expect(checkSlug(slug)).toEqual({ kind: 'ok' })
  })
})

describe('front-matter dates', () => {
  it.each([
    ['2024-12-15T23:58:00+09:00', Date.UTC(2024, 11, 15, 14, 58)],
    ['2024-12-15T23:58+09:00', Date.UTC(2024, 11, 15, 14, 58)],
    ['2024-12-15T14:58:00Z', Date.UTC(2024, 11, 15, 14, 58)],
    ['2024-12-15 10:00:00 -0500', Date.UTC(2024, 11, 15, 15, 0)],
    ['2024-12-15', Date.UTC(2024, 11, 15)],
  ])('parses %s', (text, ms) => {
    expect(parseFrontMatterDate(text)).toBe(ms)
  })

  it.each(['2024-02-30T10:00:00+09:00', '2024-13-01', 'tomorrow', ''])('refuses %j', (text) => {
    expect(parseFrontMatterDate(text)).toBeNull()
  })

  it('writes new dates in the profile offset, round-tripping', () => {
    const ms = Date.UTC(2026, 10, 27, 15, 30, 5)
    expect(formatWithOffset(ms, '+09:00')).toBe('2026-11-28T00:30:05+09:00')
    expect(parseFrontMatterDate(formatWithOffset(ms, '+09:00'))).toBe(ms)
    expect(formatWithOffset(ms, '-05:00')).toBe('2026-11-27T10:30:05-05:00')
  })
})
