import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  askpassProgram,
  createFileTokenStore,
} from '../../../../src/main/services/publish/credentials'
import { startGitHttpServer, type GitHttpServer } from '../../../helpers/git-http-server'
import {
  anyFileContains,
  ASKPASS_DIR,
  cleanup,
  makeBlogRepo,
  makeService,
  newToken,
  put,
  sh,
  tempDir,
  testEncryption,
  tokenPushArgs,
  writePost,
} from './fixtures'

/** The one-click flow against a real HTTP git server on 127.0.0.1 that requires Basic auth. */
describe('publish over HTTP with a token', () => {
  const token = newToken()
  let server: GitHttpServer
  let n = 0
  const dirs: string[] = []

  beforeAll(async () => {
    server = await startGitHttpServer({ token })
  })
  afterAll(() => server.close())
  afterEach(async () => {
    server.mode = 'ok'
    await cleanup(...dirs.splice(0))
  })

  /** A fresh remote repository on the server and a clone-like working repository for it. */
  async function setup(options: { protectedBranches?: string[] } = {}) {
    const name = `acme/blog-${++n}`
    await server.createRepo(name, options)
    const root = await makeBlogRepo(server.repoUrl(name), { pushAuth: tokenPushArgs(token) })
    dirs.push(root)
    const host = `127.0.0.1:${server.port}`
    return { name, root, host, url: server.repoUrl(name) }
  }

  /** Asserts the token appears in no message, log line, file of the repository, or request URL. */
  async function expectNoTokenLeak(root: string, ...values: unknown[]) {
    for (const v of values) expect(JSON.stringify(v)).not.toContain(token)
    expect(await readFile(join(root, '.git/config'), 'utf8')).not.toContain(token)
    expect(await anyFileContains(root, token)).toBeNull()
    expect(server.requests.some((r) => r.url.includes(token))).toBe(false)
  }

  it('publishes with a stored token through askpass, reports progress, and returns the compare link', async () => {
    const { root, host, name } = await setup()
    const { service, logs, progress, tokens, tokenFile } = await makeService(root)
    await service.setToken(host, token)
    const post = await writePost(root, 'http-post', { images: 3 })

    const result = await service.publish({ path: post.path })
    expect(result).toMatchObject({
      kind: 'published',
      branch: 'post/http-post',
      pullRequestUrl: `http://127.0.0.1:${server.port}/${name}/compare/main...post/http-post?expand=1`,
    })
    // The server really has the branch.
    expect((await sh(join(server.root, `${name}.git`), 'rev-parse', 'post/http-post')).trim()).toBe(
      result.kind === 'published' ? result.commit : '',
    )
    // Progress: phases in order, percent never going back, git's push progress in between, 100 at the end.
    const phases = progress.map((p) => p.phase)
    expect(phases[0]).toBe('check')
    expect(phases).toContain('push')
    expect(phases.indexOf('fetch')).toBeLessThan(phases.indexOf('push'))
    expect(progress.filter((p) => p.phase === 'push').length).toBeGreaterThanOrEqual(2)
    expect(progress.map((p) => p.percent)).toEqual(
      [...progress.map((p) => p.percent)].sort((a, b) => a - b),
    )
    expect(progress.at(-1)).toEqual({ path: post.path, phase: 'done', percent: 100 })
    // The token went over Basic auth only, and is nowhere on disk (the token file holds it encrypted).
    expect(server.requests.some((r) => r.user === 'x-access-token' && r.authorized)).toBe(true)
    await expectNoTokenLeak(root, result, logs)
    expect(await readFile(tokenFile, 'utf8')).not.toContain(token)
    expect(await tokens.get(host)).toBe(token)

    const status = await service.status(post.path)
    expect(status.kind === 'ok' && status.status.state).toBe('sent')
    expect(status.kind === 'ok' && status.status.pullRequestUrl).toContain(
      '/compare/main...post/http-post',
    )
  })

  it('works with the Node askpass script too', async () => {
    const { root, host } = await setup()
    const { service } = await makeService(root, {
      askpass: () => askpassProgram({ resourcesDir: ASKPASS_DIR, nodePath: process.execPath }),
    })
    await service.setToken(host, token)
    const post = await writePost(root, 'node-askpass')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
  })

  it('G3: without a token, then with a wrong one, explains and asks; the right one then works', async () => {
    const { root, host } = await setup()
    const { service, logs } = await makeService(root)
    const post = await writePost(root, 'auth-post')

    const none = await service.publish({ path: post.path })
    expect(none).toMatchObject({ kind: 'error', code: 'auth-failed', tokenHost: host })
    if (none.kind !== 'error') return
    expect(none.message.en).toContain('access token')

    const wrong = newToken()
    await service.setToken(host, wrong)
    const refused = await service.publish({ path: post.path })
    expect(refused).toMatchObject({ kind: 'error', code: 'auth-failed', tokenHost: host })
    if (refused.kind !== 'error') return
    expect(refused.message.en).toContain('saved access token was refused')
    expect(JSON.stringify(refused)).not.toContain(wrong)
    expect(logs.join('\n')).not.toContain(wrong)

    // The server rejecting everyone (a revoked token) gives the same plain answer.
    await service.setToken(host, token)
    server.mode = 'reject-auth'
    expect(await service.publish({ path: post.path })).toMatchObject({
      kind: 'error',
      code: 'auth-failed',
    })
    server.mode = 'ok'

    const ok = await service.publish({ path: post.path })
    expect(ok.kind).toBe('published')
    await expectNoTokenLeak(root, none, refused, ok, logs)
    expect(await anyFileContains(root, wrong)).toBeNull()
  })

  it('G1: a reviewer’s commit is never undone: the send stops, the update brings it into the folder, and a push race keeps the commit', async () => {
    const { root, host, url, name } = await setup()
    const bare = join(server.root, `${name}.git`)
    const reviewer = async (file: string, text: string) => {
      const other = await tempDir('pw-other-')
      dirs.push(other)
      await sh(
        other,
        ...tokenPushArgs(token),
        'clone',
        '--quiet',
        '--branch',
        'post/rejected',
        url,
        '.',
      )
      await put(other, file, text)
      await sh(other, 'add', '-A')
      await sh(
        other,
        '-c',
        'user.name=Reviewer',
        '-c',
        'user.email=r@example.com',
        'commit',
        '--quiet',
        '-m',
        'suggestion',
      )
      await sh(other, ...tokenPushArgs(token), 'push', '--quiet', 'origin', 'post/rejected')
      return (await sh(other, 'rev-parse', 'HEAD')).trim()
    }
    let race: (() => Promise<unknown>) | null = null
    const { service } = await makeService(root, {
      beforeStep: async (step) => {
        if (step === 'push' && race) await race().finally(() => (race = null))
      },
    })
    await service.setToken(host, token)
    const post = await writePost(root, 'rejected')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    const first = (await sh(root, 'rev-parse', 'post/rejected')).trim()

    // A reviewer pushes a suggestion to the post branch from another clone.
    const reviewerCommit = await reviewer(`${post.assetDir}/note.txt`, 'reviewer note\n')
    await put(root, post.path, (await readFile(join(root, post.path), 'utf8')) + '\nmore\n')
    const stopped = await service.publish({ path: post.path })
    expect(stopped).toMatchObject({
      kind: 'error',
      code: 'review-branch-changed',
      commitKept: false,
    })
    if (stopped.kind === 'error') expect(stopped.message.en).toContain('would undo them')
    expect((await sh(root, 'rev-parse', 'post/rejected')).trim()).toBe(first)

    const updated = await service.update({ path: post.path })
    expect(updated).toMatchObject({ kind: 'updated', changed: true, method: 'fast-forward' })
    if (updated.kind === 'updated')
      expect(updated.workingUpdated).toEqual([`${post.assetDir}/note.txt`])
    expect(await readFile(join(root, post.assetDir, 'note.txt'), 'utf8')).toBe('reviewer note\n')
    expect(await readFile(join(root, post.path), 'utf8')).toContain('more')
    const sent = await service.publish({ path: post.path })
    expect(sent).toMatchObject({ kind: 'published', committed: true })
    await sh(bare, 'merge-base', '--is-ancestor', reviewerCommit, 'post/rejected')
    expect(await sh(bare, 'show', `post/rejected:${post.path}`)).toContain('more')

    // G1 proper: someone pushes between our fetch and our push. The push is refused, never forced.
    race = () => reviewer(`${post.assetDir}/second.txt`, 'second note\n')
    await put(root, post.path, (await readFile(join(root, post.path), 'utf8')) + '\nlast\n')
    const rejected = await service.publish({ path: post.path })
    expect(rejected).toMatchObject({
      kind: 'error',
      code: 'push-rejected',
      commitKept: true,
      phase: 'push',
    })
    if (rejected.kind === 'error') expect(rejected.message.en).toContain('never force-pushes')
    const mine = (await sh(root, 'rev-parse', 'post/rejected')).trim()
    expect(await sh(root, 'show', `${mine}:${post.path}`)).toContain('last')
    expect((await service.update({ path: post.path })).kind).toBe('updated')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    await sh(bare, 'merge-base', '--is-ancestor', mine, 'post/rejected')
    expect(await readFile(join(root, post.assetDir, 'second.txt'), 'utf8')).toBe('second note\n')
    expect((await sh(root, 'branch', '--show-current')).trim()).toBe('main')
  })

  it('G2: offline, a reset connection and a silent server each keep the commit, and a retry works', async () => {
    const { root, host } = await setup()
    const { service } = await makeService(root, {
      timeouts: { networkIdleMs: 1500, networkMs: 20_000, localMs: 20_000 },
    })
    await service.setToken(host, token)
    const post = await writePost(root, 'offline-post', { images: 1 })

    await server.goOffline()
    let r
    try {
      r = await service.publish({ path: post.path })
    } finally {
      await server.goOnline()
    }
    expect(r).toMatchObject({ kind: 'error', code: 'offline', commitKept: true })
    if (r.kind !== 'error') return
    expect(r.message.en).toContain('commit is kept')
    const kept = (await sh(root, 'rev-parse', 'post/offline-post')).trim()
    expect(await sh(root, 'log', '-1', '--format=%s', kept)).toContain('記事を追加')

    server.mode = 'reset'
    expect(await service.publish({ path: post.path })).toMatchObject({
      kind: 'error',
      code: 'offline',
      commitKept: true,
    })

    server.mode = 'hang'
    const started = Date.now()
    const hung = await service.publish({ path: post.path })
    expect(hung).toMatchObject({ kind: 'error', code: 'timeout', commitKept: true })
    expect(Date.now() - started).toBeLessThan(10_000)

    server.mode = 'ok'
    const retry = await service.publish({ path: post.path })
    expect(retry).toMatchObject({ kind: 'published', committed: false, commit: kept })
  })

  it('G7: a protected branch refusal is explained and the commit stays', async () => {
    const { root, host } = await setup({ protectedBranches: ['post/protected'] })
    const { service } = await makeService(root)
    await service.setToken(host, token)
    const post = await writePost(root, 'protected')
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'protected-branch', commitKept: true })
    if (r.kind !== 'error') return
    expect(r.message.ja).toContain('保護されたブランチ')
    expect(r.details).toContain('GH006')
    expect((await sh(root, 'log', '-1', '--format=%s', 'post/protected')).trim()).toContain(
      '記事を追加',
    )
  })

  it('G8: a token embedded in the remote URL is detected and never printed', async () => {
    const { root, url } = await setup()
    const withToken = url.replace('http://', `http://x-access-token:${token}@`)
    await sh(root, 'remote', 'set-url', 'origin', withToken)
    const { service, logs } = await makeService(root)
    const post = await writePost(root, 'embedded')

    const status = await service.status(post.path)
    expect(status.kind).toBe('ok')
    if (status.kind !== 'ok') return
    expect(status.status.remote).toMatchObject({
      hasEmbeddedCredentials: true,
      displayUrl: url.replace('http://', 'http://***@'),
    })
    expect(status.status.warnings[0]?.en).toContain('contains a password or token')

    const r = await service.publish({ path: post.path })
    expect(r.kind).toBe('published')
    if (r.kind !== 'published') return
    expect(r.warnings.length).toBe(1)
    expect(r.pullRequestUrl).not.toContain(token)
    for (const v of [status, r, logs]) expect(JSON.stringify(v)).not.toContain(token)

    // A failure while the token is in the URL: git's own words are redacted too.
    server.mode = 'reset'
    await put(root, post.path, 'changed\n')
    const failed = await service.publish({ path: post.path })
    expect(failed.kind).toBe('error')
    expect(JSON.stringify(failed)).not.toContain(token)
    expect(logs.join('\n')).not.toContain(token)
  })

  it('keeps tokens encrypted at rest: the file never holds one in plain text', async () => {
    const dir = await tempDir('pw-tok-')
    dirs.push(dir)
    const file = join(dir, 'tokens.json')
    const store = createFileTokenStore({ file, encryption: testEncryption() })
    expect(store.protection).toBe('keychain')
    await store.set('GitHub.com', token)
    await store.set('ghe.example.com:8443', 'other-secret-value')
    expect(await readFile(file, 'utf8')).not.toContain(token)
    expect(await readFile(file, 'utf8')).not.toContain('other-secret-value')
    expect(await store.get('github.com')).toBe(token)
    await store.delete('github.com')
    expect(await store.get('github.com')).toBeNull()
    expect(await store.get('ghe.example.com:8443')).toBe('other-secret-value')
  })
})
