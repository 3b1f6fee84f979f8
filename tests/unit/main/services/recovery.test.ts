import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RecoveryJournal } from '../../../../src/main/services/posts/recovery'
import { makeTempDir, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

const CHILD = join(process.cwd(), 'tests/helpers/recovery-child.ts')
const POST = 'source/blog/2026-01-02-hello.html.md'

describe('RecoveryJournal', () => {
  it('keeps an entry per repository and post, and a fresh journal on the same folder finds it', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const journal = new RecoveryJournal({ dataDir, now: () => 1000 })
    expect(await journal.write('/repo/a', POST, '# 書きかけ\n', 'hash-1')).toEqual({ kind: 'ok' })
    expect(await journal.write('/repo/b', POST, 'other repo', null)).toEqual({ kind: 'ok' })

    const next = new RecoveryJournal({ dataDir })
    expect(await next.list('/repo/a')).toEqual([
      { path: POST, text: '# 書きかけ\n', baseHash: 'hash-1', savedAt: 1000 },
    ])
    expect((await next.list('/repo/b')).map((e) => e.text)).toEqual(['other repo'])
    expect(await next.list('/repo/c')).toEqual([])
  })

  it('stores the file under hashed names, private to the user', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const journal = new RecoveryJournal({ dataDir })
    await journal.write('/repo/a', POST, 'text', 'h')
    const file = journal.fileOf('/repo/a', POST)
    expect(file.startsWith(join(dataDir, 'recovery'))).toBe(true)
    expect(file).toMatch(/recovery\/[0-9a-f]{24}\/[0-9a-f]{24}\.json$/)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      repoRoot: '/repo/a',
      path: POST,
      text: 'text',
      baseHash: 'h',
    })
  })

  it('replaces the entry on each write and leaves no temp files', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const journal = new RecoveryJournal({ dataDir })
    for (let i = 0; i < 20; i++) void journal.write('/repo', POST, `version ${i}`, 'h')
    await journal.idle()
    expect((await journal.list('/repo')).map((e) => e.text)).toEqual(['version 19'])
    expect(await readdir(journal.folderOf('/repo'))).toHaveLength(1)
  })

  it('a removal after a write wins, whatever the timing (saved posts are not restored)', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const journal = new RecoveryJournal({ dataDir })
    const write = journal.write('/repo', POST, 'unsaved', 'h')
    const removal = journal.remove('/repo', POST)
    expect(await write).toEqual({ kind: 'ok' })
    expect(await removal).toEqual({ kind: 'ok' })
    expect(await journal.list('/repo')).toEqual([])
    // Removing what is not there is fine.
    expect(await journal.remove('/repo', POST)).toEqual({ kind: 'ok' })
  })

  it('refuses paths that are not repository-relative', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const journal = new RecoveryJournal({ dataDir })
    expect(await journal.write('/repo', '../etc/passwd', 'x', null)).toEqual({
      kind: 'error',
      code: 'EINVAL',
    })
    expect(await journal.write('/repo', '/abs.md', 'x', null)).toMatchObject({ kind: 'error' })
    expect(await journal.list('/repo')).toEqual([])
  })

  it('skips unreadable, foreign and torn files instead of failing the start', async () => {
    const dataDir = await makeTempDir('pw-data-')
    const journal = new RecoveryJournal({ dataDir, now: () => 5 })
    await journal.write('/repo', POST, 'good', 'h')
    const folder = journal.folderOf('/repo')
    await writeFile(join(folder, `${'a'.repeat(24)}.json`), '{"version":1,"repoRoot":"/repo"')
    await writeFile(join(folder, `${'b'.repeat(24)}.json`), JSON.stringify({ hello: 1 }))
    await writeFile(join(folder, 'notes.txt'), 'ignored')
    await mkdir(join(folder, `${'c'.repeat(24)}.json`))
    expect((await journal.list('/repo')).map((e) => e.text)).toEqual(['good'])
  })

  it('reports a write that cannot happen as a value (the data folder is a file)', async () => {
    const dataDir = await makeTempDir('pw-data-')
    await writeFile(join(dataDir, 'recovery'), 'in the way')
    const journal = new RecoveryJournal({ dataDir })
    const r = await journal.write('/repo', POST, 'text', null)
    expect(r.kind).toBe('error')
  })

  it('an entry written before the process is killed is found by the next start (D6)', async () => {
    const dataDir = await makeTempDir('pw-data-')
    // The child journals, says so, and then hangs until killed: no clean shutdown at all.
    // Node itself with tsx's loader (not the tsx wrapper), so the kill reaches the journaling process.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dataDir, '/repo', POST, '殺される前の編集'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('journaled')) resolve()
      })
      child.on('exit', (code) => reject(new Error(`child exited early (${String(code)})`)))
    })
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    const entries = await new RecoveryJournal({ dataDir }).list('/repo')
    expect(entries.map((e) => [e.path, e.text])).toEqual([[POST, '殺される前の編集']])
  })
})
