import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../src/main/services/fs/atomic-file'
import { KnownFiles } from '../../../src/main/services/posts/known-files'
import { hashBytes } from '../../../src/main/services/posts/post-bytes'
import { PostFilesService } from '../../../src/main/services/posts/post-files'
import type { RepoInfo } from '../../../src/shared/ipc/contract'
import type { MovePostResult } from '../../../src/shared/ipc/metadata'
import { DEFAULT_PROFILE, type Profile } from '../../../src/shared/profile'
import {
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  runGit,
  writeFiles,
} from '../../helpers/temp-repo'

afterAll(removeTempDirs)

const OLD = postPathFor('2025-01-10', 'hello')
const OLD_ASSETS = 'source/blog/2025-01-10-hello'
const OTHER = postPathFor('2024-06-01', 'taken')
const TEXT = postText(
  {
    title: 'こんにちは',
    date: '2025-01-10T10:00:00+09:00',
    tags: ['Go'],
    authors: ['me'],
    eyecatch: 'eyecatch.png',
  },
  '# 本文\n\n![図](figure.png)\n',
)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

async function setup(
  options: { git?: boolean; profile?: Profile; text?: string | Uint8Array } = {},
) {
  const root = await makeTempRepo(
    {
      [OLD]: options.text ?? TEXT,
      [`${OLD_ASSETS}/eyecatch.png`]: PNG,
      [OTHER]: postText({ title: 'other', date: '2024-06-01T09:00:00+09:00' }),
    },
    { git: options.git ?? true },
  )
  // An image added after the last commit: moved along, still untracked.
  await writeFiles(root, { [`${OLD_ASSETS}/figure.png`]: PNG })
  const repo: RepoInfo = {
    root,
    name: 'blog',
    profile: options.profile ?? DEFAULT_PROFILE,
    profileError: null,
    isSample: false,
  }
  const known = new KnownFiles()
  const service = new PostFilesService({ repo: () => repo, writer: new AtomicWriter(), known })
  const bytes = await readFile(join(root, ...OLD.split('/')))
  return { root, service, known, hash: hashBytes(bytes), bytes }
}

const exists = (root: string, rel: string) =>
  stat(join(root, ...rel.split('/'))).then(
    () => true,
    () => false,
  )
const read = (root: string, rel: string) => readFile(join(root, ...rel.split('/')), 'utf8')

function moved(result: MovePostResult) {
  if (result.kind !== 'moved') throw new Error(`not moved: ${JSON.stringify(result)}`)
  return result
}

