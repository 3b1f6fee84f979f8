/** `git merge-file`: a three-way merge of one file's texts, in memory. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitIn, type GitContext } from './core'

/** The merged text, and whether conflicts were left in it (unless a side was favoured). */
export interface FileMerge {
  text: Buffer
  conflicts: number
}

/**
 * Merges the changes from `base` to `theirs` into `ours`. `favor` settles conflicting hunks for
 * one side (git's `--ours` / `--theirs`), keeping every non-conflicting change of both.
 */
export async function mergeFileTexts(
  ctx: GitContext,
  texts: { ours: Buffer; base: Buffer; theirs: Buffer },
  favor?: 'ours' | 'theirs',
): Promise<FileMerge> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-writer-merge-'))
  try {
    const names = ['ours', 'base', 'theirs'] as const
    await Promise.all(names.map((n) => writeFile(join(dir, n), texts[n])))
    const args = ['merge-file', '-p', '-L', 'mine', '-L', 'sent', '-L', 'published']
    if (favor) args.push(`--${favor}`)
    args.push(...names.map((n) => join(dir, n)))
    // Exit code = number of conflicts (capped at 127); negative/other codes are real failures.
    const r = await gitIn(ctx, args, {
      binary: true,
      readOnly: true,
      successExitCodes: Array.from({ length: 128 }, (_, i) => i),
    })
    return { text: r.stdoutBytes ?? Buffer.from(r.stdout), conflicts: r.exitCode ?? 0 }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
