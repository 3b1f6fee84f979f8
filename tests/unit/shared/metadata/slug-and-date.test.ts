import { describe, expect, it } from 'vitest'
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
