/**
 * What the post list remembers between refreshes (issue 9's 2,000-post figure): answers about
 * commits, which can never change, and blob ids of settled working files. Each test counts the
 * git runs through the context's log, and proves the remembered answer equals git's own.
 */
import { utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GitContext, GitLogEntry } from '../../../../../src/main/services/git/core'
import { hashFiles } from '../../../../../src/main/services/git/hash-object'
import { listTree } from '../../../../../src/main/services/git/ls-tree'
import {
  filesAt,
  filesAtEach,
  forgetObjectAnswers,
  forkPointOf,
  inHistoryOf,
} from '../../../../../src/main/services/publish/object-answers'
import {
  forgetWorkingHashes,
  workingBlobIds,
} from '../../../../../src/main/services/publish/working-hashes'
import { cleanup, initRepo, put, sh } from '../git/fixtures'

let root: string
let runs: GitLogEntry[]
let ctx: GitContext

const head = async (ref = 'HEAD') => (await sh(root, 'rev-parse', ref)).trim()
const verbs = () => runs.map((r) => r.args.find((a) => !a.startsWith('-') && !a.includes('=')))
const asMap = (tree: Map<string, { oid: string }>) => new Map([...tree].map(([p, f]) => [p, f.oid]))

beforeEach(async () => {
  forgetObjectAnswers()
  forgetWorkingHashes()
  root = await initRepo('pw-remembered-')
  await put(root, 'source/blog/a.html.md', 'a\n')
  await put(root, 'source/blog/a/one.png', 'png-1')
  await put(root, 'source/blog/a/deeper/two.png', 'png-2')
  await put(root, 'source/blog/a/名前 with space.png', 'png-3')
  await put(root, 'source/blog/b.html.md', 'b\n')
  await sh(root, 'add', '-A')
  await sh(root, 'commit', '--quiet', '-m', 'first')
  runs = []
  ctx = { cwd: root, log: (e) => runs.push(e) }
})
afterEach(() => cleanup(root))

describe('answers about commits', () => {
  it('reads each commit’s files once, and a moved branch is a new question', async () => {
    const first = await head()
    const scope = ['source/blog/a.html.md', 'source/blog/a']
    const expected = asMap(await listTree({ cwd: root }, first, scope))
    expect(expected.size).toBe(4)
    expect(await filesAt(ctx, first, scope)).toEqual(expected)
    expect(await filesAt(ctx, first, scope)).toEqual(expected)
    expect(verbs()).toEqual(['ls-tree'])
    // A name that is not a commit id is never remembered: HEAD moves.
    await filesAt(ctx, 'HEAD', scope)
    await filesAt(ctx, 'HEAD', scope)
    expect(verbs()).toEqual(['ls-tree', 'ls-tree', 'ls-tree'])
    await put(root, 'source/blog/a/one.png', 'png-1 changed')
    await sh(root, 'commit', '--quiet', '-am', 'second')
    const second = await head()
    const changed = await filesAt(ctx, second, scope)
    expect(changed.get('source/blog/a/one.png')).not.toBe(expected.get('source/blog/a/one.png'))
  })

  it('reads many branches’ posts in a run per folder level, exactly as ls-tree lists them', async () => {
    const first = await head()
    await sh(root, 'switch', '--quiet', '-c', 'post/b')
    await put(root, 'source/blog/b/new.png', 'new')
    await put(root, 'source/blog/b/sub/dir/x.png', 'x')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'b')
    const b = await head()
    const asks = [
      { commit: first, paths: ['source/blog/a.html.md', 'source/blog/a'] },
      { commit: b, paths: ['source/blog/b.html.md', 'source/blog/b'] },
      // Absent on that commit: nothing, not an error.
      { commit: first, paths: ['source/blog/c.html.md', 'source/blog/c'] },
    ]
    const got = await filesAtEach(ctx, asks)
    for (const [i, ask] of asks.entries())
      expect(got[i]).toEqual(asMap(await listTree({ cwd: root }, ask.commit, ask.paths)))
    expect(got[1]!.get('source/blog/b/sub/dir/x.png')).toBeDefined()
    // One check of every path, then one run per folder depth (b/, b/sub/, b/sub/dir/).
    expect(verbs()).toEqual(['cat-file', 'cat-file', 'cat-file', 'cat-file'])
    runs.length = 0
    expect(await filesAtEach(ctx, asks)).toEqual(got)
    expect(runs).toEqual([])
  })

  it('remembers ancestry and fork points by commit ids', async () => {
    const first = await head()
    await put(root, 'c.md', 'c')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'c')
    const second = await head()
    expect(await inHistoryOf(ctx, first, second)).toBe(true)
    expect(await inHistoryOf(ctx, second, first)).toBe(false)
    expect(await inHistoryOf(ctx, first, second)).toBe(true)
    expect(await forkPointOf(ctx, first, second)).toBe(first)
    expect(await forkPointOf(ctx, first, second)).toBe(first)
    expect(verbs()).toEqual(['merge-base', 'merge-base', 'merge-base'])
  })
})

describe('blob ids of working files', () => {
  const settle = async (path: string) => {
    const old = new Date(Date.now() - 10_000)
    await utimes(join(root, path), old, old)
  }

  it('hashes a settled file once, and again whenever it changes', async () => {
    const path = 'source/blog/draft.html.md'
    await put(root, path, 'draft one\n')
    await settle(path)
    const first = await workingBlobIds(ctx, [path])
    expect(first).toEqual(await hashFiles({ cwd: root }, [path]))
    expect(await workingBlobIds(ctx, [path])).toEqual(first)
    expect(verbs()).toEqual(['hash-object'])
    // Same size, and its old time stamps put back: the change time still tells.
    await writeFile(join(root, path), 'draft two\n')
    await settle(path)
    const second = await workingBlobIds(ctx, [path])
    expect(second.get(path)).not.toBe(first.get(path))
    expect(second).toEqual(await hashFiles({ cwd: root }, [path]))
  })

  it('leaves out a file deleted since status listed it, instead of failing the whole list', async () => {
    await put(root, 'source/blog/kept.html.md', 'kept\n')
    const ids = await workingBlobIds(ctx, ['source/blog/gone.html.md', 'source/blog/kept.html.md'])
    expect([...ids.keys()]).toEqual(['source/blog/kept.html.md'])
    expect(ids).toEqual(await hashFiles({ cwd: root }, ['source/blog/kept.html.md']))
  })

  it('does not remember a file written moments ago (a write in the same tick could hide)', async () => {
    const path = 'source/blog/fresh.html.md'
    await put(root, path, 'fresh\n')
    await workingBlobIds(ctx, [path])
    await workingBlobIds(ctx, [path])
    expect(verbs()).toEqual(['hash-object', 'hash-object'])
  })
})
