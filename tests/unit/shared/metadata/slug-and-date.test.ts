import { describe, expect, it } from 'vitest'
import { fromLocalInput, toLocalInput } from '../../../../src/shared/metadata/date-input'
import { checkNewSlug } from '../../../../src/shared/metadata/slug-check'

describe('checkNewSlug (P1)', () => {
  const taken = ['hello-world', 'eks-migration']
  it.each([
    ['../x', 'a-z 0-9 -'],
    ['a/b', 'a-z 0-9 -'],
    ['CON', 'a-z 0-9 -'],
    ['con', 'Windows'],
    ['', 'Enter a slug'],
    ['a'.repeat(300), 'within 80'],
    ['emoji-😀', 'a-z 0-9 -'],
    ['trailing.', 'a-z 0-9 -'],
    ['trailing-', 'single hyphens'],
    ['hello-world', 'used by another post'],
  ])('refuses %j, showing the rule', (slug, rule) => {
    const result = checkNewSlug(slug, taken)
    expect(result.kind).toBe('invalid')
    expect(result.kind === 'invalid' && result.reason.en).toContain(rule)
  })

  it('accepts a fresh slug, and a post keeping its own', () => {
    expect(checkNewSlug('kaigi-on-rails-2025', taken)).toEqual({ kind: 'ok' })
    expect(checkNewSlug('hello-world', taken, 'hello-world')).toEqual({ kind: 'ok' })
  })
})

describe('datetime-local in Japan time', () => {
  it.each([
    ['2024-12-15T23:58:00+09:00', '2024-12-15T23:58:00'],
    ['2024-12-15T14:58:00Z', '2024-12-15T23:58:00'],
    ['2024-12-15T10:00:00-05:00', '2024-12-16T00:00:00'],
    ['not a date', ''],
    [undefined, ''],
  ])('%s shows as %s', (date, local) => {
    expect(toLocalInput(date)).toBe(local)
  })

  it.each([
    ['2024-12-15T23:58', '2024-12-15T23:58:00+09:00'],
    ['2024-12-15T23:58:07', '2024-12-15T23:58:07+09:00'],
    ['2024-02-30T10:00', null],
    ['', null],
  ])('%s is written as %s', (local, date) => {
    expect(fromLocalInput(local)).toBe(date)
  })
})
