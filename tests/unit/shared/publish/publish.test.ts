import { describe, expect, it } from 'vitest'
import {
  branchNameFor,
  fillMessage,
  isValidBranchName,
  parseRemoteUrl,
  publishChannels,
  publishEvents,
  pullRequestUrl,
  redactRemoteUrl,
  tokenHostOf,
} from '../../../../src/shared/publish'

describe('parseRemoteUrl', () => {
  it.each([
    [
      'https://github.com/pepabo/tech-portal.git',
      {
        protocol: 'https',
        host: 'github.com',
        port: null,
        path: 'pepabo/tech-portal',
        hasCredentials: false,
      },
    ],
    [
      'https://github.com/pepabo/tech-portal',
      {
        protocol: 'https',
        host: 'github.com',
        port: null,
        path: 'pepabo/tech-portal',
        hasCredentials: false,
      },
    ],
    [
      'git@github.com:pepabo/tech-portal.git',
      {
        protocol: 'ssh',
        host: 'github.com',
        port: null,
        path: 'pepabo/tech-portal',
        hasCredentials: false,
      },
    ],
    [
      'ssh://git@ghe.example.co.jp:2222/team/blog.git',
      {
        protocol: 'ssh',
        host: 'ghe.example.co.jp',
        port: 2222,
        path: 'team/blog',
        hasCredentials: false,
      },
    ],
    [
      'https://x-access-token:ghp_abc@github.com/o/r.git',
      { protocol: 'https', host: 'github.com', port: null, path: 'o/r', hasCredentials: true },
    ],
    [
      'https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r.git',
      { protocol: 'https', host: 'github.com', port: null, path: 'o/r', hasCredentials: true },
    ],
    [
      'https://alice@github.com/o/r.git',
      { protocol: 'https', host: 'github.com', port: null, path: 'o/r', hasCredentials: false },
    ],
    [
      'http://127.0.0.1:8080/acme/blog.git/',
      { protocol: 'http', host: '127.0.0.1', port: 8080, path: 'acme/blog', hasCredentials: false },
    ],
    [
      '/home/me/remotes/blog.git',
      {
        protocol: 'file',
        host: '',
        port: null,
        path: '/home/me/remotes/blog.git',
        hasCredentials: false,
      },
    ],
    [
      'file:///home/me/blog.git',
      { protocol: 'file', host: '', port: null, path: '/home/me/blog.git', hasCredentials: false },
    ],
    [
      'C:\\Users\\me\\blog.git',
      {
        protocol: 'file',
        host: '',
        port: null,
        path: 'C:\\Users\\me\\blog.git',
        hasCredentials: false,
      },
    ],
    [
      '../blog.git',
      { protocol: 'file', host: '', port: null, path: '../blog.git', hasCredentials: false },
    ],
  ])('%s', (url, parsed) => expect(parseRemoteUrl(url)).toEqual(parsed))

  it('token host keys are for http(s) only', () => {
    expect(tokenHostOf(parseRemoteUrl('https://GitHub.com/o/r')!)).toBe('github.com')
    expect(tokenHostOf(parseRemoteUrl('http://127.0.0.1:8080/o/r')!)).toBe('127.0.0.1:8080')
    expect(tokenHostOf(parseRemoteUrl('git@github.com:o/r.git')!)).toBeNull()
  })

  it.each([
    ['https://x-access-token:secret@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    [
      'https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r',
      'https://***@github.com/o/r',
    ],
    ['https://alice@github.com/o/r', 'https://alice@github.com/o/r'],
    ['git@github.com:o/r.git', 'git@github.com:o/r.git'],
  ])('redactRemoteUrl %s', (url, shown) => expect(redactRemoteUrl(url)).toBe(shown))
})

