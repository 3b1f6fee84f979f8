/**
 * Answers about git objects that can never change: the files of a commit, whether one commit is
 * in another's history, where two commits last met. Each is asked of git once per repository and
 * commit ids, then kept (a bounded, least-recently-used memory), so refreshing the post list costs
 * only the questions whose answer can change — status, refs, remotes — however many posts and
 * review branches there are. Each git process costs 5–10 ms of the main process's time just to
 * start on a slow machine, before git does any work.
 *
 * Nothing here can go stale: a branch that moves points at a new commit id, which is a new key.
 * A name that is not a full commit id (`HEAD`, a branch) is never kept.
 */
import type { GitContext } from '../git/core'
import { describeObjects, readTrees } from '../git/cat-file'
import { listTree } from '../git/ls-tree'
import { isAncestor, mergeBase } from '../git/merge-base'

/** A full object id (SHA-1 or SHA-256). Only these are keys: they name one object forever. */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** A map that forgets its least recently used entries past a total weight. */
class Lru<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>()
  private total = 0

  constructor(private readonly maxWeight: number) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    this.entries.delete(key)
    this.entries.set(key, e)
    return e.value
  }

  set(key: string, value: V, weight = 1): void {
    const old = this.entries.get(key)
    if (old) this.total -= old.weight
    this.entries.delete(key)
    this.entries.set(key, { value, weight })
    this.total += weight
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxWeight || this.entries.size === 1) break
      this.entries.delete(k)
      this.total -= e.weight
    }
  }

  delete(key: string): void {
    const e = this.entries.get(key)
    if (!e) return
    this.entries.delete(key)
    this.total -= e.weight
  }

  clear(): void {
    this.entries.clear()
    this.total = 0
  }
}

/** Tree listings weigh one per file: about 40 MB at most for a blog's posts folder several times over. */
const trees = new Lru<Promise<ReadonlyMap<string, string>>>(400_000)
/** Yes/no and merge-base answers weigh one each. */
const ancestry = new Lru<Promise<boolean | string | null>>(20_000)

/** Forgets everything (tests that measure the cold path). */
export function forgetObjectAnswers(): void {
  trees.clear()
  ancestry.clear()
}

/**
 * Asks once per key; a failed question is not kept, so the next call asks again. The promise is
 * kept while it runs, so callers asking at once share one git process.
 */
function remembered<V>(
  cache: Lru<Promise<V>>,
  key: string | null,
  ask: () => Promise<V>,
  weigh: (v: V) => number,
  keep: (v: V) => boolean = () => true,
): Promise<V> {
  if (key === null) return ask()
  const known = cache.get(key)
  if (known) return known
  const asked = ask()
  cache.set(key, asked)
  asked.then(
    (v) => {
      if (cache.get(key) !== asked) return
      if (keep(v)) cache.set(key, asked, Math.max(1, weigh(v)))
      else cache.delete(key)
    },
    () => {
      if (cache.get(key) === asked) cache.delete(key)
    },
  )
  return asked
}

const keyOf = (ctx: GitContext, ids: readonly string[], rest: readonly string[] = []) =>
  ids.every((id) => OBJECT_ID.test(id)) ? [ctx.cwd, ...ids, ...rest].join('\0') : null
/** One key for a commit's files under some paths, whichever of the two readers filled it. */
const treeKey = (ctx: GitContext, commit: string, paths: readonly string[]) =>
  keyOf(ctx, [commit], ['tree', ...paths])

/**
 * The files of `commit` under `paths` (all when empty): path → blob id. The map is shared with
 * every other caller: copy it before changing it.
 */
export function filesAt(
  ctx: GitContext,
  commit: string,
  paths: readonly string[] = [],
): Promise<ReadonlyMap<string, string>> {
  return remembered(
    trees,
    treeKey(ctx, commit, paths),
    async () => new Map([...(await listTree(ctx, commit, paths))].map(([p, f]) => [p, f.oid])),
    (m) => m.size,
  )
}

/**
 * {@link filesAt} for many commits at once (every review branch's post, for the list): what is
 * not known yet is read in one git run per folder level (usually two runs in all), not one per
 * branch.
 */
export async function filesAtEach(
  ctx: GitContext,
  asks: readonly { commit: string; paths: readonly string[] }[],
): Promise<ReadonlyMap<string, string>[]> {
  const keys = asks.map((a) => treeKey(ctx, a.commit, a.paths))
  const unknown = asks.map((_, i) => i).filter((i) => keys[i] === null || !trees.get(keys[i]!))
  const batch =
    unknown.length > 0
      ? readFilesOfEach(
          ctx,
          unknown.map((i) => asks[i]!),
        )
      : null
  const place = new Map(unknown.map((i, j) => [i, j]))
  return Promise.all(
    asks.map((a, i) => {
      const j = place.get(i)
      return j === undefined
        ? filesAt(ctx, a.commit, a.paths)
        : remembered(
            trees,
            keys[i] ?? null,
            () => batch!.then((all) => all[j]!),
            (m) => m.size,
          )
    }),
  )
}

/** Reads each commit's files under its paths: one `cat-file` run per folder level. */
async function readFilesOfEach(
  ctx: GitContext,
  asks: readonly { commit: string; paths: readonly string[] }[],
): Promise<Map<string, string>[]> {
  const out = asks.map(() => new Map<string, string>())
  const names = asks.flatMap((a) => a.paths.map((p) => `${a.commit}:${p === '.' ? '' : p}`))
  const infos = await describeObjects(ctx, names)
  let pending: { ask: number; dir: string; oid: string }[] = []
  let n = 0
  asks.forEach((a, ask) =>
    a.paths.forEach((path) => {
      const info = infos[n++]
      if (!info) return
      if (info.type === 'tree') pending.push({ ask, dir: path === '.' ? '' : path, oid: info.oid })
      else out[ask]!.set(path, info.oid)
    }),
  )
  // Breadth first: every tree of one depth in one run. Folders deeper than git allows end it.
  for (let depth = 0; pending.length > 0 && depth < 4096; depth++) {
    const oids = [...new Set(pending.map((t) => t.oid))]
    const read = await readTrees(ctx, oids)
    const entries = new Map(oids.map((oid, i) => [oid, read[i] ?? []]))
    const next: typeof pending = []
    for (const t of pending) {
      for (const e of entries.get(t.oid)!) {
        const path = t.dir === '' ? e.name : `${t.dir}/${e.name}`
        if (e.mode === '40000') next.push({ ask: t.ask, dir: path, oid: e.oid })
        else out[t.ask]!.set(path, e.oid)
      }
    }
    pending = next
  }
  return out
}

/** Whether `ancestor` is in `descendant`'s history (itself included). */
export function inHistoryOf(
  ctx: GitContext,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  return remembered(
    ancestry,
    keyOf(ctx, [ancestor, descendant], ['ancestor']),
    () => isAncestor(ctx, ancestor, descendant),
    () => 1,
  ) as Promise<boolean>
}

/** Where two commits' histories last met (`git merge-base`), or null when they never did. */
export function forkPointOf(ctx: GitContext, a: string, b: string): Promise<string | null> {
  return remembered(
    ancestry,
    keyOf(ctx, [a, b], ['merge-base']),
    () => mergeBase(ctx, a, b),
    () => 1,
    // null is also how a failed run answers: asked again next time rather than kept.
    (v) => v !== null,
  ) as Promise<string | null>
}
