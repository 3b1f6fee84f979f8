import fc from 'fast-check'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { parseSimpleYaml } from '../../../../src/main/services/posts/front-matter-fast'
import { parseFrontMatterYaml } from '../../../../src/shared/front-matter'

let accepted = 0

/** The fast path must either step aside (null) or agree exactly with the full parser. */
function agrees(yaml: string): boolean {
  const fast = parseSimpleYaml(yaml)
  if (fast === null) return true
  accepted++
  const full = parseFrontMatterYaml(yaml)
  expect(full.error, `fast path accepted invalid YAML:\n${yaml}`).toBeNull()
  expect(fast, `fast path disagrees on:\n${yaml}`).toEqual(full.data)
  return true
}

const chars = fc.constantFrom(
  ...'aZ09 -_:#\'"[]{},.!&*|>%@`?~\\/日本語😀'.split(''),
  'true',
  'null',
  '0x1',
  '1e3',
  '.5',
  ': ',
  ' #',
)
const text = fc.array(chars, { maxLength: 12 }).map((parts) => parts.join(''))
const key = fc.constantFrom(
  'title',
  'date',
  'tags',
  'authors',
  'eyecatch',
  'published',
  'true',
  'null',
  'a-b',
  '_x',
  'Title',
  '__proto__',
)
const word = fc.constantFrom(
  'Rails',
  'Go 1.22',
  'はじめての記事',
  'eyecatch.png',
  '2024-12-15T23:58:00+09:00',
  'C#',
  'a:b',
  'x-y z',
)
const scalar = fc.oneof({ arbitrary: word, weight: 3 }, text, fc.boolean(), fc.constant(null))

/** Writes a value in one of several hand styles, valid or not, to probe the fast path's edges. */
const rawValue = fc.oneof(
  text.map((t) => t),
  text.map((t) => `"${t}"`),
  text.map((t) => `'${t.replaceAll("'", "''")}'`),
  text.map((t) => `'${t}'`),
  fc.array(text, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.array(text, { maxLength: 4 }).map((items) => `[${items.map((i) => `"${i}"`).join(',')}]`),
  text.map((t) => `${t} # comment`),
)
const rawDoc = fc
  .array(
    fc.oneof(
      fc.tuple(key, rawValue).map(([k, v]) => `${k}: ${v}`),
      fc
        .tuple(key, fc.array(rawValue, { maxLength: 3 }), fc.constantFrom('', '  ', '    '))
        .map(([k, items, indent]) => [`${k}:`, ...items.map((i) => `${indent}- ${i}`)].join('\n')),
      fc.constantFrom('', '# comment', '  indented: x', '---', '- stray', 'key:value', '\ttab: x'),
    ),
    { maxLength: 8 },
  )
  .map((lines) => lines.join('\n'))

describe('parseSimpleYaml agrees with the full YAML parser', () => {
  it('on typical post front matter (and takes the fast path there)', () => {
    const typical = [
      'title: "SUZURIをHerokuからAmazon EKSに移設するためにやったこと"',
      'date: 2024-12-15T23:58:00+09:00',
      'categories:',
      '  - 技術',
      'tags:',
      '- Heroku',
      '- EKS',
      'authors: [pepabo, "someone else"]',
      "eyecatch: 'eyecatch.png'",
      'published: false',
      'draft: ~',
      'note: C#と:の話 # comment',
    ].join('\n')
    expect(parseSimpleYaml(typical)).not.toBeNull()
    expect(agrees(typical)).toBe(true)
  })

  it('on documents written by the yaml library itself', () => {
    accepted = 0
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 4 })), { maxKeys: 6 }),
        fc.boolean(),
        (data, flow) =>
          agrees(stringify(data, { lineWidth: 0, collectionStyle: flow ? 'flow' : 'any' })),
      ),
      { numRuns: 2000 },
    )
    // The comparison means something only if the fast path really takes many of them.
    expect(accepted).toBeGreaterThan(200)
  })

  it('on hand-written, often invalid, documents', () => {
    accepted = 0
    fc.assert(fc.property(rawDoc, agrees), { numRuns: 5000 })
    expect(accepted).toBeGreaterThan(500)
  })
})
