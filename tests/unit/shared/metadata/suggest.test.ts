import { describe, expect, it } from 'vitest'
import { facetsOf, withOpenPost } from '../../../../src/shared/metadata/facets'
import {
  foldForMatch,
  nearestKnown,
  rankSuggestions,
  tagPageKey,
} from '../../../../src/shared/metadata/fuzzy'

const TAGS = [
  { value: 'Rails', count: 50 },
  { value: 'Ruby', count: 30 },
  { value: 'インフラ', count: 20 },
  { value: 'Kubernetes', count: 12 },
  { value: 'ルビー会議', count: 2 },
  { value: 'Go', count: 8 },
  { value: '機械学習', count: 4 },
  { value: 'Amazon EKS', count: 6 },
]

describe('foldForMatch', () => {
  it.each([
    ['ルビー', 'るびー'],
    ['ｲﾝﾌﾗ', 'インフラ'],
    ['インフラ', 'infura'],
    ['ＲＵＢＹ', 'ruby'],
    ['Amazon EKS', 'amazoneks'],
  ])('%s and %s fold alike', (a, b) => {
    expect(foldForMatch(a)).toBe(foldForMatch(b))
  })

  it('keeps kanji as written', () => {
    expect(foldForMatch('機械学習')).toBe('機械学習')
  })
})

describe('rankSuggestions', () => {
  const values = (query: string, exclude: string[] = []) =>
    rankSuggestions(query, TAGS, { exclude }).map((e) => e.value)

  it.each([
    ['ru', ['Ruby', 'ルビー会議']],
    ['ルビ', ['ルビー会議', 'Ruby']],
    ['いんふら', ['インフラ']],
    ['infura', ['インフラ']],
    ['kubernets', ['Kubernetes']],
    ['eks', ['Amazon EKS']],
    ['機械', ['機械学習']],
  ])('"%s" suggests %j', (query, expected) => {
    expect(values(query)).toEqual(expected)
  })

  it('lists the most used first when nothing is typed, leaving out what the post has', () => {
    expect(values('', ['Rails']).slice(0, 3)).toEqual(['Ruby', 'インフラ', 'Kubernetes'])
  })

  it('prefers a prefix over a mere substring, then the more used', () => {
    const entries = [
      { value: 'GoReleaser', count: 1 },
      { value: 'Django', count: 99 },
      { value: 'Go', count: 8 },
    ]
    expect(rankSuggestions('go', entries).map((e) => e.value)).toEqual([
      'Go',
      'GoReleaser',
      'Django',
    ])
  })
})

describe('nearestKnown and tag pages', () => {
  const authors = [
    { value: 'kromiii', count: 3 },
    { value: 'pyama', count: 30 },
    { value: 'hsbt', count: 8 },
  ]
  it.each([
    ['kromii', 'kromiii'],
    ['Pyama', 'pyama'],
    ['pyamaa', 'pyama'],
    ['someone', null],
    ['h', null],
  ])('"%s" → %s', (value, expected) => {
    expect(nearestKnown(value, authors)).toBe(expected)
  })

  it('files tags the way the blog names tag pages', () => {
    expect(tagPageKey('Amazon EKS')).toBe('amazon-eks')
    expect(tagPageKey('ＲＵＢＹ')).toBe(tagPageKey('ruby'))
  })
})

describe('facets and the open post', () => {
  it('reads lists and comma strings, dropping blanks and repeats', () => {
    expect(facetsOf({ tags: 'a, b,, a', authors: ['x', 2, null, 'x'], categories: null })).toEqual({
      tags: ['a', 'b'],
      authors: ['x', '2'],
      categories: [],
    })
  })

  it('counts the open post’s live values in', () => {
    const merged = withOpenPost(
      { tags: [{ value: 'Go', count: 2 }], authors: [], categories: [], posts: 5 },
      { tags: ['Go', 'Rust'], authors: ['me'] },
    )
    expect(merged).toEqual({
      tags: [
        { value: 'Go', count: 3 },
        { value: 'Rust', count: 1 },
      ],
      authors: [{ value: 'me', count: 1 }],
      categories: [],
      posts: 6,
    })
  })
})
