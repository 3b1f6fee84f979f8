/** Which posts `portal-writer check` looks at: the files given, the changed ones, or all. */
import { open, stat } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import { relative, resolve } from 'node:path'
import { assetDirOfPath } from '../shared/card'
import { msg, type LocalizedText } from '../shared/localized'
import type { Profile } from '../shared/profile'
import type { PostFile } from '../main/services/posts/post-list'
import { toPosix } from './post-context'
import { isOpeningFence } from '../shared/front-matter-fence'

/** A command-line argument that is not a post, and why. */
export interface Refusal {
  arg: string
  message: LocalizedText
}

/** The posts chosen, and the arguments refused. */
export interface Chosen {
  relPaths: string[]
  refusals: Refusal[]
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|bmp|ico|tiff?|heic)$/i
const HEAD_BYTES = 4096

/** The first bytes of a file (enough to tell text from binary and see a front-matter fence). */
async function headBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Whether bytes start like a picture (PNG, JPEG, GIF, WebP). */
function looksLikeImage(bytes: Buffer): boolean {
  const hex = bytes.subarray(0, 12).toString('hex')
  return (
    hex.startsWith('89504e47') ||
    hex.startsWith('ffd8ff') ||
    hex.startsWith('47494638') ||
    (hex.startsWith('52494646') && hex.slice(16, 24) === '57454250')
  )
}

/** Why a file that the profile's `postPath` does not match is not a post, in words that fit it. */
async function whyNotAPost(arg: string, abs: string, pattern: string): Promise<LocalizedText> {
  const bytes = await headBytes(abs).catch(() => Buffer.alloc(0))
  if (IMAGE_EXT.test(abs) || looksLikeImage(bytes))
    return msg(
      `「${arg}」は画像です。画像は、それを使う記事といっしょに検査されます。記事のファイルを指定してください。`,
      `"${arg}" is an image. Images are checked with the post that uses them; give the post's file.`,
    )
  // A multi-byte character cut at the end of a full head is not a reason to refuse.
  const cut = bytes.length === HEAD_BYTES
  const whole = isUtf8(bytes) || (cut && isUtf8(bytes.subarray(0, bytes.length - 3)))
  if (bytes.includes(0) || !whole)
    return msg(
      `「${arg}」は UTF-8 のテキストではないため、記事ではありません。`,
      `"${arg}" is not UTF-8 text, so it is not a post.`,
    )
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const firstBreak = text.indexOf('\n')
  if (firstBreak < 0 || !isOpeningFence(text.slice(0, firstBreak)))
    return msg(
      `「${arg}」にはフロントマター（1 行目の「---」）がないため、記事ではありません。`,
      `"${arg}" has no front matter (a "---" first line), so it is not a post.`,
    )
  return msg(
    `「${arg}」は記事のパスの決まり（postPath: ${pattern}）に合わないため、記事として扱われません。`,
    `"${arg}" does not follow the post path (postPath: ${pattern}), so it is not a post.`,
  )
}

/**
 * The posts named on the command line: post files, and folders (every post under them). Anything
 * else is refused with the reason that fits it.
 */
export async function chooseGiven(
  args: readonly string[],
  cwd: string,
  root: string,
  profile: Profile,
  allPosts: readonly PostFile[],
): Promise<Chosen> {
  const byPath = new Set(allPosts.map((p) => p.relPath))
  const relPaths = new Set<string>()
  const refusals: Refusal[] = []
  for (const arg of args) {
    const abs = resolve(cwd, arg)
    const rel = toPosix(relative(root, abs))
    const info = await stat(abs).catch(() => null)
    if (!info) {
      refusals.push({
        arg,
        message: msg(`「${arg}」が見つかりません。`, `"${arg}" was not found.`),
      })
      continue
    }
    if (rel.startsWith('..') || resolve(root, rel) !== abs) {
      refusals.push({
        arg,
        message: msg(
          `「${arg}」はこのリポジトリ（${root}）の外にあります。`,
          `"${arg}" is outside this repository (${root}).`,
        ),
      })
      continue
    }
    if (info.isDirectory()) {
      const under = allPosts.filter((p) => rel === '' || p.relPath.startsWith(`${rel}/`))
      if (under.length === 0)
        refusals.push({
          arg,
          message: msg(
            `フォルダ「${arg}」には記事がありません（postPath: ${profile.postPath}）。`,
            `The folder "${arg}" holds no posts (postPath: ${profile.postPath}).`,
          ),
        })
      for (const p of under) relPaths.add(p.relPath)
      continue
    }
    if (byPath.has(rel)) relPaths.add(rel)
    else refusals.push({ arg, message: await whyNotAPost(arg, abs, profile.postPath) })
  }
  return { relPaths: [...relPaths].sort(), refusals }
}

/**
 * The posts a change touches: changed post files, and posts whose asset folder holds a changed
 * file (a replaced eyecatch or image). Deleted posts are gone and not checked.
 */
export function chooseChanged(
  changed: readonly string[],
  profile: Profile,
  allPosts: readonly PostFile[],
): string[] {
  const byPath = new Set(allPosts.map((p) => p.relPath))
  const byAssetDir = new Map<string, string>()
  for (const p of allPosts) {
    const dir = assetDirOfPath(profile, p.relPath)
    if (dir) byAssetDir.set(dir, p.relPath)
  }
  const chosen = new Set<string>()
  for (const path of changed) {
    if (byPath.has(path)) {
      chosen.add(path)
      continue
    }
    const parts = path.split('/')
    for (let n = parts.length - 1; n > 0; n--) {
      const post = byAssetDir.get(parts.slice(0, n).join('/'))
      if (post) {
        chosen.add(post)
        break
      }
    }
  }
  return [...chosen].sort()
}
