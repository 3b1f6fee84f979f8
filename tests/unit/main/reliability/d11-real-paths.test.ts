/**
 * D11 variants from issue 16: `.git` and other files reached through symlinks inside the
 * repository, and `posts:save` writing only post files and files in asset folders.
 */
import { execFile } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'
import { mkdir, readdir, readFile, symlink } from 'node:fs/promises'
import { promisify } from 'node:util'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import { postsServiceFor } from '../../../helpers/posts-service'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveAssetRequest } from '../../../../src/main/services/posts/assets'
import { ImageService } from '../../../../src/main/services/images/image-service'
import { resolveInRepo } from '../../../../src/main/services/fs/paths'
import { loadProofreadConfig } from '../../../../src/main/services/proofread/config'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import {
  makeTempDir,
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  writeFiles,
} from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

const A = postPathFor('2025-01-10', 'x')
const ASSETS = 'source/blog/2025-01-10-x'
const GIT_CONFIG = '[core]\n\trepositoryformatversion = 0\n'

async function setup(files: Record<string, string> = {}) {
  const root = await makeTempRepo({ '.git/config': GIT_CONFIG, 'source/blog/.keep': '', ...files })
  const posts = postsServiceFor(root)
  return { root, posts }
}

describe('D11: a committed symlink into .git', () => {
  it('is neither resolved, listed as a post, opened nor saved', async () => {
    const { root, posts } = await setup()
    await symlink('../../.git/config', join(root, A))
    const resolved = await resolveInRepo(root, A)
    expect(resolved.kind).toBe('refused')
    if (resolved.kind === 'refused') expect(resolved.reason.en).toMatch(/\.git folder/)

    const listed = (await posts.list()).find((p) => p.path === A)
    expect(listed?.problem?.en).toMatch(/\.git folder/)
    const read = await posts.read(A)
    expect(read.kind).toBe('error')
    expect(JSON.stringify(read)).not.toContain('repositoryformatversion')
    const saved = await posts.save({ path: A, text: 'pwned\n', expectedHash: null, force: true })
    expect(saved.kind).toBe('error')
    expect(await readFile(join(root, '.git/config'), 'utf8')).toBe(GIT_CONFIG)
  })

  it('refuses a post folder that is a symlink into .git', async () => {
    const { root } = await setup({
      '.git/info/2025-01-10-x.html.md': postText({ title: 'hidden' }),
    })
    await mkdir(join(root, 'src2'))
    await symlink('../.git/info', join(root, 'src2/blog'))
    const other = postsServiceFor(root, {
      ...DEFAULT_PROFILE,
      postPath: 'src2/blog/{year}-{month}-{day}-{slug}.html.md',
    })
    const listed = await other.list()
    expect(listed.every((p) => p.problem !== null)).toBe(true)
    expect(listed.map((p) => p.title)).not.toContain('hidden')
    expect((await other.read('src2/blog/2025-01-10-x.html.md')).kind).toBe('error')
  })

  it('writes no imported image into an asset folder linked to .git/hooks', async () => {
    const { root } = await setup({ '.git/hooks/README': 'hooks' })
    await symlink('../../.git/hooks', join(root, ASSETS))
    const images = new ImageService({
      repoRoot: () => root,
      eyecatchSize: () => ({ width: 1200, height: 630 }),
      siteName: () => 'Blog',
      resourcesDir: resolve('resources'),
    })
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#f00' },
    })
      .png()
      .toBuffer()
    const r = await images.importBody(ASSETS, new Uint8Array(png), 'pre-commit.png')
    expect(r.kind).toBe('error')
    expect(await readdir(join(root, '.git/hooks'))).toEqual(['README'])
  })

  it('serves nothing through the asset protocol that really lives in .git or a hidden folder', async () => {
    const { root } = await setup({ '.github/logo.png': 'png', '.git/x.png': 'png' })
    await mkdir(join(root, 'source/images'), { recursive: true })
    await symlink('../../.github/logo.png', join(root, 'source/images/logo.png'))
    await symlink('../../.git/x.png', join(root, 'source/images/x.png'))
    await symlink('../../.github', join(root, 'source/images/gh'))
    for (const path of [
      'source/images/logo.png',
      'source/images/x.png',
      'source/images/gh/logo.png',
    ])
      expect(await resolveAssetRequest(root, `/${path}`)).toEqual({ kind: 'refused', status: 403 })
  })
})

