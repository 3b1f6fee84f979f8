import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addPaths } from '../../../../../src/main/services/git/add'
import { readBlob, readCommitMessage } from '../../../../../src/main/services/git/cat-file'
import { ignoredPaths } from '../../../../../src/main/services/git/check-ignore'
import { commitTree } from '../../../../../src/main/services/git/commit-tree'
import { getIdentity, setIdentity } from '../../../../../src/main/services/git/config'
import type { GitContext } from '../../../../../src/main/services/git/core'
import { hashFiles } from '../../../../../src/main/services/git/hash-object'
import { isTracked } from '../../../../../src/main/services/git/ls-files'
import { listTree } from '../../../../../src/main/services/git/ls-tree'
import { mergeFileTexts } from '../../../../../src/main/services/git/merge-file'
import { mergeTrees } from '../../../../../src/main/services/git/merge-tree'
import { movePath } from '../../../../../src/main/services/git/mv'
import { readTree } from '../../../../../src/main/services/git/read-tree'
import { pickRemote } from '../../../../../src/main/services/git/remote'
import { newestOwnCommit } from '../../../../../src/main/services/git/rev-list'
import { removeFromIndex } from '../../../../../src/main/services/git/rm'
import { switchTo } from '../../../../../src/main/services/git/switch'
import { withTempIndex } from '../../../../../src/main/services/git/temp-index'
import { setIndexEntry } from '../../../../../src/main/services/git/update-index'
import { updateRef } from '../../../../../src/main/services/git/update-ref'
import { checkGitVersion } from '../../../../../src/main/services/git/version'
import { writeTree } from '../../../../../src/main/services/git/write-tree'
import { cleanup, initRepo, put, sh } from './fixtures'

/** One small test per git verb module, on a real repository in a temp folder. */
let root: string
let ctx: GitContext

beforeEach(async () => {
  root = await initRepo('pw-verbs-')
  await put(root, 'a.md', 'alpha\n')
  await sh(root, 'add', '-A')
  await sh(root, 'commit', '--quiet', '-m', 'first')
  ctx = { cwd: root }
})
afterEach(() => cleanup(root))

const head = async () => (await sh(root, 'rev-parse', 'HEAD')).trim()
const staged = async () => (await sh(root, 'diff', '--cached', '--name-only')).trim()

describe('add', () => {
  it('stages exactly the paths given, a name like an option included', async () => {
    await put(root, '--odd.md', 'odd\n')
    await put(root, 'other.md', 'other\n')
    await addPaths(ctx, ['--odd.md'])
    expect(await staged()).toBe('--odd.md')
  })
})

describe('rm', () => {
  it('drops a path from the index and keeps the file', async () => {
    await removeFromIndex(ctx, ['a.md'])
    expect(await isTracked(ctx, 'a.md')).toBe(false)
    expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('alpha\n')
  })
})

describe('ls-files', () => {
  it('tells tracked from untracked paths', async () => {
    await put(root, 'new.md', 'new\n')
    expect(await isTracked(ctx, 'a.md')).toBe(true)
    expect(await isTracked(ctx, 'new.md')).toBe(false)
  })
})

describe('mv', () => {
  it('moves a tracked file in the folder and the index; refuses a missing one', async () => {
    expect(await movePath(ctx, 'a.md', 'b.md')).toBe(true)
    expect(await isTracked(ctx, 'b.md')).toBe(true)
    expect(await movePath(ctx, 'missing.md', 'c.md')).toBe(false)
  })
})

describe('hash-object and cat-file', () => {
  it('hashes a working file as git stores it, and reads the blob back', async () => {
    const ids = await hashFiles(ctx, ['a.md'])
    expect(ids.get('a.md')).toBe((await sh(root, 'rev-parse', 'HEAD:a.md')).trim())
    expect((await readBlob(ctx, ids.get('a.md')!)).toString()).toBe('alpha\n')
  })
})

describe('check-ignore', () => {
  it('lists only the ignored paths', async () => {
    await put(root, '.gitignore', '*.tmp\n')
    expect([...(await ignoredPaths(ctx, ['x.tmp', 'a.md']))]).toEqual(['x.tmp'])
    expect(await ignoredPaths(ctx, [])).toEqual(new Set())
  })
})

describe('temp-index, read-tree, update-index, write-tree, ls-tree', () => {
  it('builds a tree in a private index without touching the real one', async () => {
    await put(root, 'b.md', 'beta\n')
    const tree = await withTempIndex(ctx, async (ix) => {
      await readTree(ix, 'HEAD')
      const a = (await listTree(ctx, 'HEAD')).get('a.md')!
      await setIndexEntry(ix, 'copy.md', a)
      await setIndexEntry(ix, 'a.md', null)
      return writeTree(ix)
    })
    expect([...(await listTree(ctx, tree)).keys()]).toEqual(['copy.md'])
    expect(await staged()).toBe('')
  })
})

