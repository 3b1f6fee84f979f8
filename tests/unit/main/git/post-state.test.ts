import { describe, expect, it } from 'vitest'
import {
  decideState,
  parseBranchTracking,
  type StateFacts,
} from '../../../../src/main/services/publish/post-state'
import { findBlockers, unrelatedChanges } from '../../../../src/main/services/publish/preflight'
import {
  belongsToAnyPost,
  isSafeRelativePath,
  resolvePost,
} from '../../../../src/main/services/publish/post-files'
import type { StatusEntry, StatusSnapshot } from '../../../../src/main/services/git/status'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import type { PublishState } from '../../../../src/shared/publish'

const F: StateFacts = {
  dirty: false,
  inHead: true,
  branchExists: false,
  sameAsBase: false,
  unpushed: false,
}

describe('decideState', () => {
  it.each<[string, Partial<StateFacts>, PublishState]>([
    ['a brand-new draft', { dirty: true, inHead: false }, 'new'],
    [
      'new draft whose branch exists (published before from elsewhere)',
      { dirty: true, inHead: false, branchExists: true },
      'changed',
    ],
    ['edited after committing', { dirty: true, branchExists: true }, 'changed'],
    ['edit of a post already on the base', { dirty: true, sameAsBase: true }, 'changed'],
    ['committed, never pushed', { branchExists: true, unpushed: true }, 'committed'],
    ['pushed', { branchExists: true }, 'pushed'],
    ['merged into the base', { branchExists: true, sameAsBase: true }, 'merged'],
    ['on the base with no branch', { sameAsBase: true }, 'merged'],
    ['committed on the current branch, no post branch', {}, 'committed'],
    ['only on its branch (not checked out)', { inHead: false, branchExists: true }, 'pushed'],
    [
      'only on its unpushed branch',
      { inHead: false, branchExists: true, unpushed: true },
      'committed',
    ],
    ['nowhere at all', { inHead: false }, 'new'],
  ])('%s → %s', (_n, facts, state) => expect(decideState({ ...F, ...facts })).toBe(state))
})

describe('parseBranchTracking', () => {
  it('reads ahead counts and gone upstreams', () => {
    const out = parseBranchTracking(
      'post/a\0abc\0refs/remotes/origin/post/a\0ahead 2\npost/b\0def\0refs/remotes/origin/post/b\0gone\nmain\u0000123\u0000\u0000\n',
    )
    expect(out).toEqual([
      { name: 'post/a', oid: 'abc', upstream: 'refs/remotes/origin/post/a', ahead: 2, gone: false },
      { name: 'post/b', oid: 'def', upstream: 'refs/remotes/origin/post/b', ahead: 0, gone: true },
      { name: 'main', oid: '123', upstream: '', ahead: 0, gone: false },
    ])
  })
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

  const e = (
    path: string,
    kind: StatusEntry['kind'] = 'ordinary',
    origPath: string | null = null,
  ): StatusEntry => ({
    kind,
    path,
    origPath,
    index: kind === 'untracked' ? '?' : '.',
    worktree: kind === 'untracked' ? '?' : 'M',
  })
  const snap = (entries: StatusEntry[], extra: Partial<StatusSnapshot> = {}): StatusSnapshot => ({
    branch: 'main',
    oid: 'abc',
    upstream: null,
    ahead: null,
    behind: null,
    entries,
    ...extra,
  })
  const clean = { root: '/r', lockFile: null, merging: false, rebasing: false, picking: false }

  it('unrelated changes: tracked edits anywhere else, and untracked files outside every post', () => {
    const s = snap([
      e(post.path, 'untracked'),
      e(`${post.assetDir}/a.png`, 'untracked'),
      e(`${post.assetDir}/.DS_Store`, 'untracked'),
      e('source/blog/2025-02-01-other.html.md', 'untracked'),
      e('source/blog/2024-01-01-published.html.md'),
      e('notes.txt', 'untracked'),
      e('.DS_Store', 'untracked'),
      e('x/renamed-out.png', 'renamed', `${post.assetDir}/b.png`),
    ])
    expect(unrelatedChanges(s, post, DEFAULT_PROFILE)).toEqual([
      'source/blog/2024-01-01-published.html.md',
      'notes.txt',
      'x/renamed-out.png',
    ])
  })

  it('blockers come most fundamental first', () => {
    expect(findBlockers(clean, snap([e(post.path, 'untracked')]), post, DEFAULT_PROFILE)).toEqual(
      [],
    )
    expect(
      findBlockers(
        { ...clean, lockFile: '/r/.git/index.lock' },
        snap([]),
        post,
        DEFAULT_PROFILE,
      ).map((b) => b.kind),
    ).toEqual(['lock-file'])
    expect(
      findBlockers(
        { ...clean, rebasing: true },
        snap([], { branch: null }),
        post,
        DEFAULT_PROFILE,
      ).map((b) => b.kind),
    ).toEqual(['rebase-in-progress'])
    expect(
      findBlockers(clean, snap([], { branch: null }), post, DEFAULT_PROFILE).map((b) => b.kind),
    ).toEqual(['detached-head'])
    expect(findBlockers(clean, snap([e('README.md')]), post, DEFAULT_PROFILE)[0]).toMatchObject({
      kind: 'unrelated-changes',
      files: ['README.md'],
    })
    expect(
      findBlockers(clean, snap([e('a.md', 'unmerged')]), post, DEFAULT_PROFILE).map((b) => b.kind),
    ).toEqual(['merge-in-progress'])
  })
})
