import { readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../../src/main/services/fs/atomic-file'
import { readRepoProfile, RepoService } from '../../../../src/main/services/repo/repo'
import { SETTINGS_FILE, SettingsStore } from '../../../../src/main/services/repo/settings'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { makeTempDir, makeTempRepo, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

async function service(sampleRoot: string | null = null) {
  const dataDir = await makeTempDir('pw-data-')
  const settings = new SettingsStore(dataDir, new AtomicWriter())
  await settings.load()
  return { repo: new RepoService({ settings, sampleRoot }), settings, dataDir }
}

describe('RepoService.open', () => {
  it('opens a folder with the default profile and remembers it', async () => {
    const root = await makeTempRepo({ 'source/blog/.keep': '' })
    const { repo, dataDir } = await service()
    const r = await repo.open(root)
    expect(r).toMatchObject({
      kind: 'ok',
      repo: { profile: DEFAULT_PROFILE, profileError: null, isSample: false },
    })
    expect(repo.current()?.name).toBe(root.split('/').pop())
    const saved = JSON.parse(await readFile(join(dataDir, SETTINGS_FILE), 'utf8')) as {
      lastRepoPath: string
    }
    expect(saved.lastRepoPath).toBe(repo.current()?.root)
  })

  it('says when a folder does not look like a blog, naming the postPath it looked for', async () => {
    const root = await makeTempRepo({ 'README.md': '# not a blog\n', 'src/index.ts': '' })
    const { repo } = await service()
    const r = await repo.open(root)
    expect(r.kind).toBe('ok')
    const warning = r.kind === 'ok' ? r.repo.warning : null
    expect(warning?.ja).toContain('記事が見つかりません')
    expect(warning?.ja).toContain(DEFAULT_PROFILE.postPath)
    expect(warning?.en).toContain(DEFAULT_PROFILE.postPath)
    // A blog with no posts yet (its posts folder is there) is not warned about.
    const empty = await makeTempRepo({ 'source/blog/.keep': '' })
    const opened = await repo.open(empty)
    expect(opened.kind === 'ok' && opened.repo.warning).toBeFalsy()
  })

  it('says clearly when the folder is missing or is a file, and keeps the open one', async () => {
    const root = await makeTempRepo({ 'file.txt': 'x' })
    const { repo } = await service()
    await repo.open(root)
    const missing = await repo.open(join(root, 'nope'))
    expect(missing.kind === 'error' && missing.message.en).toMatch(/was not found/)
    const file = await repo.open(join(root, 'file.txt'))
    expect(file.kind === 'error' && file.message.en).toMatch(/is not a folder/)
    expect(repo.current()?.root).toBe(root)
  })

  it('reads .portal-writer.yml over the defaults', async () => {
    const root = await makeTempRepo({
      '.portal-writer.yml': "siteName: My Blog\npostPath: posts/{slug}.md\ntimezone: '-05:00'\n",
    })
    const { repo } = await service()
    const r = await repo.open(root)
    expect(r.kind === 'ok' && r.repo.profile).toMatchObject({
      siteName: 'My Blog',
      postPath: 'posts/{slug}.md',
      timezone: '-05:00',
      baseBranch: 'main',
    })
  })

  it.each([
    ['siteName: ok\npostPath: source/{year}.md\n', 2, /postPath/],
    ['siteName: ok\n\nsiteNme: typo\n', 3, /"siteNme" is not a known setting/],
    ['siteName: ok\n\tsiteUrl: x\n', 2, /not valid YAML: Tabs/],
    ["siteName: ok\ntimezone: '9'\n", 2, /timezone/],
  ])(
    'an invalid profile gives the defaults and the error with its line (%#)',
    async (text, line, message) => {
      const root = await makeTempRepo({ '.portal-writer.yml': text })
      const { repo } = await service()
      const r = await repo.open(root)
      expect(r.kind).toBe('ok')
      if (r.kind !== 'ok') return
      expect(r.repo.profile).toEqual(DEFAULT_PROFILE)
      expect(r.repo.profileError?.line).toBe(line)
      expect(r.repo.profileError?.message.en).toMatch(message)
    },
  )

  it('refuses a profile that is a symlink out of the repository', async () => {
    const outside = await makeTempDir()
    await writeFile(join(outside, 'p.yml'), 'siteName: Evil\n')
    const root = await makeTempRepo({ 'README.md': '' })
    await symlink(join(outside, 'p.yml'), join(root, '.portal-writer.yml'))
    const profile = await readRepoProfile(root)
    expect(profile.profile.siteName).toBe(DEFAULT_PROFILE.siteName)
    expect(profile.profileError?.message.en).toMatch(/outside the repository/)
  })

  it('D5: cleans temp files a killed save left, and keeps the whole old post', async () => {
    const root = await makeTempRepo({
      'source/blog/2025-01-01-a.html.md': 'whole old version\n',
      'source/blog/.2025-01-01-a.html.md.pw-tmp-0123456789ab': 'half of the new ve',
      'source/blog/2025-01-01-a/.eyecatch.png.pw-tmp-abcdefabcdef': 'half an image',
    })
    const { repo } = await service()
    await repo.open(root)
    expect(await readdir(join(root, 'source/blog'))).toEqual([
      '2025-01-01-a',
      '2025-01-01-a.html.md',
    ])
    expect(await readdir(join(root, 'source/blog/2025-01-01-a'))).toEqual([])
    expect(await readFile(join(root, 'source/blog/2025-01-01-a.html.md'), 'utf8')).toBe(
      'whole old version\n',
    )
  })

  it('marks the sample copy as the sample, and can open it without remembering it', async () => {
    const sample = await makeTempRepo({ 'README.md': '' })
    const { repo, settings } = await service(sample)
    const r = await repo.open(sample, { remember: false })
    expect(r.kind === 'ok' && r.repo.isSample).toBe(true)
    expect(settings.get().lastRepoPath).toBeNull()
  })

  it('tells listeners about the new repository before open returns', async () => {
    const root = await makeTempRepo()
    const { repo } = await service()
    const seen: string[] = []
    repo.onChange(async (info) => {
      await new Promise((r) => setTimeout(r, 20))
      seen.push(info?.root ?? 'none')
    })
    await repo.open(root)
    expect(seen).toEqual([root])
  })
})

describe('SettingsStore', () => {
  it('survives a damaged settings file and a stray temp file, and writes a good one', async () => {
    const dataDir = await makeTempDir('pw-data-')
    await writeFile(join(dataDir, SETTINGS_FILE), '{"version":1,"lastRepoPath":')
    await writeFile(join(dataDir, `.${SETTINGS_FILE}.pw-tmp-0123456789ab`), '{')
    const settings = new SettingsStore(dataDir, new AtomicWriter())
    expect(await settings.load()).toEqual({ version: 1, lastRepoPath: null })
    expect(await settings.update({ lastRepoPath: '/some/repo' })).toBe(true)
    const again = new SettingsStore(dataDir, new AtomicWriter())
    expect((await again.load()).lastRepoPath).toBe('/some/repo')
    expect(await readdir(dataDir)).toEqual([SETTINGS_FILE])
  })
})
