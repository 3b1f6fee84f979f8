import { randomBytes } from 'node:crypto'
import { lstat, readdir, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { patternRoot, type Profile } from '../../../shared/profile'

/**
 * The one naming rule for the app's temp files, used by every writer (atomic saves, image
 * imports and exports, settings): `.<name>.pw-tmp-<12 hex>` in the folder of the file being
 * written, so the final rename is atomic. Publishing leaves out every name {@link isTempFileName}
 * accepts; start-up cleanup ({@link cleanRepoTempFiles}) removes them.
 */
export const TEMP_INFIX = '.pw-tmp-'

const TEMP_NAME = /^\..+\.pw-tmp-[0-9a-f]{12}$/
/** What image writes were named before the one rule (`.portal-writer-<12 hex>.tmp`): still cleaned. */
const LEGACY_IMAGE_TEMP = /^\.portal-writer-[0-9a-f]{12}\.tmp$/

/** The temp path used while writing `path`: same folder, so the final rename is atomic. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_INFIX}${randomBytes(6).toString('hex')}`)
}

/** A temp path in `dir` for bytes whose final name is not known yet (e.g. the first free image name). */
export function tempPathIn(dir: string, hint = 'new-file'): string {
  return tempPathFor(join(dir, hint))
}

/**
 * Whether a file name is one of the app's temp files, left behind if a write was killed.
 * Publishing must never include such a file; start-up cleanup removes them.
 */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name) || LEGACY_IMAGE_TEMP.test(name)
}

/** Folders never searched for stray temp files. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules'])

/**
 * Removes the app's stray temp files (from a write that was killed, D5) under `dir`, down to
 * `maxDepth` folder levels. Only regular files with the app's temp name are touched; symlinked
 * folders are not followed. Returns the removed paths.
 */
export async function cleanStrayTempFiles(dir: string, maxDepth = 8): Promise<string[]> {
  const removed: string[] = []
  const visit = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    await Promise.all(
      entries.map(async (entry) => {
        const full = join(folder, entry.name)
        if (entry.isDirectory()) {
          if (depth < maxDepth && !SKIPPED_DIRS.has(entry.name)) await visit(full, depth + 1)
          return
        }
        if (!isTempFileName(entry.name)) return
        const info = await lstat(full).catch(() => null)
        if (!info?.isFile()) return
        await rm(full, { force: true })
          .then(() => removed.push(full))
          .catch(() => undefined)
      }),
    )
  }
  await visit(dir, 0)
  return removed.sort()
}

/**
 * The start-up cleanup of a repository: removes temp files a killed write left where posts and
 * their images are written (D5), whichever writer made them.
 */
export async function cleanRepoTempFiles(root: string, profile: Profile): Promise<string[]> {
  const starts = new Map<string, number>()
  for (const pattern of [profile.postPath, profile.assetPath]) {
    const base = patternRoot(pattern)
    const depth = pattern.split('/').length - (base === '' ? 0 : base.split('/').length) + 1
    starts.set(base, Math.max(starts.get(base) ?? 0, depth))
  }
  const removed = await Promise.all(
    [...starts].map(([base, depth]) =>
      cleanStrayTempFiles(join(root, ...base.split('/').filter(Boolean)), depth),
    ),
  )
  return removed.flat().sort()
}
