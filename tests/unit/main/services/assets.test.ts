import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveAssetRequest } from '../../../../src/main/services/posts/assets'
import { makeTempDir, makeTempRepo, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

let root = ''
let outside = ''
beforeAll(async () => {
  outside = await makeTempDir('pw-outside-')
  await writeFile(join(outside, 'secret.png'), 'SECRET')
  root = await makeTempRepo({
    'source/blog/2025-01-01-a/eyecatch.png': 'png',
    'source/blog/2025-01-01-a/写真 1.JPG': 'jpg',
    'source/blog/2025-01-01-a/diagram.svg': '<svg/>',
    'source/blog/2025-01-01-a.html.md': 'post',
    'source/blog/2025-01-01-a/page.html': '<script>alert(1)</script>',
    '.env.png': 'hidden',
  })
  await symlink(join(outside, 'secret.png'), join(root, 'source/blog/2025-01-01-a/link.png'))
  await symlink(outside, join(root, 'source/blog/2025-01-01-a/linkdir'))
  await mkdir(join(root, 'source/blog/2025-01-01-a/folder.png'))
})

describe('resolveAssetRequest', () => {
  it('serves images inside the repository with their type (percent-encoded names too)', async () => {
    expect(await resolveAssetRequest(root, 'source/blog/2025-01-01-a/eyecatch.png')).toEqual({
      kind: 'file',
      absPath: join(root, 'source/blog/2025-01-01-a/eyecatch.png'),
      mime: 'image/png',
    })
    const encoded = `/source/blog/2025-01-01-a/${encodeURIComponent('写真 1.JPG')}`
    expect(await resolveAssetRequest(root, encoded)).toMatchObject({
      kind: 'file',
      mime: 'image/jpeg',
    })
    expect(await resolveAssetRequest(root, 'source/blog/2025-01-01-a/diagram.svg')).toMatchObject({
      kind: 'file',
      mime: 'image/svg+xml',
    })
  })

  it.each([
    ['../../../etc/passwd'],
    ['source/blog/../../../secret.png'],
    ['source/blog/2025-01-01-a/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    ['%2Fetc%2Fpasswd.png'],
    ['file:///etc/passwd'],
    ['source/blog/2025-01-01-a/link.png'],
    ['source/blog/2025-01-01-a/linkdir/secret.png'],
    ['source/blog/2025-01-01-a.html.md'],
    ['source/blog/2025-01-01-a/page.html'],
    ['.env.png'],
    ['.git/config'],
    ['a%00.png'],
    ['%E0%A4%A'],
  ])('P3/D11: refuses %j with 403', async (path) => {
    expect(await resolveAssetRequest(root, path)).toEqual({ kind: 'refused', status: 403 })
  })

  it('answers 404 for missing files, folders and no open repository', async () => {
    expect(await resolveAssetRequest(root, 'source/blog/nothing.png')).toEqual({
      kind: 'refused',
      status: 404,
    })
    expect(await resolveAssetRequest(root, 'source/blog/2025-01-01-a/folder.png')).toEqual({
      kind: 'refused',
      status: 404,
    })
    expect(await resolveAssetRequest('', 'source/blog/2025-01-01-a/eyecatch.png')).toEqual({
      kind: 'refused',
      status: 404,
    })
  })
})

describe('resolveAssetRequest for the app’s own files', () => {
  it('serves the renderer’s page and scripts only when asked with the app types', async () => {
    const { APP_FILE_TYPES } = await import('../../../../src/main/services/posts/assets')
    const app = await makeTempRepo({ 'index.html': '<!doctype html>', 'assets/index-abc.js': '' })
    expect(await resolveAssetRequest(app, 'index.html', { types: APP_FILE_TYPES })).toMatchObject({
      kind: 'file',
      mime: 'text/html; charset=utf-8',
    })
    expect(
      await resolveAssetRequest(app, 'assets/index-abc.js', { types: APP_FILE_TYPES }),
    ).toMatchObject({
      kind: 'file',
      mime: 'text/javascript; charset=utf-8',
    })
    expect(await resolveAssetRequest(app, 'index.html')).toEqual({ kind: 'refused', status: 403 })
  })
})
