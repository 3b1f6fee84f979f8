/**
 * Issue 16 leftover (D5): the token file is written by the one temp-file rule, so a write that was
 * killed before its rename leaves a name the data folder's start-up cleanup removes.
 */
import type * as FsPromises from 'node:fs/promises'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

/** Temp paths handed to `rename` (every writer renames its temp file over the target). */
const renamed: string[] = []
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  return {
    ...real,
    rename: async (from: string, to: string) => {
      renamed.push(String(from))
      return real.rename(from, to)
    },
  }
})

const { createFileTokenStore } = await import('../../../../src/main/services/publish/credentials')
const { AtomicWriter } = await import('../../../../src/main/services/fs/atomic-file')
const { SettingsStore } = await import('../../../../src/main/services/repo/settings')
const { isTempFileName } = await import('../../../../src/main/services/fs/temp-files')

const dirs: string[] = []
afterEach(async () => {
  renamed.length = 0
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

const encryption = {
  encrypt: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
  decrypt: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
}

describe('D5: the token file follows the temp-file rule', () => {
  it('writes through a temp name that the data folder cleanup removes when left behind', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pw-data-'))
    dirs.push(dataDir)
    const file = join(dataDir, 'tokens.json')
    const store = createFileTokenStore({ file, encryption })
    await store.set('github.com', 'ghp_secret')

    const temp = renamed.find((p) => dirname(p) === dataDir)
    expect(temp).toBeDefined()
    expect(isTempFileName(basename(temp!))).toBe(true)
    // The file itself is private and no temp file is left after a finished write.
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readdir(dataDir)).toEqual(['tokens.json'])

    // A write killed before its rename leaves exactly that name: start-up removes it.
    await writeFile(temp!, '{"version":1,"tok')
    await new SettingsStore(dataDir, new AtomicWriter()).load()
    expect(await readdir(dataDir)).toEqual(['tokens.json'])
    expect(await store.get('github.com')).toBe('ghp_secret')
  })
})
