import { describe, expect, it } from 'vitest'
import { decideState, type StateFacts } from '../../../../../src/main/services/publish/post-state'
import {
  belongsToAnyPost,
  isPublishable,
  isSafeRelativePath,
  resolvePost,
} from '../../../../../src/main/services/publish/post-files'
import { DEFAULT_PROFILE } from '../../../../../src/shared/profile'
import type { PublishState } from '../../../../../src/shared/publish'

const v = (...entries: Array<[string, string]>) => new Map(entries)
const P = 'source/blog/2025-01-15-x.html.md'
const IMG = 'source/blog/2025-01-15-x/a.png'
const F: StateFacts = { working: v([P, 'w1']), base: v(), sent: null, unsentCommit: false }

describe('decideState', () => {
  it.each<[string, Partial<StateFacts>, PublishState]>([
    ['a brand-new draft', {}, 'draft'],
    ['published before the app saw it', { base: v([P, 'w1']) }, 'published'],
    ['a published post edited in the folder', { base: v([P, 'b1']) }, 'edited'],
    [
      'a published post whose image was added',
      { base: v([P, 'w1']), working: v([P, 'w1'], [IMG, 'i']) },
      'edited',
    ],
    ['sent, folder as sent', { sent: v([P, 'w1']) }, 'sent'],
    ['sent, changed since', { sent: v([P, 's1']) }, 'changed'],
    ['sent, an image deleted since', { sent: v([P, 'w1'], [IMG, 'i']) }, 'changed'],
    ['recorded but not on the server', { sent: v([P, 'w1']), unsentCommit: true }, 'unsent-commit'],
    [
      'merged: the base has it exactly as sent',
      { sent: v([P, 'w1']), base: v([P, 'w1']) },
      'merged',
    ],
    ['merged, then edited again', { sent: v([P, 's1']), base: v([P, 's1']) }, 'changed'],
    // The reported defect: an old version of the post on the base is not "merged".
    [
      'sent an edit of a published post: not merged',
      { sent: v([P, 'w1']), base: v([P, 'b0']) },
      'sent',
    ],
    // Others changed the base after the folder's branch left it (issue 9 audit).
    [
      'published, the folder merely behind the base',
      { base: v([P, 'b2']), fork: v([P, 'w1']) },
      'published',
    ],
    ['edited on top of an older copy', { base: v([P, 'b2']), fork: v([P, 'w0']) }, 'edited'],
    [
      'merged, the base changed it again since',
      { sent: v([P, 'w1']), base: v([P, 'b2']), sentInBase: true },
      'merged',
    ],
    [
      'merged, then edited in the folder',
      { sent: v([P, 's1']), base: v([P, 'b2']), sentInBase: true },
      'changed',
    ],
  ])('%s → %s', (_n, facts, state) => expect(decideState({ ...F, ...facts })).toBe(state))
})

describe('what belongs to a post', () => {
  const post = resolvePost('source/blog/2025-01-15-my-post.html.md', DEFAULT_PROFILE)!
  it('resolves branch and asset folder from the profile', () => {
    expect(post).toMatchObject({
      assetDir: 'source/blog/2025-01-15-my-post',
      branch: 'post/my-post',
      key: { slug: 'my-post' },
    })
    expect(
      resolvePost('source/blog/2025-01-15-x.html.md', {
        ...DEFAULT_PROFILE,
        branchPattern: 'drafts/{year}/{slug}',
      })?.branch,
    ).toBe('drafts/2025/x')
  })
  it.each(['', '/etc/passwd', '../x', 'a/../b', 'a//b', 'C:/x', 'a\\b', './a'])(
    'unsafe path %j',
    (p) => expect(isSafeRelativePath(p)).toBe(false),
  )
  it('recognizes other posts’ files', () => {
    expect(belongsToAnyPost('source/blog/2025-02-01-other.html.md', DEFAULT_PROFILE)).toBe(true)
    expect(belongsToAnyPost('source/blog/2025-02-01-other/img.png', DEFAULT_PROFILE)).toBe(true)
    expect(belongsToAnyPost('source/blog/2025-02-01-other/sub/img.png', DEFAULT_PROFILE)).toBe(true)
    expect(belongsToAnyPost('config.rb', DEFAULT_PROFILE)).toBe(false)
    expect(belongsToAnyPost('source/layouts/x.erb', DEFAULT_PROFILE)).toBe(false)
  })

  it('publishes only real post files: no hidden, temp, swap or OS files', () => {
    for (const ok of [post.path, `${post.assetDir}/a.png`, `${post.assetDir}/sub/b.webp`])
      expect(isPublishable(ok)).toBe(true)
    for (const no of [
      `${post.assetDir}/.DS_Store`,
      `${post.assetDir}/Thumbs.db`,
      `${post.assetDir}/.a.png.pw-tmp-0123456789ab`,
      `${post.assetDir}/.portal-writer-abcdef.tmp`,
      `${post.assetDir}/.hidden/x.png`,
      `${post.assetDir}/a.png~`,
      `${post.assetDir}/.x.md.swp`,
      `${post.assetDir}/x.swp`,
      `${post.assetDir}/#x.md#`,
      `${post.assetDir}/photo.jpg.crdownload`,
    ])
      expect(isPublishable(no)).toBe(false)
  })
})
