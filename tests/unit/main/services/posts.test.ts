import { chmod, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../../src/main/services/fs/atomic-file'
import { KnownFiles } from '../../../../src/main/services/posts/known-files'
import { hashBytes } from '../../../../src/main/services/posts/post-bytes'
import { PostsService } from '../../../../src/main/services/posts/posts'
import type { RepoInfo } from '../../../../src/shared/ipc/contract'
import { DEFAULT_PROFILE, type Profile } from '../../../../src/shared/profile'
import {
  makeTempDir,
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
} from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

const NOW = Date.UTC(2025, 5, 30, 16, 30, 0) // 2025-07-01 01:30 in +09:00

async function setup(
  files: Record<string, string | Uint8Array> = {},
  profile: Profile = DEFAULT_PROFILE,
) {
  const root = await makeTempRepo(files)
  const repo: RepoInfo = { root, name: 'blog', profile, profileError: null, isSample: false }
  const known = new KnownFiles()
  const writer = new AtomicWriter()
  const posts = new PostsService({ repo: () => repo, writer, known, now: () => NOW })
  return { root, repo, posts, known, writer }
}

const A = postPathFor('2025-01-10', 'hello')

async function readOk(posts: PostsService, path: string) {
  const r = await posts.read(path)
  if (r.kind !== 'ok') throw new Error(`read failed: ${JSON.stringify(r)}`)
  return r.doc
}

describe('read', () => {
  it('gives LF text, the sha-256 of the bytes and the asset folder', async () => {
    const text = postText({ title: 'こんにちは', date: '2025-01-10T10:00:00+09:00' })
    const { posts } = await setup({ [A]: text })
    const doc = await readOk(posts, A)
    expect(doc).toMatchObject({
      path: A,
      text,
      eol: 'lf',
      bom: false,
      readOnly: null,
      assetDir: 'source/blog/2025-01-10-hello',
    })
    expect(doc.hash).toBe(hashBytes(Buffer.from(text)))
  })

  it('has no asset folder for a file outside the post pattern, and refuses unsafe paths', async () => {
    const { posts } = await setup({ 'README.md': '# hi\n' })
    expect((await readOk(posts, 'README.md')).assetDir).toBeNull()
    for (const bad of ['../x', '/etc/passwd', 'file:///etc/passwd', '.git/config']) {
      const r = await posts.read(bad)
      expect(r.kind).toBe('error')
    }
    const missing = await posts.read('source/blog/nothing.html.md')
    expect(missing.kind === 'error' && missing.message.en).toMatch(/was not found/)
  })

  it('D11: refuses a post that is a symlink to a file outside the repository', async () => {
    const outside = await makeTempDir()
    await writeFile(join(outside, 'id_rsa'), 'PRIVATE KEY')
    const { posts, root } = await setup({ 'source/blog/.keep': '' })
    await symlink(join(outside, 'id_rsa'), join(root, A))
    const r = await posts.read(A)
    expect(r.kind).toBe('error')
    if (r.kind === 'error') expect(r.message.en).toMatch(/outside the repository/)
    expect(JSON.stringify(r)).not.toContain('PRIVATE KEY')
  })
})

describe('D9: BOM, CRLF and invalid UTF-8', () => {
  it('a BOM + CRLF file round-trips byte for byte, and edits keep CRLF and the BOM', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('---\r\ntitle: "CRLF"\r\n---\r\n\r\n一行目\r\n二行目\r\n'),
    ])
    const { posts, root } = await setup({ [A]: bytes })
    const doc = await readOk(posts, A)
    expect(doc).toMatchObject({ eol: 'crlf', bom: true, readOnly: null })
    expect(doc.text).toBe('---\ntitle: "CRLF"\n---\n\n一行目\n二行目\n')
    const same = await posts.save({ path: A, text: doc.text, expectedHash: doc.hash })
    expect(same).toEqual({ kind: 'saved', hash: doc.hash })
    expect(await readFile(join(root, A))).toEqual(bytes)
    const edited = await posts.save({
      path: A,
      text: `${doc.text}三行目\n`,
      expectedHash: doc.hash,
    })
    expect(edited.kind).toBe('saved')
    const after = await readFile(join(root, A))
    expect(after.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(after.subarray(3).toString()).toBe(
      '---\r\ntitle: "CRLF"\r\n---\r\n\r\n一行目\r\n二行目\r\n三行目\r\n',
    )
  })

  it('invalid UTF-8 opens read-only with a reason, and a save never replaces the bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: x\n---\n\nShift_JIS: '),
      Buffer.from([0x82, 0xa0, 0xff, 0xfe]),
      Buffer.from('\n'),
    ])
    const { posts, root } = await setup({ [A]: bytes })
    const doc = await readOk(posts, A)
    expect(doc.readOnly?.en).toMatch(/not valid UTF-8/)
    const r = await posts.save({ path: A, text: doc.text, expectedHash: doc.hash })
    expect(r.kind).toBe('error')
    if (r.kind === 'error') expect(r.message.en).toMatch(/not valid UTF-8/)
    expect(await readFile(join(root, A))).toEqual(bytes)
  })
})

