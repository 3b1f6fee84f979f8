/** `git cat-file`: read a stored object (a blob's bytes, a commit's message). */
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
