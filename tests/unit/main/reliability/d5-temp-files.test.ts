/** D5 with issue 16's item 7: one temp-file naming rule and one start-up cleanup for every writer. */
import { readdir } from 'node:fs/promises'
import { basename } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeNewFile } from '../../../../src/main/services/images/asset-write'
import {
  cleanRepoTempFiles,
  isTempFileName,
  tempPathFor,
  tempPathIn,
} from '../../../../src/main/services/fs/temp-files'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { makeTempRepo, removeTempDirs } from '../../../helpers/temp-repo'
import {
  cleanup,
  makeBareRemote,
  makeBlogRepo,
  makeService,
  put,
  sh,
  writePost,
} from '../services/git/fixtures'

afterAll(removeTempDirs)

const ASSETS = 'source/blog/2025-01-10-x'

describe('D5: temp files of every writer', () => {
  it('names image temp files and post temp files by the same rule', () => {
    expect(isTempFileName(basename(tempPathIn('/r/source/blog/x', 'image')))).toBe(true)
    expect(isTempFileName(basename(tempPathFor('/r/source/blog/x.html.md')))).toBe(true)
    for (const name of ['photo.png', '.gitkeep', '.env', 'x.tmp', '.photo.png.swp'])
      expect(isTempFileName(name)).toBe(false)
  })

  it('removes a leftover image temp file (old and new names) at start-up, and nothing else', async () => {
    const root = await makeTempRepo({
      [`${ASSETS}/.portal-writer-0123456789ab.tmp`]: 'half an image',
      [`${ASSETS}/.image.pw-tmp-0123456789ab`]: 'half an image',
      [`${ASSETS}/photo.png`]: 'png',
      [`${ASSETS}/.gitkeep`]: '',
      'source/blog/.2025-01-10-x.html.md.pw-tmp-abcdefabcdef': 'half a post',
    })
    const removed = await cleanRepoTempFiles(root, DEFAULT_PROFILE)
    expect(removed.map((p) => basename(p)).sort()).toEqual([
      '.2025-01-10-x.html.md.pw-tmp-abcdefabcdef',
      '.image.pw-tmp-0123456789ab',
      '.portal-writer-0123456789ab.tmp',
    ])
    expect((await readdir(`${root}/${ASSETS}`)).sort()).toEqual(['.gitkeep', 'photo.png'])
  })

  it('leaves no temp file after an image write', async () => {
    const root = await makeTempRepo({ [`${ASSETS}/a.png`]: 'x' })
    const dir = `${root}/${ASSETS}`
    expect(await writeNewFile(dir, ['a.png', 'b.png'], new Uint8Array([1, 2, 3]))).toEqual({
      kind: 'ok',
      fileName: 'b.png',
    })
    expect((await readdir(dir)).filter(isTempFileName)).toEqual([])
  })
})

describe('D5: publishing never sends temp files, dotfiles or editor swap files', () => {
  it('sends only the post and its real images from a folder full of leftovers', async () => {
    const bare = await makeBareRemote()
    const root = await makeBlogRepo(bare)
    try {
      const { service } = await makeService(root)
      const post = await writePost(root, 'leftovers', { images: 1 })
      const leftovers = [
        '.portal-writer-0123456789ab.tmp',
        '.image-1.png.pw-tmp-0123456789ab',
        '.image-1.png.swp',
        'image-1.png~',
        '#notes.md#',
        '.DS_Store',
        '.hidden/x.png',
        'photo.jpg.crdownload',
      ]
      for (const name of leftovers) await put(root, `${post.assetDir}/${name}`, 'junk')
      const status = await service.status(post.path)
      expect(status.kind === 'ok' && status.status.files.map((f) => f.path)).toEqual([
        post.path,
        `${post.assetDir}/image-1.png`,
      ])
      expect((await service.publish({ path: post.path })).kind).toBe('published')
      const sent = await sh(bare, 'diff', '--name-only', 'main', 'post/leftovers')
      expect(sent.trim().split('\n').sort()).toEqual(
        [post.path, `${post.assetDir}/image-1.png`].sort(),
      )
    } finally {
      await cleanup(bare, root)
    }
  })
})