describe('save', () => {
  it('writes the new text and returns the new hash, which the next save expects', async () => {
    const { posts, root } = await setup({ [A]: 'v1\n' })
    const doc = await readOk(posts, A)
    const s1 = await posts.save({ path: A, text: 'v2\n', expectedHash: doc.hash })
    expect(s1).toEqual({ kind: 'saved', hash: hashBytes(Buffer.from('v2\n')) })
    expect(await readFile(join(root, A), 'utf8')).toBe('v2\n')
    const s2 = await posts.save({
      path: A,
      text: 'v3\n',
      expectedHash: s1.kind === 'saved' ? s1.hash : null,
    })
    expect(s2.kind).toBe('saved')
    expect((await readdir(join(root, 'source/blog'))).sort()).toEqual([A.split('/').pop()])
  })

  it('D2: a file changed elsewhere gives a conflict with their text; nothing is overwritten until force', async () => {
    const { posts, root } = await setup({ [A]: 'mine v1\n' })
    const doc = await readOk(posts, A)
    await writeFile(join(root, A), 'theirs (git pull)\r\n')
    const r = await posts.save({ path: A, text: 'my edit\n', expectedHash: doc.hash })
    expect(r).toEqual({
      kind: 'conflict',
      diskText: 'theirs (git pull)\n',
      diskHash: hashBytes(Buffer.from('theirs (git pull)\r\n')),
    })
    expect(await readFile(join(root, A), 'utf8')).toBe('theirs (git pull)\r\n')
    // "Keep mine": written over theirs, in the file's current line endings.
    const forced = await posts.save({
      path: A,
      text: 'my edit\n',
      expectedHash: doc.hash,
      force: true,
    })
    expect(forced.kind).toBe('saved')
    expect(await readFile(join(root, A), 'utf8')).toBe('my edit\r\n')
  })

  it('D3: a deleted post is a conflict with no disk text; saving again recreates it (folder included)', async () => {
    const { posts, root } = await setup({ [A]: 'v1\n' })
    const doc = await readOk(posts, A)
    await rm(join(root, 'source'), { recursive: true })
    const r = await posts.save({ path: A, text: 'kept buffer\n', expectedHash: doc.hash })
    expect(r).toEqual({ kind: 'conflict', diskText: null, diskHash: null })
    const again = await posts.save({ path: A, text: 'kept buffer\n', expectedHash: null })
    expect(again.kind).toBe('saved')
    expect(await readFile(join(root, A), 'utf8')).toBe('kept buffer\n')
  })

  it('D3: a recreated CRLF file keeps CRLF', async () => {
    const { posts, root } = await setup({ [A]: 'a\r\nb\r\n' })
    const doc = await readOk(posts, A)
    await rm(join(root, A))
    await posts.save({ path: A, text: 'a\nb\nc\n', expectedHash: doc.hash, force: true })
    expect(await readFile(join(root, A), 'utf8')).toBe('a\r\nb\r\nc\r\n')
  })

  it('a new file over an existing one is a conflict (expectedHash null but the file exists)', async () => {
    const { posts } = await setup({ [A]: 'someone else’s\n' })
    const r = await posts.save({ path: A, text: 'mine\n', expectedHash: null })
    expect(r).toMatchObject({ kind: 'conflict', diskText: 'someone else’s\n' })
  })

  it('D7: a read-only file opens read-only and a save fails with a message; file and buffer kept', async () => {
    const { posts, root } = await setup({ [A]: 'protected\n' })
    await chmod(join(root, A), 0o444)
    const doc = await readOk(posts, A)
    expect(doc.readOnly?.en).toMatch(/read-only/)
    const r = await posts.save({ path: A, text: 'edit\n', expectedHash: doc.hash })
    expect(r.kind).toBe('error')
    if (r.kind === 'error') expect(r.message.en).toMatch(/read-only.*save the text elsewhere/)
    const forced = await posts.save({
      path: A,
      text: 'edit\n',
      expectedHash: doc.hash,
      force: true,
    })
    expect(forced.kind).toBe('error')
    expect(await readFile(join(root, A), 'utf8')).toBe('protected\n')
    expect((await stat(join(root, A))).mode & 0o777).toBe(0o444)
  })

  it('D4: a save that cannot be written (the post path is a folder) reports it and changes nothing', async () => {
    const { posts, root } = await setup({ [`${A}/inner.txt`]: 'x' })
    const r = await posts.save({ path: A, text: 'edit\n', expectedHash: null, force: true })
    expect(r.kind).toBe('error')
    expect(await readFile(join(root, A, 'inner.txt'), 'utf8')).toBe('x')
  })

  it('D8: many saves of one buffer at once (autosave, manual, eyecatch) end as the last; no conflict', async () => {
    const { posts, root } = await setup({ [A]: 'v0\n' })
    const doc = await readOk(posts, A)
    const texts = Array.from(
      { length: 30 },
      (_, i) => `---\ntitle: v${i}\n---\n\n${'本文'.repeat(100 * i)}\n`,
    )
    const results = await Promise.all(
      texts.map((text) => posts.save({ path: A, text, expectedHash: doc.hash })),
    )
    expect(results.map((r) => r.kind)).toEqual(texts.map(() => 'saved'))
    expect(await readFile(join(root, A), 'utf8')).toBe(texts.at(-1))
    expect((await readdir(join(root, 'source/blog'))).length).toBe(1)
  })

  it('D2 still holds after the app’s own saves: a stale hash against someone else’s change conflicts', async () => {
    const { posts, root } = await setup({ [A]: 'v0\n' })
    const doc = await readOk(posts, A)
    await posts.save({ path: A, text: 'v1\n', expectedHash: doc.hash })
    await writeFile(join(root, A), 'external\n')
    const r = await posts.save({ path: A, text: 'v2\n', expectedHash: doc.hash })
    expect(r.kind).toBe('conflict')
    expect(await readFile(join(root, A), 'utf8')).toBe('external\n')
  })
})

