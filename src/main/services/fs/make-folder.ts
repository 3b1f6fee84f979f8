import { mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { codeOf } from './file-facts'

/**
 * `mkdir -p` that fails with the real reason. Node's recursive mkdir answers `ENOENT` on a
 * read-only disk (it never tries the first missing level itself), so a writer was told a folder
 * was missing instead of "read-only". On `ENOENT` this makes the first missing level without
 * `recursive`, which fails with the true code (`EROFS`, `EACCES` …), and throws that error.
 */
export async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true })
    return
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error
    let missing = path
    for (;;) {
      const parent = dirname(missing)
      if (parent === missing) throw error
      const info = await stat(parent).catch(() => null)
      if (info) break
      missing = parent
    }
    await mkdir(missing)
    // The first level was made after all (a race): the original error still stands.
    throw error
  }
}
