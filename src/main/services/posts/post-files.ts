import { mkdir, readdir, readFile, rename, rmdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parseFrontMatterDate, withOffset } from '../../../shared/dates'
import type { RepoInfo } from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import type {
  AssetFile,
  MovePostRequest,
  MovePostResult,
  PostAssetsResult,
} from '../../../shared/ipc/metadata'
import { applyFieldEdit, readFields } from '../../../shared/metadata/round-trip'
import { fillPattern, patternMatcher, postKeyFor, type PostKey } from '../../../shared/profile'
import { checkSlug } from '../../../shared/slug'
import { writeFileAtomic, type AtomicWriter } from '../fs/atomic-file'
import type { GitContext, GitLogger } from '../git/core'
import { isTracked } from '../git/ls-files'
import { movePath } from '../git/mv'
import type { KnownFiles } from './known-files'
import { decodeText, encodeText, hashBytes } from './post-bytes'
import { PostIndex } from './post-catalog'
import { readPostHead, summarizePost } from './post-list'
import { resolveInRepo } from '../fs/paths'
import { codeOf, exists } from '../fs/file-facts'
import { NO_REPO } from '../repo/messages'

/** Dependencies of {@link PostFilesService}. */
export interface PostFilesServiceDeps {
  /** The repository open now. */
  repo: () => RepoInfo | null
  /** The same writer as the posts service, so a move waits for saves of the file and for creates. */
  writer: AtomicWriter
  known?: KnownFiles
  /** The post index (for slug collisions); a private one by default. */
  index?: PostIndex
  /** The git binary (default `git` on PATH). */
  gitPath?: string
  log?: GitLogger
}

const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i
const GIT_TIMEOUT_MS = 60_000

const MESSAGES = {
  notAPost: (path: string) =>
    msg(
      `「${path}」は記事の場所の決まり（設定の postPath）に合わないため、移動できません。`,
      `"${path}" does not follow the post location rule (the profile’s postPath), so it cannot be moved.`,
    ),
  missing: (path: string) =>
    msg(
      `「${path}」が見つかりません。移動・削除されたかもしれません。`,
      `"${path}" was not found; it may have been moved or deleted.`,
    ),
  changed: msg(
    'ファイルがディスク上で変わっています。先に保存するか読み込み直してから、もう一度やり直してください。',
    'The file changed on disk. Save or reload it first, then try again.',
  ),
  notUtf8: msg(
    'このファイルは UTF-8 ではないため、日付を書き換えられません。UTF-8 で保存し直してください。',
    'This file is not valid UTF-8, so its date cannot be rewritten. Save it as UTF-8 first.',
  ),
  badDate: msg(
    '日付は 2025-01-31 や 2025-01-31T10:00:00+09:00 の形で書いてください。',
    'Write the date like 2025-01-31 or 2025-01-31T10:00:00+09:00.',
  ),
  slugTaken: (slug: string, path: string) =>
    msg(
      `スラッグ「${slug}」はすでに「${path}」で使われています。別のスラッグにしてください。`,
      `The slug "${slug}" is already used by "${path}". Choose another slug.`,
    ),
  fileExists: (path: string) =>
    msg(
      `移動先の「${path}」がすでにあります。別のスラッグか日付にしてください。`,
      `"${path}" already exists. Choose another slug or date.`,
    ),
  assetsExist: (path: string) =>
    msg(
      `移動先の画像フォルダ「${path}」がすでにあり、ファイルが入っています。別のスラッグか日付にしてください。`,
      `The image folder "${path}" already exists and holds files. Choose another slug or date.`,
    ),
  moveFailed: (what: string, code: string) =>
    msg(
      `${what}を移動できませんでした（${code}）。ファイルは元の場所のままです。`,
      `Could not move ${what} (${code}). The files are still where they were.`,
    ),
  editFailed: (reason: LocalizedText) =>
    msg(
      `日付を書き換えられなかったため、移動を元に戻しました。${reason.ja}`,
      `The date could not be rewritten, so the move was undone. ${reason.en}`,
    ),
  symlink: (path: string) =>
    msg(
      `「${path}」はシンボリックリンクなので移動しません。リンク先のファイルを直接移動してください。`,
      `"${path}" is a symbolic link, so it is not moved. Move the file it points to instead.`,
    ),
  rollbackFailed: (where: string) =>
    msg(
      `移動の途中で失敗し、元に戻せませんでした。ファイルは「${where}」にあります（消えてはいません）。`,
      `The move failed halfway and could not be undone. The file is at "${where}" (nothing was lost).`,
    ),
} as const

/** Moves one path: `git mv` when git tracks something there, else a plain rename. */
interface Mover {
  move(
    from: string,
    to: string,
  ): Promise<{ kind: 'ok'; git: boolean } | { kind: 'error'; code: string }>
}

/**
 * Moves posts with their asset folder (rename slug / change date) and lists asset folders. Git is
 * told about moves (`git mv`), so `git log --follow` finds the old name. A failed step undoes the
 * steps before it; nothing is ever deleted.
 */