describe('pullRequestUrl', () => {
  it.each([
    [
      'https://github.com/pepabo/tech-portal.git',
      'https://github.com/pepabo/tech-portal/compare/main...post/my-post?expand=1',
    ],
    [
      'git@github.com:pepabo/tech-portal.git',
      'https://github.com/pepabo/tech-portal/compare/main...post/my-post?expand=1',
    ],
    [
      'ssh://git@ghe.example.co.jp:2222/team/blog.git',
      'https://ghe.example.co.jp/team/blog/compare/main...post/my-post?expand=1',
    ],
    [
      'https://user:tok@ghe.example.co.jp/team/blog',
      'https://ghe.example.co.jp/team/blog/compare/main...post/my-post?expand=1',
    ],
    [
      'http://127.0.0.1:8080/acme/blog.git',
      'http://127.0.0.1:8080/acme/blog/compare/main...post/my-post?expand=1',
    ],
    [
      'https://gitlab.com/group/sub/blog.git',
      'https://gitlab.com/group/sub/blog/-/merge_requests/new?merge_request%5Bsource_branch%5D=post%2Fmy-post&merge_request%5Btarget_branch%5D=main',
    ],
    [
      'git@bitbucket.org:team/blog.git',
      'https://bitbucket.org/team/blog/pull-requests/new?source=post%2Fmy-post&dest=main',
    ],
    ['/home/me/remotes/blog.git', null],
    ['file:///home/me/blog.git', null],
  ])('%s', (remote, url) => expect(pullRequestUrl(remote, 'main', 'post/my-post')).toBe(url))

  it('a profile template wins for other hosts', () => {
    expect(
      pullRequestUrl(
        'https://git.example.com/team/blog.git',
        'main',
        'post/x',
        'https://{host}/{path}/pulls/new?head={branch}&base={base}',
      ),
    ).toBe('https://git.example.com/team/blog/pulls/new?head=post%2Fx&base=main')
  })

  it('never carries credentials into the link', () => {
    expect(
      pullRequestUrl('https://x:ghp_secret@github.com/o/r.git', 'main', 'post/x'),
    ).not.toContain('secret')
  })
})

describe('branch names and messages', () => {
  const key = { year: '2025', month: '01', day: '15', slug: 'my-post' }
  it.each([
    ['post/{slug}', key, 'post/my-post'],
    ['drafts/{year}-{month}/{slug}', key, 'drafts/2025-01/my-post'],
    ['post/{slug}', { ...key, slug: 'bad name~^:?*[' }, 'post/bad-name------'],
    ['post/{slug}', { ...key, slug: 'a..b' }, 'post/a.b'],
    ['post/{slug}', { ...key, slug: 'x.lock' }, 'post/x-lock'],
    ['post/{slug}', { ...key, slug: '.hidden' }, 'post/hidden'],
  ])('%s with %j → %s', (pattern, k, branch) => {
    expect(branchNameFor(pattern, k)).toBe(branch)
    expect(isValidBranchName(branchNameFor(pattern, k))).toBe(true)
  })

  it.each(['main', 'post/x', 'post/日本語'])('valid: %s', (b) =>
    expect(isValidBranchName(b)).toBe(true),
  )
  it.each(['', '-x', 'a..b', 'a b', 'a~', 'x.lock', 'a/', '.a', 'a@{b', 'a//b'])(
    'invalid: %j',
    (b) => expect(isValidBranchName(b)).toBe(false),
  )

  it('fills message templates', () => {
    expect(fillMessage('記事を追加: {title} ({slug})', 'タイトル', 's')).toBe(
      '記事を追加: タイトル (s)',
    )
  })
})

describe('publish channel schemas', () => {
  it('validate requests and results the way main will', () => {
    expect(publishChannels['publish:run'].request.safeParse({ path: 'a.md' }).success).toBe(true)
    expect(publishChannels['publish:run'].request.safeParse({ path: '' }).success).toBe(false)
    expect(
      publishChannels['publish:setToken'].request.safeParse({ host: 'github.com', token: '' })
        .success,
    ).toBe(false)
    expect(
      publishChannels['publish:run'].response.safeParse({
        kind: 'published',
        branch: 'post/x',
        commit: 'abc',
        committed: true,
        pullRequestUrl: null,
        message: { ja: 'a', en: 'b' },
        warnings: [],
      }).success,
    ).toBe(true)
    expect(
      publishEvents['publish:progress'].safeParse({ path: 'a', phase: 'push', percent: 101 })
        .success,
    ).toBe(false)
  })
})

describe('branch names that git would refuse get a safe fallback', () => {
  const key = { year: '2025', month: '01', day: '15', slug: 'x' }
  it.each([
    ['{slug}', { ...key, slug: '-rm' }, 'post/rm'],
    ['{slug}', { ...key, slug: '@' }, 'post/draft'],
    ['{slug}', { ...key, slug: '...' }, 'post/draft'],
  ])('%s with %j → %s', (pattern, k, branch) => {
    expect(branchNameFor(pattern, k)).toBe(branch)
    expect(isValidBranchName(branch)).toBe(true)
  })
})
