/** `git status`: the working tree's changes, parsed from porcelain v2 with `-z`. */
import { gitIn, type GitContext } from './core'

/** One changed path. `index` and `worktree` are git's X and Y letters (`.` = unchanged). */
export interface StatusEntry {
  kind: 'ordinary' | 'renamed' | 'unmerged' | 'untracked' | 'ignored'
  /** Repository-relative path, `/`-separated. */
  path: string
  /** For renames and copies: where it came from. */
  origPath: string | null
  index: string
  worktree: string
}

/** The repository's state as `git status --branch` reports it. */
export interface StatusSnapshot {
  /** The branch checked out; null when HEAD is detached. */
  branch: string | null
  /** The commit checked out; null before the first commit. */
  oid: string | null
  upstream: string | null
  /** Commits ahead of / behind the upstream; null without one. */
  ahead: number | null
  behind: number | null
  entries: StatusEntry[]
}

/**
 * Parses `git status --porcelain=v2 --branch -z` output. Pure.
 * Records are NUL-terminated; a rename record (`2`) is followed by one more field, its old path.
 */
export function parseStatus(output: string): StatusSnapshot {
  const snapshot: StatusSnapshot = {
    branch: null,
    oid: null,
    upstream: null,
    ahead: null,
    behind: null,
    entries: [],
  }
  const fields = output.split('\0')
  for (let i = 0; i < fields.length; i++) {
    const record = fields[i]!
    if (record === '') continue
    const type = record[0]
    if (type === '#') {
      const [, key, ...rest] = record.split(' ')
      const value = rest.join(' ')
      if (key === 'branch.oid') snapshot.oid = value === '(initial)' ? null : value
      else if (key === 'branch.head') snapshot.branch = value === '(detached)' ? null : value
      else if (key === 'branch.upstream') snapshot.upstream = value
      else if (key === 'branch.ab') {
        const m = /^\+(\d+) -(\d+)$/.exec(value)
        if (m) {
          snapshot.ahead = Number(m[1])
          snapshot.behind = Number(m[2])
        }
      }
    } else if (type === '1') {
      // 1 XY sub mH mI mW hH hI path
      const parts = splitFields(record, 8)
      if (!parts) continue
      snapshot.entries.push({
        kind: 'ordinary',
        path: parts.rest,
        origPath: null,
        index: parts.fields[1]![0]!,
        worktree: parts.fields[1]![1]!,
      })
    } else if (type === '2') {
      // 2 XY sub mH mI mW hH hI Xscore path \0 origPath
      const parts = splitFields(record, 9)
      if (!parts) continue
      const origPath = fields[i + 1] ?? null
      i++
      snapshot.entries.push({
        kind: 'renamed',
        path: parts.rest,
        origPath,
        index: parts.fields[1]![0]!,
        worktree: parts.fields[1]![1]!,
      })
    } else if (type === 'u') {
      // u XY sub m1 m2 m3 mW h1 h2 h3 path
      const parts = splitFields(record, 10)
      if (!parts) continue
      snapshot.entries.push({
        kind: 'unmerged',
        path: parts.rest,
        origPath: null,
        index: parts.fields[1]![0]!,
        worktree: parts.fields[1]![1]!,
      })
    } else if (type === '?') {
      snapshot.entries.push({
        kind: 'untracked',
        path: record.slice(2),
        origPath: null,
        index: '?',
        worktree: '?',
      })
    } else if (type === '!') {
      snapshot.entries.push({
        kind: 'ignored',
        path: record.slice(2),
        origPath: null,
        index: '!',
        worktree: '!',
      })
    }
  }
  return snapshot
}

/** Splits the first `count` space-separated fields off a record; the rest (a path) may hold spaces. */
function splitFields(record: string, count: number): { fields: string[]; rest: string } | null {
  const fields: string[] = []
  let at = 0
  for (let n = 0; n < count; n++) {
    const space = record.indexOf(' ', at)
    if (space < 0) return null
    fields.push(record.slice(at, space))
    at = space + 1
  }
  return { fields, rest: record.slice(at) }
}

/** Reads the working tree's status, untracked files listed one by one. `paths` limits it. */
export async function getStatus(
  ctx: GitContext,
  paths?: readonly string[],
): Promise<StatusSnapshot> {
  const args = [
    'status',
    '--porcelain=v2',
    '--branch',
    '-z',
    '--untracked-files=all',
    '--ignore-submodules=dirty',
  ]
  if (paths && paths.length > 0) args.push('--', ...paths)
  const r = await gitIn(ctx, args, { readOnly: true })
  return parseStatus(r.stdout)
}

/** How an entry changes the file, as the publish panel shows it. */
export function changeOf(entry: StatusEntry): 'added' | 'modified' | 'deleted' {
  if (entry.kind === 'untracked' || entry.index === 'A')
    return entry.worktree === 'D' ? 'deleted' : 'added'
  if (entry.index === 'D' || entry.worktree === 'D') return 'deleted'
  return 'modified'
}
