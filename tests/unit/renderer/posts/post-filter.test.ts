import { describe, expect, it } from 'vitest'
import { displayDate, filterPosts, sortPosts } from '../../../../src/renderer/src/posts/post-filter'
import type { PostSummary } from '../../../../src/shared/post'

const post = (title: string, date: string | null, tags: string[] = []): PostSummary => ({
  path: `source/blog/${title}.html.md`,
  slug: title,
  title,
  date,
  tags,
  draft: false,
  eyecatch: null,
  problem: null,
})

const posts = [
  post('SUZURIをEKSに移設', '2024-12-15T23:58:00+09:00', ['Heroku', 'EKS']),
  post('Rails 8 の新機能', '2025-01-10T10:00:00+09:00', ['Ruby']),
  post('デザインの話', null, ['デザイン']),
]

describe('filterPosts', () => {
  it('matches titles case- and width-insensitively', () => {
    expect(filterPosts(posts, 'ｓｕｚｕｒｉ').map((p) => p.title)).toEqual(['SUZURIをEKSに移設'])
    expect(filterPosts(posts, 'rails').map((p) => p.title)).toEqual(['Rails 8 の新機能'])
  })

  it('matches tags, and #tag matches tags only', () => {
    expect(filterPosts(posts, 'heroku')).toHaveLength(1)
    expect(filterPosts(posts, '#eks').map((p) => p.title)).toEqual(['SUZURIをEKSに移設'])
    expect(filterPosts(posts, '#rails')).toHaveLength(0)
  })

  it('needs every word to match', () => {
    expect(filterPosts(posts, 'eks heroku')).toHaveLength(1)
    expect(filterPosts(posts, 'eks ruby')).toHaveLength(0)
  })

  it('returns everything for an empty query', () => {
    expect(filterPosts(posts, '  ')).toHaveLength(3)
  })
})

describe('sortPosts / displayDate', () => {
  it('lists the newest first and undated posts last', () => {
    expect(sortPosts(posts).map((p) => p.title)).toEqual([
      'Rails 8 の新機能',
      'SUZURIをEKSに移設',
      'デザインの話',
    ])
  })

  it('shows the date as written, not shifted to the machine zone', () => {
    expect(displayDate('2024-12-15T23:58:00+09:00')).toBe('2024-12-15')
    expect(displayDate('someday')).toBeNull()
  })
})
