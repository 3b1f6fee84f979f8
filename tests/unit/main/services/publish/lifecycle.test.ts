/**
 * The writer's scenario from issue 9, step by step against a real bare remote: A, B and C sent in
 * turn with edits in between, other posts dirty, an image deleted, the base moving on (clean merge
 * and conflict), a concurrent ref update, a crash between commit-tree and update-ref, and a folder
 * left on a review branch. After every step: HEAD unchanged, the folder byte for byte as the
 * writer left it, the post list complete, each state right, each branch holding only its post.
 */
import { spawn } from 'node:child_process'
import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { scanPostFiles } from '../../../../../src/main/services/posts/post-list'
import { DEFAULT_PROFILE } from '../../../../../src/shared/profile'
import { startGitHttpServer, type GitHttpServer } from '../../../../helpers/git-http-server'
import {
  cleanup,
  colleagueCommit,
  makeBareRemote,
  makeBlogRepo,
  makeService as makeServiceFor,
  newToken,
  PROJECT_ROOT,
  postPaths,
  put,
  sh,
  tokenPushArgs,
  writePost,
} from '../git/fixtures'

/** Every file of the working folder (not .git) with its bytes. */
async function folderBytes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const walk = async (rel: string) => {
    for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name
      if (p === '.git') continue
      if (e.isDirectory()) await walk(p)
      else out.set(p, (await readFile(join(root, p))).toString('base64'))
    }
  }
  await walk('')
  return out
}

/** The posts the post list finds (its own scan of the folder). */
async function postsOnDisk(root: string): Promise<string[]> {
  return (await scanPostFiles(root, DEFAULT_PROFILE.postPath)).files.map((f) => f.relPath).sort()
}

/** The remotes every scenario runs against: a local bare repository and git http-backend on 127.0.0.1. */
const REMOTES = ['local bare remote', 'loopback git http-backend'] as const