describe('create (P1)', () => {
  it('writes the front matter, makes the asset folder and lists the new draft', async () => {
    const { posts, root } = await setup({ 'source/blog/.keep': '' })
    const r = await posts.create({ title: 'Rails: "引用" と #記号 - yes', slug: 'rails-tips' })
    expect(r.kind).toBe('created')
    if (r.kind !== 'created') return
    const path = 'source/blog/2025-07-01-rails-tips.html.md'
    expect(r.post).toMatchObject({
      path,
      slug: 'rails-tips',
      title: 'Rails: "引用" と #記号 - yes',
      date: '2025-07-01T01:30:00+09:00',
      draft: true,
      tags: [],
    })
    const text = await readFile(join(root, path), 'utf8')
    expect(
      text.startsWith(
        '---\ntitle: "Rails: \\"引用\\" と #記号 - yes"\ndate: 2025-07-01T01:30:00+09:00\n',
      ),
    ).toBe(true)
    const fm = parse(text.split('---\n')[1]!) as Record<string, unknown>
    expect(fm).toEqual({
      title: 'Rails: "引用" と #記号 - yes',
      date: '2025-07-01T01:30:00+09:00',
      tags: [],
      authors: [],
      published: false,
    })
    expect((await stat(join(root, 'source/blog/2025-07-01-rails-tips'))).isDirectory()).toBe(true)
    expect((await posts.list()).map((p) => p.path)).toEqual([path])
  })

  it('takes a given date (a bare day counts in the profile’s timezone)', async () => {
    const { posts } = await setup()
    const a = await posts.create({ title: 'A', slug: 'a', date: '2024-12-31' })
    expect(a.kind === 'created' && a.post).toMatchObject({
      path: 'source/blog/2024-12-31-a.html.md',
      date: '2024-12-31T00:00:00+09:00',
    })
    const b = await posts.create({ title: 'B', slug: 'b', date: '2024-12-31T23:00:00Z' })
    expect(b.kind === 'created' && b.post).toMatchObject({
      path: 'source/blog/2025-01-01-b.html.md',
      date: '2025-01-01T08:00:00+09:00',
    })
    const bad = await posts.create({ title: 'C', slug: 'c', date: '2025-02-30' })
    expect(bad).toMatchObject({ kind: 'invalid', field: 'date' })
  })

  it.each([
    ['../x', /a-z 0-9 -/],
    ['a/b', /a-z 0-9 -/],
    ['CON', /a-z 0-9 -/],
    ['con', /reserved name on Windows/],
    ['', /Enter a slug/],
    ['a'.repeat(300), /within 80 characters/],
    ['絵文字😀', /a-z 0-9 -/],
    ['trailing.', /a-z 0-9 -/],
    ['trailing-', /single hyphens/],
  ])('refuses the slug %j with the rule shown, and writes nothing', async (slug, rule) => {
    const { posts, root } = await setup()
    const r = await posts.create({ title: 'タイトル', slug })
    expect(r).toMatchObject({ kind: 'invalid', field: 'slug' })
    if (r.kind === 'invalid') expect(r.message.en).toMatch(rule)
    expect(await readdir(root)).toEqual([])
  })

  it('requires a one-line title', async () => {
    const { posts } = await setup()
    expect(await posts.create({ title: '   ', slug: 'ok' })).toMatchObject({
      kind: 'invalid',
      field: 'title',
    })
    expect(await posts.create({ title: 'two\nlines', slug: 'ok' })).toMatchObject({
      kind: 'invalid',
      field: 'title',
    })
  })

  it('refuses a slug already used on any date, naming the post that has it', async () => {
    const old = postPathFor('2023-03-03', 'taken')
    const { posts, root } = await setup({
      [old]: postText({ title: 'Old', date: '2023-03-03T10:00:00+09:00' }),
    })
    const r = await posts.create({ title: 'New', slug: 'taken' })
    expect(r).toMatchObject({ kind: 'invalid', field: 'slug' })
    if (r.kind === 'invalid') expect(r.message.en).toContain(old)
    expect(await readdir(join(root, 'source/blog'))).toEqual([old.split('/').pop()])
  })

  it('creates under a custom profile pattern with date folders', async () => {
    const profile = {
      ...DEFAULT_PROFILE,
      postPath: 'posts/{year}/{month}/{slug}.md',
      assetPath: 'assets/{year}/{slug}',
    }
    const { posts, root } = await setup({}, profile)
    const r = await posts.create({ title: 'X', slug: 'deep', date: '2025-03-04T05:06:07+09:00' })
    expect(r.kind === 'created' && r.post.path).toBe('posts/2025/03/deep.md')
    expect((await stat(join(root, 'assets/2025/deep'))).isDirectory()).toBe(true)
    await mkdir(join(root, 'posts/2024/01'), { recursive: true })
    await writeFile(join(root, 'posts/2024/01/deep.md'), 'x')
    const again = await posts.create({ title: 'Y', slug: 'deep', date: '2025-05-05' })
    expect(again).toMatchObject({ kind: 'invalid', field: 'slug' })
  })
})