export class PostFilesService {
  private readonly index: PostIndex

  constructor(private readonly deps: PostFilesServiceDeps) {
    this.index = deps.index ?? new PostIndex()
  }

  private mover(root: string): Mover {
    const ctx: GitContext = {
      cwd: root,
      timeoutMs: GIT_TIMEOUT_MS,
      gitPath: this.deps.gitPath,
      log: this.deps.log,
    }
    return {
      move: async (from, to) => {
        // Without git (or outside a repository) the plain rename below does the move.
        const tracked = await isTracked(ctx, from).catch(() => false)
        if (tracked && (await movePath(ctx, from, to).catch(() => false)))
          return { kind: 'ok', git: true }
        try {
          await rename(join(root, ...from.split('/')), join(root, ...to.split('/')))
          return { kind: 'ok', git: false }
        } catch (error) {
          return { kind: 'error', code: codeOf(error) }
        }
      },
    }
  }

  /**
   * Renames a post's slug and/or changes its date: checks the new slug (P1) and collisions,
   * moves the post file and its asset folder together, then rewrites `date` in the front matter
   * through the round-trip editor. The file on disk must be the one the editor has
   * (`expectedHash`).
   */
  async move(request: MovePostRequest): Promise<MovePostResult> {
    const repo = this.deps.repo()
    if (!repo) return { kind: 'error', message: NO_REPO }
    const resolved = await resolveInRepo(repo.root, request.path)
    if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    if (!resolved.exists) return { kind: 'error', message: MESSAGES.missing(resolved.relPath) }
    if (resolved.realPath !== resolved.absPath)
      return { kind: 'error', message: MESSAGES.symlink(resolved.relPath) }
    const { profile } = repo
    const key = patternMatcher(profile.postPath)(resolved.relPath)
    if (!key) return { kind: 'error', message: MESSAGES.notAPost(resolved.relPath) }

    const slug = request.slug === undefined ? key.slug : request.slug.trim()
    const slugCheck = checkSlug(slug)
    if (slugCheck.kind === 'invalid')
      return { kind: 'invalid', field: 'slug', message: slugCheck.reason }
    let newDate: string | null = null
    if (request.date !== undefined) {
      const date = withOffset(request.date, profile.timezone)
      if (parseFrontMatterDate(date) === null)
        return { kind: 'invalid', field: 'date', message: MESSAGES.badDate }
      newDate = date
    }
    const lockKey = join(repo.root, '.portal-writer-create')
    return this.deps.writer.exclusive(lockKey, () =>
      this.deps.writer.exclusive(resolved.realPath, () =>
        this.moveLocked(
          repo,
          resolved.relPath,
          resolved.realPath,
          key,
          slug,
          newDate,
          request.expectedHash,
        ),
      ),
    )
  }

