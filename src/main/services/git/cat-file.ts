/** `git cat-file`: read a stored object's bytes. */
import { gitIn, type GitContext } from './core'

/** The bytes of a blob. */
export async function readBlob(ctx: GitContext, oid: string): Promise<Buffer> {
  const r = await gitIn(ctx, ['cat-file', 'blob', oid], { readOnly: true, binary: true })
  return r.stdoutBytes ?? Buffer.from(r.stdout, 'utf8')
}