describe('moving a post (rename slug / change date)', () => {
  it('renames the slug: file and asset folder move together with git mv, and history follows', async () => {
    const { root, service, hash } = await setup()
    const result = moved(await service.move({ path: OLD, slug: 'hello-again', expectedHash: hash }))
    const NEW = postPathFor('2025-01-10', 'hello-again')
    expect(result).toMatchObject({
      path: NEW,
      previousPath: OLD,
      assetDir: 'source/blog/2025-01-10-hello-again',
      git: true,
    })
    expect(result.post).toMatchObject({ path: NEW, slug: 'hello-again', title: 'こんにちは' })
    expect(await exists(root, OLD)).toBe(false)
    expect(await exists(root, OLD_ASSETS)).toBe(false)
    expect(await read(root, NEW)).toBe(TEXT)
    expect(result.text).toBe(TEXT)
    expect((await readdir(join(root, 'source/blog/2025-01-10-hello-again'))).sort()).toEqual([
      'eyecatch.png',
      'figure.png',
    ])
    // git knows: the renames are staged, the untracked image stays untracked.
    const status = await runGit(root, ['status', '--porcelain'])
    expect(status).toContain(`R  ${OLD} -> ${NEW}`)
    expect(status).toContain(
      `R  ${OLD_ASSETS}/eyecatch.png -> source/blog/2025-01-10-hello-again/eyecatch.png`,
    )
    expect(status).toContain('?? source/blog/2025-01-10-hello-again/figure.png')
    await runGit(root, ['commit', '-q', '-m', 'rename'])
    const history = await runGit(root, ['log', '--follow', '--name-only', '--format=', '--', NEW])
    expect(history.split('\n').filter(Boolean)).toEqual([NEW, OLD])
  })

  it('changes the date: moves to the new day and rewrites only the date line', async () => {
    const { root, service, hash, known } = await setup()
    const result = moved(
      await service.move({ path: OLD, date: '2025-02-03T09:30:00+09:00', expectedHash: hash }),
    )
    const NEW = postPathFor('2025-02-03', 'hello')
    expect(result.path).toBe(NEW)
    const text = await read(root, NEW)
    expect(text).toBe(TEXT.replace('2025-01-10T10:00:00+09:00', '2025-02-03T09:30:00+09:00'))
    expect(result.hash).toBe(hashBytes(Buffer.from(text)))
    expect(known.get(join(root, ...NEW.split('/')))?.hash).toBe(result.hash)
    expect(await exists(root, 'source/blog/2025-02-03-hello/eyecatch.png')).toBe(true)
    await runGit(root, ['add', '-A'])
    await runGit(root, ['commit', '-q', '-m', 'redate'])
    const history = await runGit(root, ['log', '--follow', '--name-only', '--format=', '--', NEW])
    expect(history.split('\n').filter(Boolean)).toEqual([NEW, OLD])
  })

  it('a date given as a day gets midnight in +09:00; a new time on the same day only edits the file', async () => {
    const { root, service, hash } = await setup()
    const sameDay = moved(
      await service.move({ path: OLD, date: '2025-01-10T18:00:00+09:00', expectedHash: hash }),
    )
    expect(sameDay.path).toBe(OLD)
    expect(await read(root, OLD)).toContain('date: 2025-01-10T18:00:00+09:00')
    const dayOnly = moved(
      await service.move({ path: OLD, date: '2025-01-11', expectedHash: sameDay.hash }),
    )
    expect(dayOnly.path).toBe(postPathFor('2025-01-11', 'hello'))
    expect(dayOnly.text).toContain('date: 2025-01-11T00:00:00+09:00')
  })

  it('keeps CRLF and a BOM when it rewrites the date', async () => {
    const crlf = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(TEXT.replace(/\n/g, '\r\n')),
    ])
    const { root, service, hash } = await setup({ text: crlf })
    const result = moved(
      await service.move({ path: OLD, date: '2025-03-01T10:00:00+09:00', expectedHash: hash }),
    )
    const bytes = await readFile(join(root, ...result.path.split('/')))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8').slice(1)).toBe(
      TEXT.replace('2025-01-10T10:00:00+09:00', '2025-03-01T10:00:00+09:00').replace(/\n/g, '\r\n'),
    )
  })

  it('moves with a plain rename when git does not track the post, or there is no git', async () => {
    for (const git of [true, false]) {
      const { root, service, hash } = await setup({ git })
      if (git) {
        await runGit(root, ['rm', '-q', '--cached', '-r', OLD, OLD_ASSETS])
      }
      const result = moved(await service.move({ path: OLD, slug: 'plain', expectedHash: hash }))
      expect(result.git).toBe(false)
      expect(await read(root, postPathFor('2025-01-10', 'plain'))).toBe(TEXT)
      expect(await exists(root, 'source/blog/2025-01-10-plain/figure.png')).toBe(true)
    }
  })

  it.each(['../x', 'a/b', 'CON', '', 'a'.repeat(300), 'emoji-😀', 'trailing.'])(
    'refuses the slug %j (P1) and moves nothing',
    async (slug) => {
      const { root, service, hash } = await setup()
      const result = await service.move({ path: OLD, slug, expectedHash: hash })
      expect(result.kind).toBe('invalid')
      expect(result.kind === 'invalid' && result.field).toBe('slug')
      expect(await read(root, OLD)).toBe(TEXT)
    },
  )

  it('refuses a slug another post uses, on any date, and an existing target', async () => {
    const { root, service, hash } = await setup()
    const taken = await service.move({ path: OLD, slug: 'taken', expectedHash: hash })
    expect(taken.kind === 'invalid' && taken.message.en).toContain(OTHER)
    await writeFiles(root, { 'source/blog/2025-01-10-busy/keep.png': PNG })
    const busy = await service.move({ path: OLD, slug: 'busy', expectedHash: hash })
    expect(busy.kind === 'invalid' && busy.message.en).toContain('already exists and holds files')
    expect(await exists(root, 'source/blog/2025-01-10-busy/keep.png')).toBe(true)
    expect(await read(root, OLD)).toBe(TEXT)
  })

  it('an empty folder already at the target gives way', async () => {
    const { root, service, hash } = await setup()
    await mkdir(join(root, 'source/blog/2025-01-10-empty'), { recursive: true })
    moved(await service.move({ path: OLD, slug: 'empty', expectedHash: hash }))
    expect(await exists(root, 'source/blog/2025-01-10-empty/eyecatch.png')).toBe(true)
  })

  it('refuses when the file changed on disk since the editor loaded it', async () => {
    const { root, service } = await setup()
    const result = await service.move({ path: OLD, slug: 'new', expectedHash: 'f'.repeat(64) })
    expect(result.kind).toBe('conflict')
    expect(await read(root, OLD)).toBe(TEXT)
  })

  it('says nothing changed for the same slug and date', async () => {
    const { service, hash } = await setup()
    expect(
      await service.move({
        path: OLD,
        slug: 'hello',
        date: '2025-01-10T10:00:00+09:00',
        expectedHash: hash,
      }),
    ).toEqual({
      kind: 'unchanged',
    })
  })

  it('undoes the move and keeps the file when the asset folder cannot move', async () => {
    const profile = { ...DEFAULT_PROFILE, assetPath: 'source/images/{year}/{slug}' }
    const { root, service, hash, bytes } = await setup({ profile })
    await writeFiles(root, { 'source/images/2025/hello/a.png': PNG })
    await runGit(root, ['add', '-A'])
    await runGit(root, ['commit', '-q', '-m', 'images'])
    // The new asset folder's parent is a file: the folder cannot be made or moved there.
    await writeFiles(root, { 'source/images/2026': 'not a folder' })
    const result = await service.move({
      path: OLD,
      date: '2026-01-01T10:00:00+09:00',
      expectedHash: hash,
    })
    expect(result.kind).toBe('error')
    expect(await readFile(join(root, ...OLD.split('/')))).toEqual(bytes)
    expect(await exists(root, postPathFor('2026-01-01', 'hello'))).toBe(false)
    expect(await exists(root, 'source/images/2025/hello/a.png')).toBe(true)
    // Everything was committed: after the undo, git sees no change at all.
    expect(
      await runGit(root, ['status', '--porcelain', '--', 'source/blog', 'source/images/2025']),
    ).toBe('')
    expect(result.kind === 'error' && result.message.en).toContain('still where they were')
  })

  it('undoes the move when the date cannot be written (broken YAML), never losing the file (D1)', async () => {
    const broken = '---\ntitle: "unclosed\ndate: 2025-01-10T10:00:00+09:00\n---\n\n本文\n'
    const { root, service, hash } = await setup({ text: broken })
    const result = await service.move({
      path: OLD,
      date: '2025-05-05T10:00:00+09:00',
      expectedHash: hash,
    })
    expect(result.kind).toBe('error')
    expect(result.kind === 'error' && result.message.en).toContain('move was undone')
    expect(await read(root, OLD)).toBe(broken)
    expect(await exists(root, `${OLD_ASSETS}/figure.png`)).toBe(true)
    expect(await exists(root, postPathFor('2025-05-05', 'hello'))).toBe(false)
  })

  it('refuses a symlinked post and an invalid date', async () => {
    const { root, service, hash } = await setup()
    const link = postPathFor('2025-01-11', 'link')
    await symlink(join(root, ...OLD.split('/')), join(root, ...link.split('/')))
    const linked = await service.move({ path: link, slug: 'moved-link', expectedHash: null })
    expect(linked.kind).toBe('error')
    const date = await service.move({ path: OLD, date: '2025-02-30', expectedHash: hash })
    expect(date.kind === 'invalid' && date.field).toBe('date')
  })
})