describe('commit-tree and update-ref', () => {
  it('commits a tree without moving HEAD, then moves a branch only from the expected commit', async () => {
    const before = await head()
    const tree = (await sh(root, 'rev-parse', 'HEAD^{tree}')).trim()
    const made = await commitTree(ctx, tree, [before], 'second')
    expect(made.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(await head()).toBe(before)
    expect((await updateRef(ctx, 'refs/heads/review', made.commit!, null, 'test')).errorKind).toBe(
      null,
    )
    const stale = await updateRef(ctx, 'refs/heads/review', before, before, 'test')
    expect(stale.errorKind).toBe('branch-moved')
    expect((await sh(root, 'rev-parse', 'review')).trim()).toBe(made.commit)
  })
})

describe('config', () => {
  it('reads the identity and writes it to the repository only', async () => {
    expect(await getIdentity(ctx)).toEqual({ name: 'Test Writer', email: 'writer@example.com' })
    await setIdentity(ctx, { name: 'Someone Else', email: 'else@example.com' })
    expect((await sh(root, 'config', '--local', 'user.name')).trim()).toBe('Someone Else')
  })
})

describe('switch', () => {
  it('switches to an existing branch and refuses to overwrite an edit', async () => {
    await sh(root, 'branch', 'side')
    expect((await switchTo(ctx, 'side')).errorKind).toBe(null)
    await put(root, 'a.md', 'side change\n')
    await sh(root, 'commit', '--quiet', '-am', 'side')
    await sh(root, 'switch', '--quiet', 'main')
    await writeFile(join(root, 'a.md'), 'my edit\n')
    expect((await switchTo(ctx, 'side')).errorKind).toBe('would-overwrite')
    expect(await readFile(join(root, 'a.md'), 'utf8')).toBe('my edit\n')
  })
})

describe('merge-file', () => {
  it('merges both sides, counts conflicts, and settles them for one side on request', async () => {
    const base = Buffer.from('one\ntwo\nthree\n')
    const clean = await mergeFileTexts(ctx, {
      ours: Buffer.from('ONE\ntwo\nthree\n'),
      base,
      theirs: Buffer.from('one\ntwo\nTHREE\n'),
    })
    expect(clean).toEqual({ text: Buffer.from('ONE\ntwo\nTHREE\n'), conflicts: 0 })
    const texts = {
      ours: Buffer.from('mine\ntwo\nthree\n'),
      base,
      theirs: Buffer.from('theirs\ntwo\nthree\n'),
    }
    expect((await mergeFileTexts(ctx, texts)).conflicts).toBe(1)
    expect((await mergeFileTexts(ctx, texts, 'theirs')).text.toString()).toBe(
      'theirs\ntwo\nthree\n',
    )
  })
})

describe('merge-tree', () => {
  it('merges two commits into a tree, or names the conflicting files', async () => {
    const base = await head()
    await sh(root, 'switch', '--quiet', '-c', 'other')
    await put(root, 'a.md', 'other\n')
    await sh(root, 'commit', '--quiet', '-am', 'other')
    await sh(root, 'switch', '--quiet', 'main')
    await put(root, 'b.md', 'beta\n')
    await sh(root, 'add', 'b.md')
    await sh(root, 'commit', '--quiet', '-m', 'b')
    const merged = await mergeTrees(ctx, 'main', 'other')
    if (merged.kind === 'unsupported') return // git older than 2.38
    expect(merged.kind).toBe('clean')
    await sh(root, 'switch', '--quiet', '-c', 'clash', base)
    await put(root, 'a.md', 'clash\n')
    await sh(root, 'commit', '--quiet', '-am', 'clash')
    const clash = await mergeTrees(ctx, 'clash', 'other')
    expect(clash).toMatchObject({ kind: 'conflicts', files: ['a.md'] })
  })
})

describe('rev-list and cat-file on commits', () => {
  it('finds a branch’s newest own commit past merges, and reads its whole message', async () => {
    const base = (await sh(root, 'rev-parse', 'HEAD')).trim()
    await sh(root, 'switch', '--quiet', '-c', 'post/x')
    await put(root, 'b.md', 'beta\n')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', '記事を追加: 記事X', '-m', '本文の説明')
    const own = (await sh(root, 'rev-parse', 'HEAD')).trim()
    await sh(root, 'switch', '--quiet', 'main')
    await put(root, 'c.md', 'gamma\n')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'main moves on')
    await sh(root, 'switch', '--quiet', 'post/x')
    await sh(root, 'merge', '--quiet', '--no-edit', 'main')
    expect(await newestOwnCommit(ctx, 'post/x', 'main')).toBe(own)
    expect(await newestOwnCommit(ctx, 'main', 'post/x')).toBeNull()
    expect(await newestOwnCommit(ctx, own, base)).toBe(own)
    expect(await readCommitMessage(ctx, own)).toBe('記事を追加: 記事X\n\n本文の説明\n')
  })
})

describe('remote', () => {
  it('picks the branch’s remote, else origin, else the only one, with rewrites applied', async () => {
    expect(await pickRemote(ctx, 'main')).toBeNull()
    await sh(root, 'remote', 'add', 'mirror', 'https://mirror.example/blog.git')
    expect((await pickRemote(ctx, null))?.name).toBe('mirror')
    await sh(root, 'remote', 'add', 'origin', 'https://example.com/blog.git')
    await sh(root, 'config', 'url.https://push.example.com/.pushInsteadOf', 'https://example.com/')
    const origin = await pickRemote(ctx, null)
    expect(origin?.pushUrl).toBe('https://push.example.com/blog.git')
    expect(origin?.info.tokenHost).toBe('push.example.com')
    await sh(root, 'config', 'branch.main.remote', 'mirror')
    expect((await pickRemote(ctx, 'main'))?.name).toBe('mirror')
    // Several push addresses: the first, as `git push` and `get-url --push` use.
    await sh(root, 'config', 'remote.origin.pushurl', 'https://one.example/b.git')
    await sh(root, 'config', '--add', 'remote.origin.pushurl', 'https://two.example/b.git')
    expect((await pickRemote(ctx, null))?.pushUrl).toBe('https://one.example/b.git')
  })
})

describe('version', () => {
  it('accepts the installed git and calls a missing one missing', async () => {
    expect((await checkGitVersion(undefined, root)).kind).toBe('ok')
    expect(await checkGitVersion(join(root, 'no-such-git'), root)).toEqual({ kind: 'missing' })
  })
})
