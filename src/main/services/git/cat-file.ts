/** `git cat-file`: read stored objects (a blob's bytes, a commit's message, many trees at once). */
import { gitIn, type GitContext } from './core'

/** The bytes of a blob. */
export async function readBlob(ctx: GitContext, oid: string): Promise<Buffer> {
  const r = await gitIn(ctx, ['cat-file', 'blob', oid], { readOnly: true, binary: true })
  return r.stdoutBytes ?? Buffer.from(r.stdout, 'utf8')
}

/** A commit's message: the text after the header (`git cat-file commit`). */
export async function readCommitMessage(ctx: GitContext, oid: string): Promise<string> {
  const r = await gitIn(ctx, ['cat-file', 'commit', oid], { readOnly: true })
  const body = r.stdout.indexOf('\n\n')
  return body < 0 ? '' : r.stdout.slice(body + 2)
}

/** One answer of {@link describeObjects}: what `name` is, or null when it does not exist. */
export interface ObjectInfo {
  oid: string
  type: 'blob' | 'tree' | 'commit' | 'tag'
}

/** One entry of a tree object. */
export interface TreeEntry {
  mode: string
  name: string
  oid: string
}

/**
 * What each name (`<commit>:<path>`, an object id…) is, in one git run however many are asked.
 * Names holding a line break cannot be asked this way and answer null.
 */
export async function describeObjects(
  ctx: GitContext,
  names: readonly string[],
): Promise<(ObjectInfo | null)[]> {
  const asked = names.filter((n) => !/[\r\n]/.test(n))
  if (asked.length === 0) return names.map(() => null)
  const r = await gitIn(ctx, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
    stdin: asked.map((n) => `${n}\n`).join(''),
    readOnly: true,
  })
  const lines = r.stdout.split('\n')
  const answers = new Map<string, ObjectInfo | null>()
  asked.forEach((name, i) => answers.set(name, parseCheckLine(lines[i] ?? '')))
  return names.map((n) => answers.get(n) ?? null)
}

/** Parses one `--batch-check` line: `<oid> <type>`, or `<name> missing` (null). Pure. */
export function parseCheckLine(line: string): ObjectInfo | null {
  const m = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag)$/.exec(line)
  return m ? { oid: m[1]!, type: m[2] as ObjectInfo['type'] } : null
}

/** The entries of several tree objects, in one git run. Unknown ids answer null. */
export async function readTrees(
  ctx: GitContext,
  oids: readonly string[],
): Promise<(TreeEntry[] | null)[]> {
  if (oids.length === 0) return []
  const r = await gitIn(ctx, ['cat-file', '--batch'], {
    stdin: oids.map((o) => `${o}\n`).join(''),
    readOnly: true,
    binary: true,
  })
  return parseBatchTrees(r.stdoutBytes ?? Buffer.alloc(0), oids.length)
}

/**
 * Parses `cat-file --batch` output of tree objects: per object a header `<oid> <type> <size>`
 * and the raw tree (`<mode> <name>\0<binary id>` entries), or `<name> missing`. Pure.
 */
export function parseBatchTrees(out: Buffer, count: number): (TreeEntry[] | null)[] {
  const results: (TreeEntry[] | null)[] = []
  let at = 0
  while (results.length < count && at < out.length) {
    const eol = out.indexOf(0x0a, at)
    if (eol < 0) break
    const header = out.toString('utf8', at, eol).split(' ')
    at = eol + 1
    if (header.length !== 3) {
      results.push(null) // `<name> missing` (or ambiguous)
      continue
    }
    const [oid = '', type, size = ''] = header
    const end = at + Number(size)
    results.push(type === 'tree' ? parseRawTree(out.subarray(at, end), oid.length / 2) : null)
    at = end + 1 // the object is followed by a line feed
  }
  while (results.length < count) results.push(null)
  return results
}

/** Parses a raw tree object whose ids are `idBytes` long (20: SHA-1, 32: SHA-256). Pure. */
export function parseRawTree(raw: Buffer, idBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = []
  let at = 0
  while (at < raw.length) {
    const space = raw.indexOf(0x20, at)
    const nul = raw.indexOf(0, space + 1)
    if (space < 0 || nul < 0 || nul + 1 + idBytes > raw.length) break
    entries.push({
      mode: raw.toString('latin1', at, space),
      name: raw.toString('utf8', space + 1, nul),
      oid: raw.toString('hex', nul + 1, nul + 1 + idBytes),
    })
    at = nul + 1 + idBytes
  }
  return entries
}
