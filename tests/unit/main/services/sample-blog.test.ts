import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  ensureSampleRepo,
  SAMPLE_DIR,
  SAMPLE_MARKER,
  SAMPLE_ORIGIN_DIR,
} from '../../../../src/main/services/repo/sample-blog'
import { makeSampleSource, makeTempDir, removeTempDirs, runGit } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

describe('ensureSampleRepo', () => {
  it('copies the sample, commits it as Portal Writer and pushes main to a bare origin', async () => {
    const source = await makeSampleSource()
    const dataDir = await makeTempDir('pw-data-')
    const r = await ensureSampleRepo(dataDir, source)
    expect(r).toEqual({ kind: 'ok', root: join(dataDir, SAMPLE_DIR), git: true, message: null })
    const root = join(dataDir, SAMPLE_DIR)
    expect(
      await readFile(join(root, 'source/blog/2025-01-10-hello-world.html.md'), 'utf8'),
    ).toContain('はじめての記事')
    // A real commit with everything in it, by the sample identity.
    expect((await runGit(root, ['log', '--format=%an <%ae>'])).trim()).toBe(
      'Portal Writer <sample@portal-writer.invalid>',
    )
    expect((await runGit(root, ['ls-files'])).trim().split('\n').sort()).toEqual([
      'README.md',
      'source/blog/2025-01-10-hello-world.html.md',
      'source/blog/2025-01-10-hello-world/eyecatch.png',
    ])
    expect((await runGit(root, ['status', '--porcelain'])).trim()).toBe('')
    expect((await runGit(root, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('main')
    // origin is a bare repository that has main, and main tracks it.
    const origin = join(dataDir, SAMPLE_ORIGIN_DIR)
    expect((await runGit(origin, ['rev-parse', '--is-bare-repository'])).trim()).toBe('true')
    expect((await runGit(origin, ['rev-parse', 'main'])).trim()).toBe(
      (await runGit(root, ['rev-parse', 'HEAD'])).trim(),
    )
    expect((await runGit(root, ['rev-parse', '--abbrev-ref', 'main@{upstream}'])).trim()).toBe(
      'origin/main',
    )
    expect((await runGit(root, ['remote', 'get-url', 'origin'])).trim()).toBe(origin)
  })

  it('needs no git identity of the user and never writes git config outside the sample', async () => {
    const source = await makeSampleSource()
    const dataDir = await makeTempDir('pw-data-')
    const home = await makeTempDir('pw-home-')
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME }
    process.env.HOME = home
    process.env.XDG_CONFIG_HOME = join(home, '.config')
    try {
      const r = await ensureSampleRepo(dataDir, source)
      expect(r).toMatchObject({ kind: 'ok', git: true })
    } finally {
      process.env.HOME = saved.HOME
      if (saved.XDG_CONFIG_HOME === undefined) delete process.env.XDG_CONFIG_HOME
      else process.env.XDG_CONFIG_HOME = saved.XDG_CONFIG_HOME
    }
    expect(await readdir(home)).toEqual([])
    expect(await readFile(join(dataDir, SAMPLE_DIR, '.git/config'), 'utf8')).not.toMatch(/\[user\]/)
  })

  it('is idempotent: a second start keeps the writer’s edits and the history', async () => {
    const source = await makeSampleSource()
    const dataDir = await makeTempDir('pw-data-')
    await ensureSampleRepo(dataDir, source)
    const root = join(dataDir, SAMPLE_DIR)
    await writeFile(join(root, 'draft.md'), 'my unsaved work')
    const head = await runGit(root, ['rev-parse', 'HEAD'])
    const again = await ensureSampleRepo(dataDir, source)
    expect(again).toMatchObject({ kind: 'ok', git: true })
    expect(await readFile(join(root, 'draft.md'), 'utf8')).toBe('my unsaved work')
    expect(await runGit(root, ['rev-parse', 'HEAD'])).toBe(head)
  })

  it('redoes a half-made copy left by a crash (no marker), and removes staging leftovers', async () => {
    const source = await makeSampleSource()
    const dataDir = await makeTempDir('pw-data-')
    // What a crash mid-copy leaves: a partial folder, a partial origin, a staging folder, no marker.
    await mkdir(join(dataDir, SAMPLE_DIR, 'source'), { recursive: true })
    await mkdir(join(dataDir, SAMPLE_ORIGIN_DIR))
    await mkdir(join(dataDir, `${SAMPLE_DIR}.staging-deadbeef`))
    const r = await ensureSampleRepo(dataDir, source)
    expect(r).toMatchObject({ kind: 'ok', git: true })
    expect((await readdir(dataDir)).sort()).toEqual([SAMPLE_DIR, SAMPLE_MARKER, SAMPLE_ORIGIN_DIR])
    expect(
      (await runGit(join(dataDir, SAMPLE_DIR), ['log', '--oneline'])).trim().split('\n'),
    ).toHaveLength(1)
  })

  it('G9: without git the sample still opens, with a message saying so; later, with git, it becomes a repository', async () => {
    const source = await makeSampleSource()
    const dataDir = await makeTempDir('pw-data-')
    const r = await ensureSampleRepo(dataDir, source, { git: '/nonexistent/bin/git' })
    expect(r).toMatchObject({ kind: 'ok', git: false })
    if (r.kind !== 'ok') return
    expect(r.message?.en).toMatch(/git was not found.*install git/)
    expect(r.message?.ja).toContain('git をインストール')
    const root = join(dataDir, SAMPLE_DIR)
    expect((await stat(join(root, 'README.md'))).isFile()).toBe(true)
    await expect(stat(join(root, '.git'))).rejects.toThrow()
    await writeFile(join(root, 'edited.md'), 'written while git was missing')
    const later = await ensureSampleRepo(dataDir, source)
    expect(later).toMatchObject({ kind: 'ok', git: true, message: null })
    expect((await runGit(root, ['ls-files', 'edited.md'])).trim()).toBe('edited.md')
    expect(
      (await runGit(join(dataDir, SAMPLE_ORIGIN_DIR), ['rev-parse', '--verify', 'main'])).trim(),
    ).toMatch(/^[0-9a-f]{40}$/)
  })

  it('a complete copy whose .git was removed keeps the writer’s files and gets a repository again', async () => {
    const source = await makeSampleSource()
    const dataDir = await makeTempDir('pw-data-')
    await ensureSampleRepo(dataDir, source)
    const root = join(dataDir, SAMPLE_DIR)
    await rm(join(root, '.git'), { recursive: true, force: true })
    await writeFile(join(root, 'mine.md'), 'keep me')
    const r = await ensureSampleRepo(dataDir, source)
    expect(r).toMatchObject({ kind: 'ok', git: true })
    expect(await readFile(join(root, 'mine.md'), 'utf8')).toBe('keep me')
    expect((await runGit(root, ['ls-files', 'mine.md'])).trim()).toBe('mine.md')
  })

  it('reports a missing sample source plainly', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const r = await ensureSampleRepo(dataDir, join(dataDir, 'no-such-source'))
    expect(r.kind === 'error' && r.message.en).toMatch(/sample blog .* is missing/)
    await rm(dataDir, { recursive: true, force: true })
  })
})
