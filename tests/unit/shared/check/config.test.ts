/** The profile's `check:` key: levels and options over the table's defaults, typos refused. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_CHECK_CONFIG, parseCheckSettings } from '../../../../src/shared/check/config'
import { RULE_IDS, RULES } from '../../../../src/shared/check/rules'
import { parseProfile } from '../../../../src/shared/profile'

describe('the rules table', () => {
  it('gives every rule a default level, a scope, words in both languages and options', () => {
    for (const id of RULE_IDS) {
      const rule = RULES[id]
      expect(['error', 'warning']).toContain(rule.level)
      expect(rule.description.ja).toMatch(/[ぁ-んァ-ン一-龯]/)
      expect(rule.description.en).toMatch(/^[a-z.]/)
      expect(DEFAULT_CHECK_CONFIG.levels[id]).toBe(rule.level)
    }
    expect(DEFAULT_CHECK_CONFIG.options['slug-length']).toEqual({ max: 80 })
    expect(DEFAULT_CHECK_CONFIG.options['eyecatch-size']).toEqual({ minWidth: 600, minHeight: 315 })
  })

  it('makes only what breaks the site or the card an error by default', () => {
    const errors = RULE_IDS.filter((id) => RULES[id].level === 'error')
    expect(errors).toEqual([
      'profile',
      'post-file',
      'front-matter',
      'date-invalid',
      'slug-collision',
      'unsafe-path',
      'image-missing',
      'eyecatch-missing',
      'eyecatch-not-image',
    ])
  })
})

describe('parseCheckSettings', () => {
  it('sets levels and options over the defaults', () => {
    const parsed = parseCheckSettings({
      'eyecatch-ratio': 'off',
      'tags-missing': 'error',
      'slug-length': { level: 'error', max: 60 },
      'eyecatch-size': { minWidth: 1200, minHeight: 630 },
    })
    expect(parsed.kind).toBe('ok')
    if (parsed.kind !== 'ok') return
    expect(parsed.config.levels['eyecatch-ratio']).toBe('off')
    expect(parsed.config.levels['tags-missing']).toBe('error')
    expect(parsed.config.levels['slug-length']).toBe('error')
    expect(parsed.config.options['slug-length']).toEqual({ max: 60 })
    expect(parsed.config.levels['eyecatch-size']).toBe('warning')
    expect(parsed.config.options['eyecatch-size']).toEqual({ minWidth: 1200, minHeight: 630 })
  })

  it.each([
    [
      { 'eyecatch-sise': 'off' },
      ['eyecatch-sise'],
      /Did you mean eyecatch-size\? Valid rules: profile, /,
    ],
    [{ zzz: 'off' }, ['zzz'], /^There is no check rule "zzz"\. Valid rules: /],
    [{ 'tags-missing': 'fatal' }, ['tags-missing'], /Set tags-missing to error, warning or off/],
    [
      { 'slug-length': { maxx: 3 } },
      ['slug-length', 'maxx'],
      /no option "maxx"\. Valid options: level, max$/,
    ],
    [{ 'slug-length': { max: -1 } }, ['slug-length', 'max'], /slug-length\.max is invalid/],
    [
      { 'tags-missing': { level: 'off', max: 1 } },
      ['tags-missing', 'max'],
      /Valid options: level$/,
    ],
    [['tags-missing'], [], /Write check as "rule: error, warning or off" lines/],
  ])('refuses %j', (settings, path, message) => {
    const parsed = parseCheckSettings(settings)
    expect(parsed.kind).toBe('invalid')
    if (parsed.kind !== 'invalid') return
    expect(parsed.error.path).toEqual(path)
    expect(parsed.error.message.en).toMatch(message)
    expect(parsed.error.message.ja).toMatch(/[ぁ-ん]/)
  })

  it('lists every valid rule id when refusing an unknown one', () => {
    const parsed = parseCheckSettings({ nope: 'off' })
    if (parsed.kind !== 'invalid') throw new Error('accepted')
    for (const id of RULE_IDS) expect(parsed.error.message.en).toContain(id)
  })
})

describe('the check: key in .portal-writer.yml', () => {
  it('is read with the rest of the profile', () => {
    const parsed = parseProfile('siteName: X\ncheck:\n  eyecatch-ratio: off\n')
    expect(parsed.kind).toBe('ok')
    if (parsed.kind === 'ok') expect(parsed.profile.check).toEqual({ 'eyecatch-ratio': 'off' })
  })

  it.each([
    ['siteName: X\ncheck:\n  tags-missing: error\n  eyecatch-sise: off\n', 4, 'eyecatch-sise'],
    ['check:\n  slug-length:\n    level: error\n    maxx: 3\n', 4, 'maxx'],
    ['check:\n  slug-length: fatal\n', 2, 'slug-length'],
    ['check: [a]\n', 1, 'Write check as'],
  ])('points at the line of the mistake: %j', (text, line, word) => {
    const parsed = parseProfile(text)
    expect(parsed.kind).toBe('invalid')
    if (parsed.kind !== 'invalid') return
    expect(parsed.error.line).toBe(line)
    expect(parsed.error.message.en).toContain(`.portal-writer.yml line ${line}: `)
    expect(parsed.error.message.en).toContain(word)
    expect(parsed.error.message.ja).toContain(`.portal-writer.yml ${line} 行目: `)
  })
})
