import { describe, expect, it } from 'vitest'
import { checkFrontMatter } from '../../../../src/shared/card/front-matter-schema'

const post = (yaml: string) => `---\n${yaml}\n---\n\n本文\n`
const good = [
  'title: SUZURIをHerokuからAmazon EKSに移設するためにやったこと',
  'date: 2024-12-15T23:58:00+09:00',
  'categories:',
  '  - 技術',
  'tags:',
  '  - Heroku',
  '  - EKS',
  'authors:',
  '  - kromiii',
  'eyecatch: eyecatch.png',
  'custom_key: kept',
].join('\n')

describe('checkFrontMatter', () => {
  it('accepts the real front matter of a post, with unknown keys', () => {
    expect(checkFrontMatter(post(good))).toEqual([])
  })

  it.each([
    ['date without offset', good.replace('+09:00', ''), 3, 'date'],
    ['date only', good.replace('2024-12-15T23:58:00+09:00', '2024-12-15'), 3, 'date'],
    ['impossible date', good.replace('2024-12-15', '2024-02-30'), 3, 'date'],
    ['tags as a string', good.replace('tags:\n  - Heroku\n  - EKS', 'tags: Heroku'), 6, 'tags'],
    ['empty authors', good.replace('authors:\n  - kromiii', 'authors: []'), 9, 'authors'],
    ['empty title', good.replace(/^title: .*$/m, 'title: ""'), 2, 'title'],
  ])('%s: error at its line', (_label, yaml, line, key) => {
    const problems = checkFrontMatter(post(yaml))
    expect(problems).toHaveLength(1)
    expect(problems[0]!.line).toBe(line)
    expect(problems[0]!.message.en.toLowerCase()).toContain(key === 'title' ? 'title' : key)
  })

  it('reports missing keys at line 1, naming each', () => {
    const problems = checkFrontMatter(post('title: x'))
    expect(problems.map((p) => p.line)).toEqual([1, 1, 1])
    expect(problems.map((p) => p.message.en).join(' ')).toMatch(/date.*tags.*authors/s)
  })

  it('reports a missing front matter and broken YAML with its line', () => {
    expect(checkFrontMatter('# no front matter')[0]!.line).toBe(1)
    const broken = checkFrontMatter('---\ntitle: ok\ntags: [a\n---\n')
    expect(broken).toHaveLength(1)
    expect(broken[0]!.line).toBeGreaterThanOrEqual(3)
  })

  it('refuses ---js front matter without evaluating it (S11)', () => {
    const problems = checkFrontMatter(
      '---js\n{ title: (() => { throw new Error("ran") })() }\n---\n',
    )
    expect(problems[0]!.message.en).toContain('not supported')
  })
})
