import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkRelativePath, resolveInRepo } from '../../../../src/main/services/fs/paths'
import { makeTempDir, makeTempRepo, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

describe('checkRelativePath', () => {
  it.each([
    ['source/blog/a.md', 'source/blog/a.md'],
    ['./source//blog/a.md', 'source/blog/a.md'],
    ['source/x/../blog/a.md', 'source/blog/a.md'],
    ['source/blog/', 'source/blog'],
  ])('accepts %j as %j', (input, expected) => {
    expect(checkRelativePath(input)).toEqual({ kind: 'ok', relPath: expected })
  })

  it.each([
    ['', 'empty'],
    ['.', 'empty'],
    ['a\0b', 'NUL'],
    ['../x', '..'],
    ['a/../../x', '..'],
    ['../../../etc/passwd', '..'],
    ['/etc/passwd', 'outside'],
    ['file:///etc/passwd', 'outside'],
    ['FILE:/etc/passwd', 'outside'],
    ['C:/Windows/win.ini', 'outside'],
    ['~/secret', 'outside'],
    ['a\\..\\..\\x', '\\'],
    ['.git/config', '.git'],
    ['sub/.GIT/hooks/pre-commit', '.git'],
  ])('refuses %j with a reason mentioning %s', (input, hint) => {
    const r = checkRelativePath(input)
    expect(r.kind).toBe('refused')
    if (r.kind !== 'refused') return
    expect(r.reason.ja.length).toBeGreaterThan(5)
    const text = `${r.reason.en} ${r.reason.ja}`
    if (hint === 'empty') expect(r.reason.en).toMatch(/empty/)
    else if (hint === 'outside') expect(r.reason.en).toMatch(/outside the repository/)
    else expect(text).toContain(hint === 'NUL' ? 'NUL' : hint)
  })
})

describe('resolveInRepo (D11, P2, P3)', () => {
  it('resolves an existing file and a not-yet-existing one inside the repository', async () => {
    const root = await makeTempRepo({ 'source/blog/a.md': 'x' })
    const a = await resolveInRepo(root, 'source/blog/a.md')
    expect(a).toMatchObject({ kind: 'ok', relPath: 'source/blog/a.md', exists: true })
    const b = await resolveInRepo(root, 'source/blog/new/b.md')
    expect(b).toMatchObject({ kind: 'ok', exists: false })
    if (b.kind === 'ok')
      expect(b.realPath.endsWith(join('source', 'blog', 'new', 'b.md'))).toBe(true)
  })

  it('refuses a symlinked post whose real file is outside the repository', async () => {
    const outside = await makeTempDir()
    await writeFile(join(outside, 'secret.md'), 'secret')
    const root = await makeTempRepo({ 'source/blog/.keep': '' })
    await symlink(join(outside, 'secret.md'), join(root, 'source/blog/2025-01-01-x.html.md'))
    const r = await resolveInRepo(root, 'source/blog/2025-01-01-x.html.md')
    expect(r.kind).toBe('refused')
    if (r.kind === 'refused')
      expect(r.reason.en).toMatch(/symbolic link to a place outside the repository/)
  })

  it('refuses a path through a symlinked folder that leads outside, even for a file not there yet', async () => {
    const outside = await makeTempDir()
    const root = await makeTempRepo({ 'README.md': '' })
    await symlink(outside, join(root, 'images'))
    expect((await resolveInRepo(root, 'images/new.png')).kind).toBe('refused')
  })

  it('refuses a dangling symlink, which a later write would follow', async () => {
    const root = await makeTempRepo({ 'README.md': '' })
    await symlink('/nonexistent-pw-target/x.md', join(root, 'post.md'))
    const r = await resolveInRepo(root, 'post.md')
    expect(r.kind).toBe('refused')
    if (r.kind === 'refused') expect(r.reason.en).toMatch(/points at nothing/)
  })

  it('follows a symlink that stays inside the repository to its real file', async () => {
    const root = await makeTempRepo({ 'real/a.md': 'real' })
    await mkdir(join(root, 'links'))
    await symlink(join(root, 'real/a.md'), join(root, 'links/a.md'))
    const r = await resolveInRepo(root, 'links/a.md')
    expect(r).toMatchObject({ kind: 'ok', exists: true })
    if (r.kind === 'ok') expect(r.realPath.endsWith(join('real', 'a.md'))).toBe(true)
  })
})
