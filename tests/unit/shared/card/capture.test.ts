import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildCard, excerptFromPost } from '../../../../src/shared/card'
import { renderPost } from '../../../../src/shared/markdown'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { CAPTURED_EXCERPTS } from './fixtures/capture'

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.md.txt`, import.meta.url), 'utf8')

describe('the captured feed cards, reproduced from Markdown written for them', () => {
  it.each(Object.keys(CAPTURED_EXCERPTS))('%s', (name) => {
    const excerpt = excerptFromPost(fixture(name))
    expect([...excerpt].length).toBe(1000)
    expect(excerpt.normalize('NFKC')).toBe(CAPTURED_EXCERPTS[name]!.normalize('NFKC'))
  })

  it('gives the same excerpt from the preview’s own HTML, where unresolved images are placeholders', () => {
    const text = fixture('sidekiq-job')
    const html = renderPost(text, { resolveImage: () => null }).html
    expect(html).toContain('pw-missing-image')
    const card = buildCard(text, { profile: DEFAULT_PROFILE, now: Date.now(), html })
    expect(card.excerpt).toBe(excerptFromPost(text))
  })

  it('keeps the writer’s full-width characters: only NFKC makes them equal to the capture', () => {
    const excerpt = excerptFromPost(fixture('nasa-space-apps-2025'))
    expect(excerpt).toContain('takiです！')
    expect(excerpt).not.toBe(CAPTURED_EXCERPTS['nasa-space-apps-2025'])
  })
})