describe('D11: a new post reads no listed post through a link out of the repository', () => {
  it('is created even when the newest listed post is a link to a FIFO elsewhere (it would wait forever)', async () => {
    const away = await makeTempDir('pw-fifo-')
    const fifo = join(away, 'pipe')
    await promisify(execFile)('mkfifo', [fifo])
    const { root, posts } = await setup({ [postPathFor('2025-05-01', 'older')]: postText({}) })
    await symlink(fifo, join(root, postPathFor('2025-06-01', 'pipe')))
    try {
      const created = await Promise.race([
        posts.create({ title: 'New', slug: 'new-post' }),
        new Promise((r) => setTimeout(() => r('still waiting after 5 s'), 5000)),
      ])
      expect(created).toMatchObject({ kind: 'created' })
    } finally {
      // Release a reader stuck on the FIFO, so the test process can end either way.
      closeSync(openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK))
    }
  })
})

describe('D11: posts:save writes only post files and files in asset folders', () => {
  it.each(['Gemfile', '.github/workflows/deploy.yml', '.portal-writer.yml', 'config.rb'])(
    'refuses %s and leaves it as it was',
    async (path) => {
      const { root, posts } = await setup({ [path]: 'original\n' })
      const r = await posts.save({ path, text: 'rewritten\n', expectedHash: null, force: true })
      expect(r.kind).toBe('error')
      if (r.kind === 'error') expect(r.message.en).toMatch(/neither a post file/)
      expect(await readFile(join(root, path), 'utf8')).toBe('original\n')
    },
  )

  it('refuses a post-named symlink that leads to Gemfile', async () => {
    const { root, posts } = await setup({ Gemfile: 'original\n' })
    await symlink('../../Gemfile', join(root, A))
    const r = await posts.save({ path: A, text: 'rewritten\n', expectedHash: null, force: true })
    expect(r.kind).toBe('error')
    expect(await readFile(join(root, 'Gemfile'), 'utf8')).toBe('original\n')
  })

  it('saves a post and a text file inside its asset folder', async () => {
    const { root, posts } = await setup()
    expect((await posts.save({ path: A, text: 'post\n', expectedHash: null })).kind).toBe('saved')
    const note = `${ASSETS}/notes.md`
    expect((await posts.save({ path: note, text: 'n\n', expectedHash: null })).kind).toBe('saved')
    expect(await readFile(join(root, note), 'utf8')).toBe('n\n')
  })
})

describe('D11: the proofreading configuration is read only where its real path is', () => {
  const SECRET = 'SECRET-outside-0123'
  async function outside(files: Record<string, string>): Promise<string> {
    const dir = await makeTempDir('pw-outside-')
    await writeFiles(dir, files)
    return dir
  }

  it('refuses a .textlintrc linked out of the repository, with the reason, and reads none of it', async () => {
    const away = await outside({ 'rc.json': `{ "rules": { "${SECRET}": true } }` })
    const { root } = await setup()
    await symlink(join(away, 'rc.json'), join(root, '.textlintrc.json'))
    const config = await loadProofreadConfig(root)
    expect(JSON.stringify(config)).not.toContain(SECRET)
    expect(config.notices.map((n) => n.en)).toEqual([
      expect.stringMatching(/^\.textlintrc\.json: .*outside the repository/),
    ])
  })

  it('refuses a prh dictionary linked out of the repository or into .git', async () => {
    const away = await outside({
      'dict.yml': `version: 1\nrules:\n  - expected: ${SECRET}\n    pattern: /ポータブル/\n`,
    })
    const { root } = await setup({
      '.textlintrc.yml': 'rules:\n  prh:\n    rulePaths: [dict/out.yml, dict/git.yml]\n',
      '.git/prh.yml': `version: 1\nrules:\n  - expected: ${SECRET}\n    pattern: /x/\n`,
    })
    await mkdir(join(root, 'dict'))
    await symlink(join(away, 'dict.yml'), join(root, 'dict/out.yml'))
    await symlink('../.git/prh.yml', join(root, 'dict/git.yml'))
    const config = await loadProofreadConfig(root)
    expect(JSON.stringify(config.engine)).not.toContain(SECRET)
    expect(config.notices.map((n) => n.en)).toEqual([
      expect.stringMatching(/dict\/out\.yml.*outside the repository/),
      expect.stringMatching(/dict\/git\.yml.*\.git folder/),
    ])
  })
})
