import { link, open, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { tempPathIn } from '../fs/temp-files'
import { codeOf } from '../fs/file-facts'

/** Result of writing an asset file. */
export type AssetWrite = { kind: 'ok'; fileName: string } | { kind: 'exhausted' }

async function writeTemp(dir: string, data: Uint8Array): Promise<string> {
  const temp = tempPathIn(dir, 'image')
  const handle = await open(temp, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  return temp
}

async function syncDir(dir: string): Promise<void> {
  // Makes the new name durable; not possible on every platform (Windows), so best effort.
  const handle = await open(dir, 'r').catch(() => null)
  if (!handle) return
  await handle.sync().catch(() => undefined)
  await handle.close().catch(() => undefined)
}

/**
 * Writes `data` under the first free name from `names` in `dir`, never replacing an existing file.
 * The bytes go to a temporary file first (fsync'd), then a hard link claims the name atomically:
 * a reader never sees a half-written image, and two exports at once never take the same name.
 * Where hard links are not supported the name is claimed with an exclusive create instead.
 */
export async function writeNewFile(
  dir: string,
  names: Iterable<string>,
  data: Uint8Array,
): Promise<AssetWrite> {
  const temp = await writeTemp(dir, data)
  try {
    for (const name of names) {
      const target = join(dir, name)
      try {
        await link(temp, target)
        await syncDir(dir)
        return { kind: 'ok', fileName: name }
      } catch (error) {
        if (codeOf(error) === 'EEXIST') continue
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(codeOf(error)))
          throw error
      }
      // No hard links here (e.g. FAT): claim the name exclusively, then move the bytes over it.
      try {
        const claim = await open(target, 'wx')
        await claim.close()
      } catch (error) {
        if (codeOf(error) === 'EEXIST') continue
        throw error
      }
      await rename(temp, target)
      await syncDir(dir)
      return { kind: 'ok', fileName: name }
    }
    return { kind: 'exhausted' }
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/** Replaces (or creates) `dir/name` atomically: temp file, fsync, rename. */
export async function replaceFile(dir: string, name: string, data: Uint8Array): Promise<void> {
  const temp = await writeTemp(dir, data)
  try {
    await rename(temp, join(dir, name))
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncDir(dir)
}

/** Candidate names `base.ext`, `base-2.ext`, … `base-999.ext`. */
export function* numberedNames(base: string, ext: string): Generator<string> {
  yield `${base}.${ext}`
  for (let i = 2; i <= 999; i++) yield `${base}-${i}.${ext}`
}
