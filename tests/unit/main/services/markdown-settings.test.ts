import { rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../../src/main/services/fs/atomic-file'
import { readMarkdownSettings } from '../../../../src/main/services/repo/markdown-settings'
import { RepoService } from '../../../../src/main/services/repo/repo'
import { SettingsStore } from '../../../../src/main/services/repo/settings'
import { DEFAULT_MARKDOWN_SETTINGS } from '../../../../src/shared/markdown'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { startAppServices } from '../../../helpers/app-services'
import { makeTempDir, makeTempRepo, removeTempDirs, waitFor } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

const CONFIG =
  "set :markdown, input: 'GFM', toc_levels: 2..4, smart_quotes: 'lsquo,rsquo,ldquo,rdquo'\n"

describe('the markdown settings a repository renders with', () => {
  it('are the blog’s defaults without config.rb or a markdown: key', async () => {
    const root = await makeTempRepo({ 'README.md': 'x' })
    const inForce = await readMarkdownSettings(root, DEFAULT_PROFILE)
    expect(inForce.settings).toEqual(DEFAULT_MARKDOWN_SETTINGS)
    expect(inForce.notes).toEqual([])
  })

  it('come from config.rb, with the profile’s markdown: key over it', async () => {
    const root = await makeTempRepo({ 'config.rb': CONFIG })
    const inForce = await readMarkdownSettings(root, {
      ...DEFAULT_PROFILE,
      markdown: { toc_levels: '2..3' },
    })
    expect(inForce.settings.tocLevels).toEqual([2, 3])
    expect(inForce.settings.smartQuotes).toEqual(['lsquo', 'rsquo', 'ldquo', 'rdquo'])
    expect(inForce.sources).toMatchObject({ tocLevels: 'profile', smartQuotes: 'config.rb' })
  })

  it('never read a config.rb that is a link leaving the repository', async () => {
    const outside = await makeTempDir('pw-outside-')
    await writeFile(join(outside, 'config.rb'), CONFIG)
    const root = await makeTempRepo({ 'README.md': 'x' })
    await symlink(join(outside, 'config.rb'), join(root, 'config.rb'))
    const inForce = await readMarkdownSettings(root, DEFAULT_PROFILE)
    expect(inForce.settings).toEqual(DEFAULT_MARKDOWN_SETTINGS)
  })

  it('travel with the open repository to the renderer', async () => {
    const root = await makeTempRepo({ 'config.rb': CONFIG })
    const settings = new SettingsStore(await makeTempDir('pw-data-'), new AtomicWriter())
    await settings.load()
    const r = await new RepoService({ settings }).open(root)
    expect(r.kind === 'ok' && r.repo.markdown?.sources.tocLevels).toBe('config.rb')
  })
})

describe('config.rb edited while the app runs', () => {
  it('is read again: main’s repository and the renderer (an event) get the new settings', async () => {
    const root = await makeTempRepo({ 'config.rb': CONFIG })
    const { services, emitted } = await startAppServices({
      watch: { debounceMs: 40, pollMs: 100 },
    })
    try {
      const opened = await services.repo.open(root)
      expect(opened.kind).toBe('ok')
      const changes = () => emitted.filter((e) => e.event === 'repo:markdown-changed')
      await writeFile(
        join(root, 'config.rb'),
        "set :markdown, input: 'GFM', smart_quotes: 'apos,apos,quot,quot', toc_levels: 2..4\n",
      )
      await waitFor(() => changes().length > 0)
      expect(changes()[0]!.payload).toMatchObject({
        root: services.repo.current()!.root,
        markdown: { settings: { smartQuotes: ['apos', 'apos', 'quot', 'quot'] } },
      })
      expect(services.repo.current()!.markdown?.settings.smartQuotes).toEqual([
        'apos',
        'apos',
        'quot',
        'quot',
      ])
      // Removing it falls back to the blog's defaults; an unchanged read sends nothing.
      await rm(join(root, 'config.rb'))
      await waitFor(() => changes().length > 1)
      expect(services.repo.current()!.markdown?.settings).toEqual(DEFAULT_MARKDOWN_SETTINGS)
      await new Promise((r) => setTimeout(r, 400))
      expect(changes()).toHaveLength(2)
    } finally {
      await services.dispose()
    }
  })
})