  private async moveLocked(
    repo: RepoInfo,
    relPath: string,
    realPath: string,
    key: PostKey,
    slug: string,
    requestedDate: string | null,
    expectedHash: string | null,
  ): Promise<MovePostResult> {
    const { profile, root } = repo
    let bytes: Buffer
    try {
      bytes = await readFile(realPath)
    } catch (error) {
      return { kind: 'error', message: MESSAGES.moveFailed(relPath, codeOf(error)) }
    }
    if (expectedHash !== null && hashBytes(bytes) !== expectedHash)
      return { kind: 'conflict', message: MESSAGES.changed }
    const decoded = decodeText(bytes)
    const currentDate = readFields(decoded.text).data.date
    const dateChanged = requestedDate !== null && requestedDate !== currentDate
    if (dateChanged && !decoded.validUtf8) return { kind: 'error', message: MESSAGES.notUtf8 }

    const dateForKey = requestedDate ?? (typeof currentDate === 'string' ? currentDate : null)
    const newKey: PostKey = (dateForKey && postKeyFor(dateForKey, slug)) || { ...key, slug }
    const newRel = fillPattern(profile.postPath, newKey)
    if (newRel === relPath && !dateChanged) return { kind: 'unchanged' }

    const oldAssets = fillPattern(profile.assetPath, key)
    const newAssets = fillPattern(profile.assetPath, newKey)
    const target = await resolveInRepo(root, newRel)
    if (target.kind === 'refused') return { kind: 'error', message: target.reason }
    const assetTarget = await resolveInRepo(root, newAssets)
    if (assetTarget.kind === 'refused') return { kind: 'error', message: assetTarget.reason }
    const assetSource = await resolveInRepo(root, oldAssets)
    if (assetSource.kind === 'refused') return { kind: 'error', message: assetSource.reason }

    if (newRel !== relPath) {
      if (slug !== key.slug) {
        const taken = (await this.index.list(root, profile.postPath)).find(
          (p) => p.slug === slug && p.path !== relPath,
        )
        if (taken)
          return { kind: 'invalid', field: 'slug', message: MESSAGES.slugTaken(slug, taken.path) }
      }
      if (target.exists)
        return { kind: 'invalid', field: 'slug', message: MESSAGES.fileExists(newRel) }
    }
    const movesAssets = newAssets !== oldAssets && assetSource.exists
    if (movesAssets && assetTarget.exists) {
      const inside = await readdir(assetTarget.realPath).catch(() => ['?'])
      if (inside.length > 0)
        return { kind: 'invalid', field: 'slug', message: MESSAGES.assetsExist(newAssets) }
    }

    const mover = this.mover(root)
    const undo: Array<() => Promise<boolean>> = []
    const rollback = async (): Promise<boolean> => {
      let ok = true
      for (const step of undo.reverse()) ok = (await step().catch(() => false)) && ok
      return ok
    }
    let usedGit = false

    if (newRel !== relPath) {
      await mkdir(dirname(target.absPath), { recursive: true }).catch(() => undefined)
      const moved = await mover.move(relPath, newRel)
      if (moved.kind === 'error')
        return { kind: 'error', message: MESSAGES.moveFailed(relPath, moved.code) }
      usedGit ||= moved.git
      undo.push(async () => (await mover.move(newRel, relPath)).kind === 'ok')
    }
    if (movesAssets) {
      // An empty folder already there (made by hand, or left by an earlier move) gives way.
      if (assetTarget.exists) await rmdir(assetTarget.realPath).catch(() => undefined)
      await mkdir(dirname(assetTarget.absPath), { recursive: true }).catch(() => undefined)
      const moved = await mover.move(oldAssets, newAssets)
      if (moved.kind === 'error') {
        const undone = await rollback()
        return {
          kind: 'error',
          message: undone
            ? MESSAGES.moveFailed(oldAssets, moved.code)
            : MESSAGES.rollbackFailed(newRel),
        }
      }
      usedGit ||= moved.git
      undo.push(async () => (await mover.move(newAssets, oldAssets)).kind === 'ok')
    } else if (!assetSource.exists && !assetTarget.exists) {
      // Every post gets an asset folder (as a new post does), for its eyecatch and images.
      await mkdir(assetTarget.absPath, { recursive: true }).catch(() => undefined)
    }

    const finalReal = newRel === relPath ? realPath : target.realPath
    let text = decoded.text
    let finalBytes = bytes
    if (dateChanged) {
      const edited = applyFieldEdit(text, 'date', requestedDate)
      const format = { eol: decoded.eol, bom: decoded.bom }
      let failure: LocalizedText | null = null
      if (edited.kind === 'error') failure = edited.message
      else {
        finalBytes = encodeText(edited.text, format, decoded.raw)
        const mode = (await stat(finalReal).catch(() => null))?.mode
        const written = await writeFileAtomic(finalReal, finalBytes, { mode })
        if (written.kind === 'error') failure = written.message
        else text = edited.text
      }
      if (failure) {
        const undone = await rollback()
        return {
          kind: 'error',
          message: undone ? MESSAGES.editFailed(failure) : MESSAGES.rollbackFailed(newRel),
        }
      }
    }
    const hash = hashBytes(finalBytes)
    this.deps.known?.set(finalReal, { hash, eol: decoded.eol, bom: decoded.bom })
    const head = await readPostHead(finalReal)
    return {
      kind: 'moved',
      path: newRel,
      previousPath: relPath,
      assetDir: (await exists(assetTarget.absPath)) ? newAssets : null,
      text,
      hash,
      git: usedGit,
      post: summarizePost(newRel, newKey, head),
    }
  }

  /** Files in a post's asset folder (sub-folders included), by name; hidden files left out. */
  async assets(path: string): Promise<PostAssetsResult> {
    const repo = this.deps.repo()
    if (!repo) return { kind: 'error', message: NO_REPO }
    const post = await resolveInRepo(repo.root, path)
    if (post.kind === 'refused') return { kind: 'error', message: post.reason }
    const key = patternMatcher(repo.profile.postPath)(post.relPath)
    if (!key) return { kind: 'ok', assetDir: null, files: [] }
    const assetDir = fillPattern(repo.profile.assetPath, key)
    const dir = await resolveInRepo(repo.root, assetDir)
    if (dir.kind === 'refused') return { kind: 'error', message: dir.reason }
    const files: AssetFile[] = []
    const walk = async (abs: string, prefix: string, depth: number): Promise<void> => {
      const entries = await readdir(abs, { withFileTypes: true }).catch(() => [])
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue
        const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`
        if (entry.isDirectory() && depth < 4) await walk(join(abs, entry.name), name, depth + 1)
        else if (entry.isFile()) {
          const info = await stat(join(abs, entry.name)).catch(() => null)
          files.push({
            name,
            path: `${dir.relPath}/${name}`,
            bytes: info?.size ?? 0,
            isImage: IMAGE_NAME.test(entry.name),
          })
        }
      }
    }
    if (dir.exists) await walk(dir.realPath, '', 0)
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    return { kind: 'ok', assetDir, files }
  }
}
