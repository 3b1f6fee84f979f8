/**
 * A temporary index (`GIT_INDEX_FILE`): stage and write trees for a branch that is not checked
 * out, without touching the writer's own index or working folder.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GitContext } from './core'

/** Runs `job` with a context whose git runs use a fresh, private index file; removed afterwards. */
export async function withTempIndex<T>(
  ctx: GitContext,
  job: (indexCtx: GitContext) => Promise<T>,
): Promise<T> {
  // A private folder (mode 0700 from mkdtemp), not a predictable name other users could pre-create.
  const dir = await mkdtemp(join(tmpdir(), 'portal-writer-index-'))
  try {
    return await job({ ...ctx, env: { ...ctx.env, GIT_INDEX_FILE: join(dir, 'index') } })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
