import { access, constants, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'

/** What PostsService tells the writer when a post cannot be read or saved, and the read-only check. */

/** Told to the writer (see the text). */
export const READ_ONLY_FILE = msg(
  'このファイルは読み取り専用なので保存できません。権限を変えるか、内容を別の場所に保存してください。',
  'This file is read-only, so it cannot be saved. Change its permissions, or save the text elsewhere.',
)
/** Told to the writer (see the text). */
export const READ_ONLY_FOLDER = msg(
  'このファイルのフォルダに書き込む権限がないため保存できません。権限を変えるか、内容を別の場所に保存してください。',
  'You cannot write to this file’s folder, so it cannot be saved. Change the permissions, or save the text elsewhere.',
)
/** Told to the writer (see the text). */
export const READ_ONLY_DISK = msg(
  'リポジトリが読み取り専用のディスクにあるため、記事を作れません。書き込める場所にリポジトリを置いてください。',
  'The repository is on a read-only disk, so the post cannot be created. Put the repository somewhere writable.',
)
/** Told to the writer (see the text). */
export const LONE_CR = msg(
  'このファイルには CR だけの改行（古い Mac 形式）があります。編集しない行の改行はそのまま保ちますが、編集した行や新しい行の改行はこのファイルで多い形式になります。',
  'This file has line breaks made of a lone CR (old Mac style). Lines you do not edit keep their breaks; lines you edit or add take the file’s usual line break.',
)
/** Told to the writer (see the text). */
export const BACKUP_FAILED = msg(
  'ディスクの版を残しておけなかったため、上書きしませんでした。アプリのデータフォルダの空きや権限を確かめて、もう一度保存してください。編集内容はアプリに残っています。',
  'The version on disk could not be kept, so it was not overwritten. Check the free space and permissions of the app’s data folder and save again. Your edits are still in the app.',
)
/** Told to the writer (see the text). */
export const NOT_UTF8 = msg(
  'このファイルは UTF-8 として正しくない文字を含むため、読み取り専用で開きました。保存すると元のバイトが失われるためです。UTF-8 に変換してから開き直してください。',
  'This file contains bytes that are not valid UTF-8, so it is open read-only: saving would replace them. Convert it to UTF-8 and open it again.',
)

/** Told to the writer (see the text). */
export const NOT_A_POST_FILE = (relPath: string) =>
  msg(
    `「${relPath}」は記事のファイルでも記事の画像フォルダの中のファイルでもないため、このアプリからは保存しません（リポジトリの設定やワークフローを書き換えないためです）。`,
    `"${relPath}" is neither a post file nor a file in a post’s asset folder, so the app does not save it (it never rewrites the repository’s settings or workflows).`,
  )

/** Why a post could not be read, in plain words. */
export function readErrorMessage(code: string, relPath: string): LocalizedText {
  switch (code) {
    case 'ENOENT':
      return msg(
        `「${relPath}」が見つかりません。移動・削除されたかもしれません。`,
        `"${relPath}" was not found; it may have been moved or deleted.`,
      )
    case 'EISDIR':
      return msg(
        `「${relPath}」はフォルダです。記事のファイルを選んでください。`,
        `"${relPath}" is a folder. Choose a post file.`,
      )
    case 'EACCES':
    case 'EPERM':
      return msg(
        `「${relPath}」を読む権限がありません。ファイルの権限を確かめてください。`,
        `You do not have permission to read "${relPath}". Check the file’s permissions.`,
      )
    default:
      return msg(
        `「${relPath}」を読めませんでした（${code}）。`,
        `"${relPath}" could not be read (${code}).`,
      )
  }
}

async function canWrite(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  )
}

/** Whether a file may not be written: no write bits (even root honours that here), or no access. */
export async function readOnlyReason(
  realPath: string,
  present: boolean,
): Promise<LocalizedText | null> {
  if (present) {
    const info = await stat(realPath)
    if ((info.mode & 0o222) === 0 || !(await canWrite(realPath))) return READ_ONLY_FILE
  }
  // The atomic rename needs the folder to be writable, not just the file.
  return (await canWrite(dirname(realPath))) ? null : READ_ONLY_FOLDER
}
