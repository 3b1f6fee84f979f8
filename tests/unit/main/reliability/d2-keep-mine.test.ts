/**
 * D2 variant from issue 16 item 6: a second external write just before "keep mine" is never
 * overwritten unseen. The editor's session runs against the real PostsService on a real folder
 * (no watcher, so the second write is exactly the one nobody was told about).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { postsServiceFor } from '../../../helpers/posts-service'
import { afterAll, describe, expect, it } from 'vitest'
import { BackupStore } from '../../../../src/main/services/posts/backups'
import { DocSession, isNotSaved } from '../../../../src/renderer/src/save/doc-session'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { makeTempDir, makeTempRepo, postPathFor, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

const A = postPathFor('2025-04-01', 'keep-mine')

async function setup() {
  const root = await makeTempRepo({ [A]: 'original\n' })
  const dataDir = await makeTempDir('pw-data-')
  const backups = new BackupStore(join(dataDir, 'backups'))
  const posts = postsServiceFor(root, DEFAULT_PROFILE, { backups })
  const read = await posts.read(A)
  if (read.kind !== 'ok') throw new Error('read failed')
  let buffer = read.doc.text
  const session = new DocSession(
    read.doc,
    { text: () => buffer, replace: (t) => (buffer = t) },
    (request) => posts.save(request),
    () => undefined,
  )
  const type = (text: string) => {
    buffer = text
    session.noteEdit()
  }
  return { root, posts, backups, session, type, disk: () => readFile(join(root, A), 'utf8') }
}

describe('D2: "keep mine" replaces only the version the dialog showed', () => {
  it('shows a second external write instead of overwriting it, then keeps what it replaces', async () => {
    const { root, backups, session, type, disk } = await setup()
    type('mine\n')
    await writeFile(join(root, A), 'theirs 1\n')
    await session.save()
    expect(session.status.conflict?.diskText).toBe('theirs 1\n')
    expect(isNotSaved(session.status)).toBe(true)

    // Someone writes again just before the writer clicks "keep mine".
    await writeFile(join(root, A), 'theirs 2\n')
    await session.resolve('mine')
    expect(await disk()).toBe('theirs 2\n')
    expect(session.status.conflict).toMatchObject({ diskText: 'theirs 2\n' })
    expect(session.status.conflictOpen).toBe(true)
    expect(isNotSaved(session.status)).toBe(true)

    // Now the dialog shows "theirs 2": keeping mine replaces it, and it is kept as a backup.
    await session.resolve('mine')
    expect(await disk()).toBe('mine\n')
    expect(session.status.conflict).toBeNull()
    expect(isNotSaved(session.status)).toBe(false)
    const history = await backups.history({ path: A })
    expect(history).toHaveLength(1)
    expect(await readFile(history[0]!.file, 'utf8')).toBe('theirs 2\n')
    expect(session.status.backups).toEqual([
      { file: history[0]!.file, savedAt: history[0]!.savedAt },
    ])
  })

  it('makes no backup for the app’s own earlier version', async () => {
    const { backups, session, type, disk } = await setup()
    type('v2\n')
    await session.save()
    type('v3\n')
    await session.save()
    expect(await disk()).toBe('v3\n')
    expect(await backups.history()).toEqual([])
  })

  it('says "not saved" while saves fail, and not once they work again', async () => {
    const { root, session, type, disk } = await setup()
    type('edit\n')
    // A failing save: a folder now stands where the post was.
    await rm(join(root, A))
    await mkdir(join(root, A))
    await session.save()
    expect(session.status.error).not.toBeNull()
    expect(isNotSaved(session.status)).toBe(true)
    await rm(join(root, A), { recursive: true })
    await session.save({ explicit: true })
    expect(await disk()).toBe('edit\n')
    expect(isNotSaved(session.status)).toBe(false)
  })
})