describe('listing a post’s asset folder', () => {
  it('lists files with sub-folders, marks images, hides dot files', async () => {
    const { root, service } = await setup()
    await writeFiles(root, {
      [`${OLD_ASSETS}/img/chart.webp`]: PNG,
      [`${OLD_ASSETS}/notes.txt`]: 'x',
    })
    await writeFile(join(root, OLD_ASSETS, '.DS_Store'), 'x')
    const result = await service.assets(OLD)
    expect(result).toEqual({
      kind: 'ok',
      assetDir: OLD_ASSETS,
      files: [
        { name: 'eyecatch.png', path: `${OLD_ASSETS}/eyecatch.png`, bytes: 8, isImage: true },
        { name: 'figure.png', path: `${OLD_ASSETS}/figure.png`, bytes: 8, isImage: true },
        { name: 'img/chart.webp', path: `${OLD_ASSETS}/img/chart.webp`, bytes: 8, isImage: true },
        { name: 'notes.txt', path: `${OLD_ASSETS}/notes.txt`, bytes: 1, isImage: false },
      ],
    })
  })

  it('is empty for a post without a folder, and refuses paths outside', async () => {
    const { service } = await setup()
    expect(await service.assets(OTHER)).toEqual({
      kind: 'ok',
      assetDir: 'source/blog/2024-06-01-taken',
      files: [],
    })
    expect((await service.assets('../outside.md')).kind).toBe('error')
  })
})
