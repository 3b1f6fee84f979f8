/** The post file's three versions — in the folder, as sent, as published — to compare side by side. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CompareVersions } from '../../../shared/publish'
import { readBlob } from '../git/cat-file'
import type { GitContext } from '../git/core'
import type { PostFiles } from './post-files'
import { branchTips, takeSnapshot, versionAt } from './versions'
import type { PublishRepo } from './session'

/** Reads the three versions of the post file (null where it does not exist). */
export async function compareVersions(
  ctx: GitContext,
  repo: PublishRepo,
  post: PostFiles,
): Promise<CompareVersions> {
  const snapshot = await takeSnapshot(ctx, repo.profile)
  const tips = branchTips(snapshot, post.branch)
  // What reviewers see: the server's copy (a reviewer's commits included), else the local one.
  const tip = tips.remote ?? tips.local
  const text = async (commit: string | null) => {
    if (!commit) return null
    const oid = (await versionAt(ctx, commit, post)).get(post.path)
    return oid ? (await readBlob(ctx, oid)).toString('utf8') : null
  }
  const mine = await readFile(join(repo.root, post.path), 'utf8').catch(() => null)
  return { path: post.path, mine, sent: await text(tip), base: await text(snapshot.baseOid) }
}