describe.each(REMOTES)('publishing never moves the writer (issue 9 scenario), %s', (remoteKind) => {
  /** The remote's repository on disk (inspected directly by the assertions). */
  let bare: string
  let root: string
  let server: GitHttpServer | null = null
  const token = newToken()
  let n = 0
  beforeAll(async () => {
    if (remoteKind === 'loopback git http-backend') server = await startGitHttpServer({ token })
  })
  afterAll(() => server?.close())
  /** Arguments that let the test's own git commands in the folder reach the server. */
  const auth = () => (server ? tokenPushArgs(token) : [])
  /** A publish service for the working folder, holding the server's token over HTTP. */
  async function makeService(folder: string, options: Parameters<typeof makeServiceFor>[1] = {}) {
    const made = await makeServiceFor(folder, options)
    if (server) await made.service.setToken(`127.0.0.1:${server.port}`, token)
    return made
  }
  beforeEach(async () => {
    if (server) {
      const name = `acme/blog-${++n}`
      bare = await server.createRepo(name)
      root = await makeBlogRepo(server.repoUrl(name), { pushAuth: tokenPushArgs(token) })
    } else {
      bare = await makeBareRemote()
      root = await makeBlogRepo(bare)
    }
    // A second published post (B) besides hello-world.
    await writePost(root, 'post-b', { title: '記事B', date: '2024-11-01', images: 1 })
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'publish B')
    await sh(root, ...auth(), 'push', '--quiet', 'origin', 'main')
  })
  afterEach(() => cleanup(server ? undefined : bare, root))

  /** What must hold after every step. */
  async function expectUntouched(before: { head: string; folder: Map<string, string> }) {
    expect((await sh(root, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main')
    expect((await sh(root, 'rev-parse', 'HEAD')).trim()).toBe(before.head)
    expect(await folderBytes(root)).toEqual(before.folder)
    expect(await sh(root, 'stash', 'list')).toBe('')
  }
  const take = async () => ({
    head: (await sh(root, 'rev-parse', 'HEAD')).trim(),
    folder: await folderBytes(root),
  })
  /** The files a review branch changes compared with the base. */
  const branchFiles = async (branch: string) =>
    (await sh(bare, 'diff', '--name-only', 'main', branch)).trim().split('\n').sort()
  /** Every review branch on the server changes nothing but its own post's file and asset folder. */
  async function expectBranchesHoldOnlyTheirPost() {
    const out = await sh(bare, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/post/')
    for (const branch of out.split('\n').filter(Boolean)) {
      const slug = branch.slice('post/'.length)
      const own = new RegExp(`^source/blog/\\d{4}-\\d{2}-\\d{2}-${slug}(\\.html\\.md$|/)`)
      const changed = (await sh(bare, 'diff', '--name-only', `main...${branch}`)).split('\n')
      expect(
        changed.filter((f) => f !== '' && !own.test(f)),
        branch,
      ).toEqual([])
    }
  }
  /**
   * What must hold after every step of the scenario: the folder as the writer left it, the list
   * complete, each state true, each branch holding only its post.
   */
  async function expectStep(
    service: Awaited<ReturnType<typeof makeService>>['service'],
    before: { head: string; folder: Map<string, string> },
    all: string[],
    states: Record<string, string>,
  ) {
    await expectUntouched(before)
    expect(await postsOnDisk(root)).toEqual(all)
    expect(await service.states(all)).toEqual({ kind: 'ok', states })
    await expectBranchesHoldOnlyTheirPost()
  }

  it('A, B and C sent in turn with edits in between: every post stays, every state is true', async () => {
    const { service } = await makeService(root)
    const A = await writePost(root, 'post-a', { title: '記事A', images: 2 })
    const B = postPaths('post-b', '2024-11-01')
    const C = await writePost(root, 'post-c', { title: '記事C' })
    const hello = postPaths('hello-world', '2024-12-01')
    // Another post has uncommitted edits all along: it must never block or ride along.
    await put(root, hello.path, '---\ntitle: Hello\n---\n\n下書きの手直し\n')
    const all = await postsOnDisk(root)
    expect(all).toHaveLength(4)

    let before = await take()
    expect(await service.publish({ path: A.path })).toMatchObject({ kind: 'published' })
    await expectStep(service, before, all, {
      [A.path]: 'sent',
      [B.path]: 'published',
      [C.path]: 'draft',
      [hello.path]: 'edited',
    })
    expect(await branchFiles('post/post-a')).toEqual(
      [A.path, `${A.assetDir}/image-1.png`, `${A.assetDir}/image-2.png`].sort(),
    )
    expect((await sh(bare, 'log', '-1', '--format=%s', 'post/post-a')).trim()).toBe(
      '記事を追加: 記事A',
    )

    // Edit and send the published post B.
    await put(root, B.path, (await readFile(join(root, B.path), 'utf8')) + '\n追記B\n')
    expect(await service.states([B.path])).toEqual({ kind: 'ok', states: { [B.path]: 'edited' } })
    before = await take()
    expect(await service.publish({ path: B.path })).toMatchObject({ kind: 'published' })
    await expectStep(service, before, all, {
      [A.path]: 'sent',
      [B.path]: 'sent',
      [C.path]: 'draft',
      [hello.path]: 'edited',
    })
    expect(await branchFiles('post/post-b')).toEqual([B.path])
    expect((await sh(bare, 'log', '-1', '--format=%s', 'post/post-b')).trim()).toBe(
      '記事を更新: 記事B',
    )

    before = await take()
    expect(await service.publish({ path: C.path })).toMatchObject({ kind: 'published' })
    const allSent = { [A.path]: 'sent', [B.path]: 'sent', [C.path]: 'sent', [hello.path]: 'edited' }
    await expectStep(service, before, all, allSent)
    expect(await branchFiles('post/post-c')).toEqual([C.path])

    // The list still has all four posts, each with its true state.
    expect(await postsOnDisk(root)).toEqual(all)
    expect(await service.states(all)).toEqual({
      kind: 'ok',
      states: { [A.path]: 'sent', [B.path]: 'sent', [C.path]: 'sent', [hello.path]: 'edited' },
    })
    // B's sent edit is still in the folder (it never vanished into its branch).
    expect(await readFile(join(root, B.path), 'utf8')).toContain('追記B')

    // Edit A again and delete one of its images: the branch loses the image too.
    await put(root, A.path, (await readFile(join(root, A.path), 'utf8')) + '\n追記A\n')
    await rm(join(root, A.assetDir, 'image-2.png'))
    expect((await service.states([A.path])).kind === 'ok').toBe(true)
    expect(await service.states([A.path])).toEqual({ kind: 'ok', states: { [A.path]: 'changed' } })
    before = await take()
    expect(await service.publish({ path: A.path })).toMatchObject({
      kind: 'published',
      committed: true,
    })
    await expectStep(service, before, all, allSent)
    expect(await branchFiles('post/post-a')).toEqual([A.path, `${A.assetDir}/image-1.png`].sort())

    // Editing B and sending again works (no "commit first" refusal).
    await put(root, B.path, (await readFile(join(root, B.path), 'utf8')) + '\nさらに追記\n')
    before = await take()
    expect(await service.publish({ path: B.path })).toMatchObject({
      kind: 'published',
      committed: true,
    })
    await expectStep(service, before, all, allSent)

    // Only B is merged on the server: only B says 「マージ済み」.
    await sh(bare, 'update-ref', 'refs/heads/main', 'refs/heads/post/post-b')
    await sh(root, ...auth(), 'fetch', '--quiet', 'origin')
    expect(await service.states(all)).toEqual({
      kind: 'ok',
      states: { [A.path]: 'sent', [B.path]: 'merged', [C.path]: 'sent', [hello.path]: 'edited' },
    })
    // The other post's draft edit never left the folder.
    expect(await sh(bare, 'log', '--all', '--format=%H', '--', hello.path)).toBe(
      await sh(bare, 'log', 'main', '--format=%H', '--', hello.path),
    )
  })

  it('the base moving on: a clean merge without a checkout, then a conflict settled in the app', async () => {
    const { service } = await makeService(root)
    const B = postPaths('post-b', '2024-11-01')
    const original = await readFile(join(root, B.path), 'utf8')
    await put(root, B.path, original.replace('本文です。', '本文です。\n\n書き手の追記'))
    expect((await service.publish({ path: B.path })).kind).toBe('published')

    // A colleague changes README on main: a clean merge.
    await colleagueCommit(bare, { 'README.md': '# Blog\n\nnews\n' }, 'readme')
    let status = await service.status(B.path)
    expect(status.kind === 'ok' && status.status.behindBase).toBe(false) // not fetched yet
    await sh(root, ...auth(), 'fetch', '--quiet')
    status = await service.status(B.path)
    expect(status.kind === 'ok' && status.status.behindBase).toBe(true)

    let before = await take()
    const clean = await service.update({ path: B.path })
    expect(clean).toMatchObject({
      kind: 'updated',
      changed: true,
      method: 'merge',
      workingUpdated: [],
    })
    await expectUntouched(before)
    expect(
      (await sh(root, 'rev-list', '--parents', '-n', '1', 'post/post-b')).trim().split(' '),
    ).toHaveLength(3)

    // Now the colleague edits the same line of B on main: a conflict.
    await colleagueCommit(
      bare,
      { [B.path]: original.replace('本文です。', '本文です。\n\n編集部の修正') },
      'fix B',
    )
    const tip = (await sh(root, 'rev-parse', 'post/post-b')).trim()
    before = await take()
    const conflict = await service.update({ path: B.path })
    expect(conflict).toMatchObject({ kind: 'error', code: 'merge-conflict', files: [B.path] })
    if (conflict.kind === 'error') expect(conflict.message.en).toContain('Keep mine')
    await expectUntouched(before)
    expect((await sh(root, 'rev-parse', 'post/post-b')).trim()).toBe(tip)

    const versions = await service.compare(B.path)
    expect(versions).toMatchObject({ kind: 'ok' })
    if (versions.kind === 'ok') {
      expect(versions.versions.mine).toContain('書き手の追記')
      expect(versions.versions.base).toContain('編集部の修正')
    }

    // Keep mine: the branch takes the writer's text, the folder is unchanged.
    before = await take()
    expect(await service.update({ path: B.path, resolution: 'mine' })).toMatchObject({
      kind: 'updated',
      changed: true,
    })
    await expectUntouched(before)
    expect(await sh(root, 'show', `post/post-b:${B.path}`)).toContain('書き手の追記')
    expect(await service.states([B.path])).toEqual({
      kind: 'ok',
      states: { [B.path]: 'unsent-commit' },
    })
    expect((await service.publish({ path: B.path })).kind).toBe('published')
  })

  it('take the published version: the folder gets it, the writer’s other edits survive', async () => {
    const { service } = await makeService(root)
    const B = postPaths('post-b', '2024-11-01')
    const original = await readFile(join(root, B.path), 'utf8')
    await put(root, B.path, original.replace('本文です。', '本文です。\n\n書き手の追記'))
    expect((await service.publish({ path: B.path })).kind).toBe('published')
    await colleagueCommit(
      bare,
      { [B.path]: original.replace('本文です。', '本文です。\n\n編集部の修正') },
      'fix B',
    )
    // An edit not sent yet, elsewhere in the file (the title).
    await put(
      root,
      B.path,
      (await readFile(join(root, B.path), 'utf8')).replace('記事B', '記事B（未送信の改題）'),
    )
    const theirs = await service.update({ path: B.path, resolution: 'theirs' })
    expect(theirs).toMatchObject({ kind: 'updated', workingUpdated: [B.path] })
    const text = await readFile(join(root, B.path), 'utf8')
    expect(text).toContain('編集部の修正')
    expect(text).not.toContain('書き手の追記')
    expect(text).toContain('記事B（未送信の改題）')
    expect(await sh(root, 'show', `post/post-b:${B.path}`)).toContain('編集部の修正')
    expect((await sh(root, 'symbolic-ref', 'HEAD')).trim()).toBe('refs/heads/main')
  })

  it('a concurrent update-ref loses nothing, and a crash between commit-tree and update-ref leaves no trace', async () => {
    let hook: ((step: string) => Promise<void>) | null = null
    const { service } = await makeService(root, { beforeStep: (step) => hook?.(step) })
    const A = await writePost(root, 'race', { images: 1 })
    expect((await service.publish({ path: A.path })).kind).toBe('published')
    const sent = (await sh(root, 'rev-parse', 'post/race')).trim()

    // Someone (a terminal, another window) moves the branch right before our compare-and-swap.
    await put(root, A.path, (await readFile(join(root, A.path), 'utf8')) + '\n追記\n')
    hook = async (step) => {
      if (step !== 'update-ref') return
      hook = null
      await sh(root, 'update-ref', 'refs/heads/post/race', 'main')
    }
    const before = await take()
    const raced = await service.publish({ path: A.path })
    expect(raced).toMatchObject({ kind: 'error', code: 'branch-moved' })
    await expectUntouched(before)
    expect((await sh(root, 'rev-parse', 'post/race')).trim()).toBe(
      (await sh(root, 'rev-parse', 'main')).trim(),
    )
    await sh(root, 'update-ref', 'refs/heads/post/race', sent)

    // The app dies after commit-tree: the branch still points at the sent commit.
    hook = async (step) => {
      if (step === 'update-ref') throw new Error('killed')
    }
    const crashed = await service.publish({ path: A.path })
    expect(crashed.kind).toBe('error')
    expect((await sh(root, 'rev-parse', 'post/race')).trim()).toBe(sent)
    await expectUntouched(before)
    hook = null
    const retried = await service.publish({ path: A.path })
    expect(retried).toMatchObject({ kind: 'published', committed: true })
    expect((await sh(bare, 'rev-parse', 'post/race~1')).trim()).toBe(sent)
  })

  it('a folder left on a review branch: explained, and put back without losing any post', async () => {
    const { service } = await makeService(root)
    // An older version of the app left the folder on post/old with the post committed there.
    await sh(root, 'switch', '--quiet', '-c', 'post/old')
    const old = await writePost(root, 'old', { images: 1 })
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'old version commit')
    await put(root, 'README.md', '# Blog\n\nlocal edit\n')

    const folder = await service.folder()
    expect(folder).toMatchObject({
      kind: 'ok',
      folder: { currentBranch: 'post/old', offBase: true, onPostBranch: true },
    })
    if (folder.kind === 'ok') expect(folder.folder.returnBlocked?.en).toContain('README.md')
    const refused = await service.returnToBase()
    expect(refused.kind).toBe('error')
    expect((await sh(root, 'branch', '--show-current')).trim()).toBe('post/old')

    await sh(root, 'checkout', '--quiet', '--', 'README.md')
    const back = await service.returnToBase()
    expect(back).toMatchObject({ kind: 'ok' })
    expect((await sh(root, 'branch', '--show-current')).trim()).toBe('main')
    // The post that only its branch had is still in the folder, and shows as recorded for review.
    expect(await readFile(join(root, old.path), 'utf8')).toContain('本文です。')
    expect(await readFile(join(root, old.assetDir, 'image-1.png'))).toBeTruthy()
    expect(await service.states([old.path])).toEqual({
      kind: 'ok',
      states: { [old.path]: 'unsent-commit' },
    })
  })

  it('a folder left on the review branch of an edited published post: back on base, the edit stays', async () => {
    const { service } = await makeService(root)
    const B = postPaths('post-b', '2024-11-01')
    const hello = postPaths('hello-world', '2024-12-01')
    // An older version of the app switched to B's review branch and committed the writer's edit.
    await sh(root, 'switch', '--quiet', '-c', 'post/post-b')
    const edited = (await readFile(join(root, B.path), 'utf8')) + '\n送った追記\n'
    await put(root, B.path, edited)
    await rm(join(root, B.assetDir, 'image-1.png'))
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'old version commit')
    // Meanwhile main moved on elsewhere: another post changed there.
    const newer = await colleagueCommit(
      bare,
      { [hello.path]: '---\ntitle: Hello\n---\n\n改訂\n' },
      'hello',
    )
    await sh(root, ...auth(), 'fetch', '--quiet', 'origin')
    await sh(root, 'update-ref', 'refs/heads/main', newer)

    expect(await service.returnToBase()).toMatchObject({ kind: 'ok' })
    expect((await sh(root, 'branch', '--show-current')).trim()).toBe('main')
    // B's edit did not vanish from the folder; the other post is main's, not the branch's old copy.
    expect(await readFile(join(root, B.path), 'utf8')).toBe(edited)
    expect(await readdir(join(root, B.assetDir))).toEqual([])
    expect(await readFile(join(root, hello.path), 'utf8')).toContain('改訂')
    expect(await service.states([B.path, hello.path])).toEqual({
      kind: 'ok',
      states: { [B.path]: 'unsent-commit', [hello.path]: 'published' },
    })
  })

  it('others moving the base on: untouched posts stay published, a merged post stays merged', async () => {
    const { service } = await makeService(root)
    const A = await writePost(root, 'post-a', { title: '記事A', images: 1 })
    const B = postPaths('post-b', '2024-11-01')
    const hello = postPaths('hello-world', '2024-12-01')
    expect((await service.publish({ path: A.path })).kind).toBe('published')
    // The review merges A on the server; then an editor fixes a typo in A and in hello-world there.
    await sh(bare, 'update-ref', 'refs/heads/main', 'refs/heads/post/post-a')
    const sentA = await readFile(join(root, A.path), 'utf8')
    await colleagueCommit(
      bare,
      {
        [A.path]: sentA.replace('本文です。', '本文です（校正済み）。'),
        [hello.path]: '---\ntitle: Hello\n---\n\n校正済み\n',
      },
      'typo fixes',
    )
    const before = await take()
    await sh(root, ...auth(), 'fetch', '--quiet', 'origin')
    // The folder is simply behind the published blog: nobody edited anything in it.
    expect(await service.states(await postsOnDisk(root))).toEqual({
      kind: 'ok',
      states: { [A.path]: 'merged', [B.path]: 'published', [hello.path]: 'published' },
    })
    await expectUntouched(before)
    // An edit of the writer's own is still an edit.
    await put(root, hello.path, (await readFile(join(root, hello.path), 'utf8')) + '\n追記\n')
    expect(await service.states([hello.path])).toEqual({
      kind: 'ok',
      states: { [hello.path]: 'edited' },
    })
  })

  it('a first send from a folder behind the base never undoes what others changed there', async () => {
    const { service } = await makeService(root)
    const hello = postPaths('hello-world', '2024-12-01')
    const B = postPaths('post-b', '2024-11-01')
    const original = await readFile(join(root, hello.path), 'utf8')
    // An editor fixes hello-world's body on the server; the writer's folder still has the old copy.
    await colleagueCommit(
      bare,
      { [hello.path]: original.replace('本文です。', '本文です（校正済み）。') },
      'fix hello',
    )
    // Sending an untouched post sends nothing (it would otherwise revert the fix).
    expect(await service.publish({ path: hello.path })).toMatchObject({
      kind: 'error',
      code: 'nothing-to-commit',
    })
    expect(await sh(bare, 'branch', '--list', 'post/hello-world')).toBe('')
    // The writer retitles it: the send carries the fix and the new title, and so does the folder.
    await put(root, hello.path, original.replace('title: Hello', 'title: Hello again'))
    expect(await service.publish({ path: hello.path })).toMatchObject({ kind: 'published' })
    const sent = await sh(bare, 'show', `post/hello-world:${hello.path}`)
    expect(sent).toContain('本文です（校正済み）。')
    expect(sent).toContain('title: Hello again')
    expect(await readFile(join(root, hello.path), 'utf8')).toBe(sent)
    expect(await service.states([hello.path])).toEqual({
      kind: 'ok',
      states: { [hello.path]: 'sent' },
    })

    // The same line changed on both sides: stopped with nothing written, settled in the app.
    const bText = await readFile(join(root, B.path), 'utf8')
    await colleagueCommit(
      bare,
      { [B.path]: bText.replace('本文です。', '編集部の本文。') },
      'fix B',
    )
    const mine = bText.replace('本文です。', '書き手の本文。')
    await put(root, B.path, mine)
    const before = await take()
    expect(await service.publish({ path: B.path })).toMatchObject({
      kind: 'error',
      code: 'merge-conflict',
      files: [B.path],
    })
    await expectUntouched(before)
    expect(await sh(bare, 'branch', '--list', 'post/post-b')).toBe('')
    expect(await service.update({ path: B.path, resolution: 'mine' })).toMatchObject({
      kind: 'updated',
    })
    expect(await readFile(join(root, B.path), 'utf8')).toContain('書き手の本文。')
    expect(await service.publish({ path: B.path })).toMatchObject({ kind: 'published' })
    expect(await sh(bare, 'show', `post/post-b:${B.path}`)).toContain('書き手の本文。')
  })

  it('a post renamed after a send (its date changed): the review holds it once, under its new name', async () => {
    const { service } = await makeService(root)
    const A = await writePost(root, 'post-a', { title: '記事A', images: 1 })
    const B = postPaths('post-b', '2024-11-01')
    expect((await service.publish({ path: A.path })).kind).toBe('published')
    // The writer changes A's date: the app renames its file and asset folder.
    const A2 = postPaths('post-a', '2025-01-20')
    await rename(join(root, A.path), join(root, A2.path))
    await rename(join(root, A.assetDir), join(root, A2.assetDir))
    let before = await take()
    expect(await service.publish({ path: A2.path })).toMatchObject({ kind: 'published' })
    await expectUntouched(before)
    expect(await branchFiles('post/post-a')).toEqual([A2.path, `${A2.assetDir}/image-1.png`].sort())
    expect(await service.states([A2.path])).toEqual({ kind: 'ok', states: { [A2.path]: 'sent' } })

    // A published post renamed and sent for the first time: a rename in the review, not a copy.
    const B2 = postPaths('post-b', '2024-11-02')
    await sh(root, 'mv', B.path, B2.path)
    await sh(root, 'mv', B.assetDir, B2.assetDir)
    before = await take()
    expect(await service.publish({ path: B2.path })).toMatchObject({ kind: 'published' })
    await expectUntouched(before)
    expect(
      (await sh(bare, 'diff', '--name-status', '--no-renames', 'main', 'post/post-b'))
        .trim()
        .split('\n')
        .sort(),
    ).toEqual(
      [
        `A\t${B2.path}`,
        `A\t${B2.assetDir}/image-1.png`,
        `D\t${B.path}`,
        `D\t${B.assetDir}/image-1.png`,
      ].sort(),
    )
  })

  it('a real kill between commit-tree and update-ref: the branch, the folder and the index stay as they were', async () => {
    const { service } = await makeService(root)
    const A = await writePost(root, 'killed', { images: 1 })
    expect((await service.publish({ path: A.path })).kind).toBe('published')
    const sent = (await sh(root, 'rev-parse', 'post/killed')).trim()
    await put(root, A.path, (await readFile(join(root, A.path), 'utf8')) + '\n追記\n')
    const before = await take()
    const objectsBefore = (await sh(root, 'count-objects', '-v')).match(/count: (\d+)/)![1]

    // Another process runs the send and is killed with SIGKILL right before update-ref.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(PROJECT_ROOT, 'tests/helpers/publish-until-killed.ts'),
        root,
        A.path,
        'update-ref',
      ],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          ...(server ? { PW_TEST_TOKEN: token, PW_TEST_HOST: `127.0.0.1:${server.port}` } : {}),
        },
      },
    )
    const reached = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (/^(AT|DONE) /m.test(out)) resolve(out)
      })
      child.on('exit', (code) => reject(new Error(`exited ${String(code)}: ${out}`)))
    })
    expect(reached).toContain('AT update-ref')
    const gone = new Promise((resolve) => child.on('exit', resolve))
    child.kill('SIGKILL')
    await gone

    // The commit object exists (commit-tree ran), but nothing points at it.
    expect(
      Number((await sh(root, 'count-objects', '-v')).match(/count: (\d+)/)![1]),
    ).toBeGreaterThan(Number(objectsBefore))
    expect((await sh(root, 'rev-parse', 'post/killed')).trim()).toBe(sent)
    expect((await sh(bare, 'rev-parse', 'post/killed')).trim()).toBe(sent)
    await expectUntouched(before)
    expect(await readdir(join(root, '.git'))).not.toContain('index.lock')
    expect(await service.states([A.path])).toEqual({ kind: 'ok', states: { [A.path]: 'changed' } })
    // The next press sends the edit on top of what was sent.
    expect(await service.publish({ path: A.path })).toMatchObject({
      kind: 'published',
      committed: true,
    })
    expect((await sh(bare, 'rev-parse', 'post/killed~1')).trim()).toBe(sent)
  })
  /** A send that commits but stops before the push (the app closed, the network gone): never on the server. */
  async function sendWithoutPush(profile: Record<string, unknown>, path: string) {
    let stopAtPush = true
    const made = await makeService(root, {
      profile,
      beforeStep: (step) => {
        if (step === 'push' && stopAtPush) throw new Error('stopped before the push')
      },
    })
    expect((await made.service.publish({ path })).kind).toBe('error')
    stopAtPush = false
    return made.service
  }
  const parentsOf = async (ref: string) =>
    (await sh(root, 'rev-list', '--parents', '-n', '1', ref)).trim().split(' ').slice(1)

  it('rebase profile, a review branch not on the server yet: rebuilt on the new published state, no merge commit', async () => {
    const A = await writePost(root, 'post-a', { title: '記事A', images: 1 })
    const service = await sendWithoutPush({ updateMethod: 'rebase' }, A.path)
    expect(await sh(bare, 'branch', '--list', 'post/post-a')).toBe('')
    const sentTip = (await sh(root, 'rev-parse', 'post/post-a')).trim()
    expect(await service.states([A.path])).toEqual({
      kind: 'ok',
      states: { [A.path]: 'unsent-commit' },
    })

    // The published blog moves on elsewhere.
    const newBase = await colleagueCommit(bare, { 'README.md': '# Blog\n\nnews\n' }, 'readme')
    const before = await take()
    const result = await service.update({ path: A.path })
    expect(result).toMatchObject({ kind: 'updated', changed: true, method: 'rebase' })
    await expectUntouched(before)
    // One new commit, its only parent the new published tip, the writer's files, the same message.
    expect(await parentsOf('post/post-a')).toEqual([newBase])
    expect((await sh(root, 'rev-parse', 'post/post-a')).trim()).not.toBe(sentTip)
    expect((await sh(root, 'log', '-1', '--format=%s', 'post/post-a')).trim()).toBe(
      '記事を追加: 記事A',
    )
    expect(await sh(root, 'show', `post/post-a:${A.path}`)).toBe(
      await readFile(join(root, A.path), 'utf8'),
    )
    expect(await sh(root, 'show', 'post/post-a:README.md')).toBe('# Blog\n\nnews\n')
    expect(
      (await sh(root, 'diff', '--name-only', newBase, 'post/post-a')).trim().split('\n').sort(),
    ).toEqual([A.path, `${A.assetDir}/image-1.png`].sort())
    expect(await service.states([A.path])).toEqual({
      kind: 'ok',
      states: { [A.path]: 'unsent-commit' },
    })
    // Pressing again changes nothing; sending pushes it as it is (no force needed).
    expect(await service.update({ path: A.path })).toMatchObject({ changed: false })
    expect(await service.publish({ path: A.path })).toMatchObject({ kind: 'published' })
    expect((await sh(bare, 'rev-list', '--parents', '-n', '1', 'post/post-a')).trim()).toBe(
      `${(await sh(root, 'rev-parse', 'post/post-a')).trim()} ${newBase}`,
    )
    await expectBranchesHoldOnlyTheirPost()
  })

  it('rebase profile, a conflict: stopped with nothing changed, settled in the app, still one parent', async () => {
    const B = postPaths('post-b', '2024-11-01')
    const original = await readFile(join(root, B.path), 'utf8')
    await put(root, B.path, original.replace('本文です。', '書き手の本文。'))
    const service = await sendWithoutPush({ updateMethod: 'rebase' }, B.path)
    const sentTip = (await sh(root, 'rev-parse', 'post/post-b')).trim()
    const newBase = await colleagueCommit(
      bare,
      { [B.path]: original.replace('本文です。', '編集部の本文。') },
      'fix B',
    )
    let before = await take()
    expect(await service.update({ path: B.path })).toMatchObject({
      kind: 'error',
      code: 'merge-conflict',
      files: [B.path],
    })
    await expectUntouched(before)
    expect((await sh(root, 'rev-parse', 'post/post-b')).trim()).toBe(sentTip)

    before = await take()
    expect(await service.update({ path: B.path, resolution: 'mine' })).toMatchObject({
      kind: 'updated',
      changed: true,
      method: 'rebase',
    })
    await expectUntouched(before)
    expect(await parentsOf('post/post-b')).toEqual([newBase])
    expect(await sh(root, 'show', `post/post-b:${B.path}`)).toContain('書き手の本文。')
    expect((await sh(root, 'log', '-1', '--format=%s', 'post/post-b')).trim()).toBe(
      '記事を更新: 記事B',
    )
  })

  it('rebase profile, a review branch already on the server: merged, and the result says why', async () => {
    const { service } = await makeService(root, { profile: { updateMethod: 'rebase' } })
    const B = postPaths('post-b', '2024-11-01')
    await put(root, B.path, (await readFile(join(root, B.path), 'utf8')) + '\n追記B\n')
    expect((await service.publish({ path: B.path })).kind).toBe('published')
    const sent = (await sh(root, 'rev-parse', 'post/post-b')).trim()
    const newBase = await colleagueCommit(bare, { 'README.md': '# Blog\n\nnews\n' }, 'readme')
    const before = await take()
    const result = await service.update({ path: B.path })
    expect(result).toMatchObject({ kind: 'updated', changed: true, method: 'merge' })
    await expectUntouched(before)
    expect(await parentsOf('post/post-b')).toEqual([sent, newBase])
    if (result.kind === 'updated') {
      expect(result.message.ja).toContain('すでにサーバーにある')
      expect(result.message.en).toContain('already on the server')
    }
    // The review on the server only ever moves forward.
    expect((await service.publish({ path: B.path })).kind).toBe('published')
    expect((await sh(bare, 'merge-base', '--is-ancestor', sent, 'post/post-b')).trim()).toBe('')
  })

  it('merge profile: a review branch not on the server yet still gets a merge commit, with no notice', async () => {
    const A = await writePost(root, 'post-a', { title: '記事A' })
    const service = await sendWithoutPush({ updateMethod: 'merge' }, A.path)
    const sent = (await sh(root, 'rev-parse', 'post/post-a')).trim()
    const newBase = await colleagueCommit(bare, { 'README.md': '# Blog\n\nnews\n' }, 'readme')
    const before = await take()
    const result = await service.update({ path: A.path })
    expect(result).toMatchObject({ kind: 'updated', changed: true, method: 'merge' })
    await expectUntouched(before)
    expect(await parentsOf('post/post-a')).toEqual([sent, newBase])
    if (result.kind === 'updated') expect(result.message.ja).not.toContain('サーバーにある')
  })
})
