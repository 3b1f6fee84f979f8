/**
 * Blob ids of changed working-folder files, remembered by their file status the way git's own
 * index remembers them: a file whose size, change time, modification time and inode are all as
 * when it was hashed is not read again. The post list asks for the ids of every draft and edited
 * post on each refresh; without this, each refresh starts one more git process after status.
 *
 * A file is remembered only when it was last modified well before it was hashed, so a write in
 * the same clock tick as the hash (which could keep every time stamp) is never mistaken for the
 * content that was hashed (git's "racily clean" problem). Like git's index, it follows file
 * changes, not changes of `.gitattributes` filters; those are rare and the next edit heals them.
 */
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitContext } from '../git/core'
import { hashFiles } from '../git/hash-object'

interface Known {
  oid: string
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
  ino: bigint
}

/** Modified at least this long before hashing: later writes always get another time stamp. */
const SETTLED_NS = 2_000_000_000n
const MAX_ENTRIES = 20_000
const known = new Map<string, Known>()

/** Forgets every remembered id (benchmarks of the first refresh). */
export function forgetWorkingHashes(): void {
  known.clear()
}

type Stats = Awaited<ReturnType<typeof statOf>>
const statOf = (root: string, path: string) =>
  lstat(join(root, path), { bigint: true }).catch(() => null)

const same = (k: Known, s: NonNullable<Stats>) =>
  k.size === s.size && k.mtimeNs === s.mtimeNs && k.ctimeNs === s.ctimeNs && k.ino === s.ino

/**
 * Blob ids of working files as git would store them: path → id, in the order given. A file that
 * is gone by now (deleted after status listed it) is left out, as it is no longer in the folder.
 */
export async function workingBlobIds(
  ctx: GitContext,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const key = (path: string) => `${ctx.cwd}\0${path}`
  const stats = await Promise.all(paths.map((p) => statOf(ctx.cwd, p)))
  const ids = new Map<string, string>()
  const ask: { path: string; stats: NonNullable<Stats> }[] = []
  paths.forEach((path, i) => {
    const s = stats[i]
    if (!s) return
    const k = known.get(key(path))
    if (k && same(k, s)) ids.set(path, k.oid)
    else ask.push({ path, stats: s })
  })
  if (ask.length > 0) {
    // File time stamps are wall-clock time: compared with the wall clock before git reads the files.
    const hashedAtNs = BigInt(Date.now()) * 1_000_000n
    const hashed = await hashFiles(
      ctx,
      ask.map((a) => a.path),
    )
    for (const { path, stats: s } of ask) {
      const oid = hashed.get(path)
      if (oid === undefined) continue
      ids.set(path, oid)
      // The stats were read before hashing: a write in between changes them, so it is hashed again.
      if (s.isFile() && s.mtimeNs + SETTLED_NS < hashedAtNs) {
        if (known.size >= MAX_ENTRIES) known.delete(known.keys().next().value!)
        known.set(key(path), {
          oid,
          size: s.size,
          mtimeNs: s.mtimeNs,
          ctimeNs: s.ctimeNs,
          ino: s.ino,
        })
      }
    }
  }
  return new Map(paths.filter((p) => ids.has(p)).map((p) => [p, ids.get(p)!]))
}
