/**
 * D7 on a real read-only file system (issue 16 item 9): creating or saving a post says
 * "read-only", not ENOENT. Needs `mount` (root, or a user namespace); elsewhere it is reported
 * as skipped.
 */
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { postsServiceFor } from '../../../helpers/posts-service'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { makeTempDir, removeTempDirs } from '../../../helpers/temp-repo'

const run = promisify(execFile)
let root = ''
let mounted = false

beforeAll(async () => {
  root = await makeTempDir('pw-ro-')
  mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', root]).then(
    () => true,
    () => false,
  )
  if (!mounted) return
  await mkdir(join(root, 'source/blog'), { recursive: true })
  await writeFile(join(root, 'source/blog/2025-01-01-a.html.md'), '---\ntitle: a\n---\n')
  await run('mount', ['-o', 'remount,ro', root])
})

afterAll(async () => {
  if (mounted) await run('umount', [root]).catch(() => undefined)
  await removeTempDirs()
})

describe('D7: a repository on a read-only disk', () => {
  const service = () => postsServiceFor(root, DEFAULT_PROFILE, { now: () => Date.UTC(2025, 0, 2) })

  it('says "read-only" when a post cannot be created', async (ctx) => {
    if (!mounted) ctx.skip()
    const r = await service().create({ title: 'New', slug: 'new-post' })
    expect(r.kind).toBe('error')
    if (r.kind !== 'error') return
    expect(r.message.en).toMatch(/read-only/)
    expect(r.message.ja).toMatch(/読み取り専用/)
    expect(r.message.en).not.toMatch(/ENOENT/)
  })

  it('says "read-only" when a post in a new folder cannot be saved', async (ctx) => {
    if (!mounted) ctx.skip()
    const path = 'source/blog/2025-01-03-b.html.md'
    const r = await service().save({ path, text: 'x\n', expectedHash: null })
    expect(r.kind).toBe('error')
    if (r.kind === 'error') expect(r.message.en).toMatch(/read-only/)
  })
})
