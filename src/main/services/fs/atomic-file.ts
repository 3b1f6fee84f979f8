import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import { tempPathFor } from './temp-files'
import { codeOf } from './file-facts'

/** Result of an atomic write. On error the file on disk is exactly what it was before. */
export type WriteResult = { kind: 'ok' } | { kind: 'error'; code: string; message: LocalizedText }

/** Options for {@link writeFileAtomic}. */
export interface WriteOptions {
  /** Permission bits for the new file (pass the old file's, so a save keeps them). */
  mode?: number
}

/** A plain-language message for a failed write (D4, D7). Says the old file is untouched. */
export function writeErrorMessage(code: string, path: string): LocalizedText {
  const name = basename(path)
  const kept = msg(
    '元のファイルは変更されていません。編集内容はアプリに残っています。',
    'The file on disk was not changed; your edits are still in the app.',
  )
  const say = (ja: string, en: string) => msg(`${ja}${kept.ja}`, `${en} ${kept.en}`)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return say(
        `ディスクの空きが足りないため「${name}」を保存できませんでした。空きを作ってからもう一度保存してください。`,
        `"${name}" could not be saved: the disk is full. Free some space and save again.`,
      )
    case 'EFBIG':
      return say(
        `「${name}」が大きすぎて、この場所には保存できませんでした（書けるファイルサイズの上限を超えています）。`,
        `"${name}" could not be saved: it is larger than this location allows.`,
      )
    case 'EACCES':
    case 'EPERM':
      return say(
        `書き込む権限がないため「${name}」を保存できませんでした。ファイルやフォルダの権限を確かめるか、別の場所に保存してください。`,
        `"${name}" could not be saved: permission denied. Check the file and folder permissions, or save it elsewhere.`,
      )
    case 'EROFS':
      return say(
        `「${name}」は読み取り専用のディスクにあるため保存できませんでした。別の場所に保存してください。`,
        `"${name}" is on a read-only disk and could not be saved. Save it elsewhere.`,
      )
    case 'ENOENT':
    case 'ENOTDIR':
      return say(
        `保存先のフォルダが見つからないため「${name}」を保存できませんでした。フォルダが移動・削除されていないか確かめてください。`,
        `"${name}" could not be saved: its folder is missing (or is not a folder). Check whether it was moved or deleted.`,
      )
    case 'EISDIR':
      return say(
        `保存先に同じ名前のフォルダがあるため「${name}」を保存できませんでした。`,
        `"${name}" could not be saved: a folder with that name is in the way.`,
      )
    default:
      return say(
        `「${name}」を保存できませんでした（${code}）。`,
        `"${name}" could not be saved (${code}).`,
      )
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open folders: nothing to do there.
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Best effort only; the data itself was already synced before the rename.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Writes a file atomically: a temp file in the same folder, write, fsync, rename over the target,
 * fsync the folder. A crash leaves the old file or the new one, never a mix (D5); any error leaves
 * the old file byte for byte and removes the temp file (D4). Not serialized: see {@link AtomicWriter}.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const temp = tempPathFor(path)
  let handle: FileHandle | undefined
  try {
    handle = await open(temp, 'wx', options.mode ?? 0o666)
    await handle.writeFile(data)
    // The umask may have narrowed the mode given to open; a save must keep the file's own bits.
    if (options.mode !== undefined) await handle.chmod(options.mode & 0o7777)
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    const code = codeOf(error)
    return { kind: 'error', code, message: writeErrorMessage(code, path) }
  }
  await syncDirectory(dirname(path))
  return { kind: 'ok' }
}

/**
 * Serializes work per file path, so concurrent saves (autosave, manual save, an eyecatch update)
 * run one after another in call order and the file ends as the latest (D8).
 */
export class AtomicWriter {
  private readonly tails = new Map<string, Promise<unknown>>()

  /** Runs `task` once every earlier task for the same path has finished. */
  exclusive<T>(path: string, task: () => Promise<T>): Promise<T> {
    const key = resolve(path)
    const previous = this.tails.get(key) ?? Promise.resolve()
    const run = previous.then(task)
    const tail = run.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return run
  }

  /** Writes atomically, after every earlier write to the same path. */
  write(path: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<WriteResult> {
    return this.exclusive(path, () => writeFileAtomic(path, data, options))
  }

  /** Resolves when every queued task has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()])
  }
}
