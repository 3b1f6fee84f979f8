/**
 * Bringing changes into the writer's own copy of a post: a three-way merge per file (the writer's
 * edits kept), planned completely before anything is written, so a conflict writes nothing.
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { UpdateResult } from '../../../shared/publish'
import { writeFileAtomic } from '../fs/atomic-file'
import { readBlob } from '../git/cat-file'
import type { GitContext } from '../git/core'
import { mergeFileTexts } from '../git/merge-file'
import type { PostFiles } from './post-files'
import { failure, type Session } from './session'
import { sameVersion, versionIn, type PostVersion, type RepoSnapshot } from './versions'

/** How conflicts in the post's own files are settled: the writer's version, or the published one. */
export type Resolution = 'mine' | 'theirs'

/** A planned write to the working folder: new bytes, or null to delete the file. */
export interface WorkingWrite {
  path: string
  data: Buffer | null
}

/** Writes planned files into the working folder; an error value when one could not be written. */
export async function applyWorkingWrites(
  s: Session,
  writes: readonly WorkingWrite[],
): Promise<(UpdateResult & { kind: 'error' }) | null> {
  for (const w of writes) {
    const target = join(s.repo.root, w.path)
    if (w.data === null) await rm(target, { force: true })
    else {
      await mkdir(dirname(target), { recursive: true })
      const written = await writeFileAtomic(target, w.data)
      if (written.kind === 'error') return failure(s, 'save-failed', { message: written.message })
    }
  }
  return null
}

/**
 * A post the folder holds as it was where the folder's branch left the base, while the base has
 * changed it since (an editor's fix, another computer): the base's changes are merged into the
 * folder's copy — three-way, the writer's edits kept — so a first send, which starts from the base,
 * can never undo them. A conflict stops with nothing written, unless `resolution` settles it.
 */
export async function catchUpFolder(
  s: Session,
  snapshot: RepoSnapshot,
  resolution: Resolution | undefined,
): Promise<{ written: string[]; warnings: LocalizedText[] } | (UpdateResult & { kind: 'error' })> {
  const fork = versionIn(snapshot.fork, s.post)
  const base = versionIn(snapshot.base, s.post)
  if (fork.size === 0 || sameVersion(fork, base)) return { written: [], warnings: [] }
  const plan = await planWorkingWrites(
    s.ctx,
    s.repo.root,
    s.post,
    { sent: fork, next: base, working: versionIn(snapshot.working, s.post) },
    resolution,
  )
  if ('kind' in plan) return failure(s, 'merge-conflict', { files: plan.files })
  const applied = await applyWorkingWrites(s, plan.writes)
  if (applied) return applied
  return { written: plan.writes.map((w) => w.path), warnings: plan.warnings }
}

/**
 * For each post file the update changed: the new version when the writer had not changed it,
 * a three-way merge when they had. Conflicts are returned instead of written (unless settled).
 */
export async function planWorkingWrites(
  ctx: GitContext,
  root: string,
  post: PostFiles,
  v: { sent: PostVersion; next: PostVersion; working: PostVersion },
  resolution: Resolution | undefined,
): Promise<
  { writes: WorkingWrite[]; warnings: LocalizedText[] } | { kind: 'conflict'; files: string[] }
> {
  const writes: WorkingWrite[] = []
  const conflicts: string[] = []
  const warnings: LocalizedText[] = []
  for (const path of new Set([...v.sent.keys(), ...v.next.keys()])) {
    const before = v.sent.get(path)
    const after = v.next.get(path)
    const mine = v.working.get(path)
    if (before === after || mine === after) continue
    if (mine === before) {
      writes.push({ path, data: after ? await readBlob(ctx, after) : null })
      continue
    }
    // The writer changed this file too. Text: merge line by line; anything else: a choice.
    if (before && after && mine && path === post.path) {
      const merged = await mergeFileTexts(
        ctx,
        {
          ours: await readFile(join(root, path)),
          base: await readBlob(ctx, before),
          theirs: await readBlob(ctx, after),
        },
        resolution === 'mine' ? 'ours' : resolution === 'theirs' ? 'theirs' : undefined,
      )
      if (merged.conflicts > 0 && !resolution) conflicts.push(path)
      else writes.push({ path, data: merged.text })
      continue
    }
    if (!resolution) conflicts.push(path)
    else if (resolution === 'theirs')
      writes.push({ path, data: after ? await readBlob(ctx, after) : null })
    else warnings.push(msg(`${path} はあなたの版を残しました。`, `Kept your version of ${path}.`))
  }
  if (conflicts.length > 0) return { kind: 'conflict', files: conflicts }
  return { writes, warnings }
}
