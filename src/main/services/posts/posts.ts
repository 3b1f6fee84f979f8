import { readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Document, isSeq, Scalar } from 'yaml'
import { listStyleOf, type ListStyle } from '../../../shared/metadata/list-style'
import { formatWithOffset, parseFrontMatterDate, withOffset } from '../../../shared/dates'
import type { CreateResult, ReadResult, RepoInfo, SaveResult } from '../../../shared/ipc/contract'
import { msg } from '../../../shared/localized'
import type { PostSummary } from '../../../shared/post'
import { fillPattern, patternMatcher, postKeyFor, type Profile } from '../../../shared/profile'
import { checkSlug } from '../../../shared/slug'
import { writeErrorMessage, writeFileAtomic, type AtomicWriter } from '../fs/atomic-file'
import { makeFolder } from '../fs/make-folder'
import type { BackupEntry, BackupStore } from './backups'
import type { KnownFiles } from './known-files'
import { decodeText, encodeText, hashBytes } from './post-bytes'
import { PostIndex } from './post-catalog'
import { readPostHead, summarizePost } from './post-list'
import { checkRelativePath, resolveInRepo } from '../fs/paths'
import { codeOf, exists } from '../fs/file-facts'
import { NO_REPO } from '../repo/messages'
import {
  BACKUP_FAILED,
  LONE_CR,
  NOT_A_POST_FILE,
  NOT_UTF8,
  READ_ONLY_DISK,
  readErrorMessage,
  readOnlyReason,
} from './post-messages'

/** What `posts:save` receives. */
export interface SaveRequest {
  path: string
  text: string
  expectedHash: string | null
  force?: boolean
  /**
   * The writer chose to replace the version on disk whose hash is `expectedHash` ("keep mine"):
   * saved only if the disk still has that version, which is kept as a backup first (D2).
   */
  replace?: boolean
}

/** What `posts:create` receives. */
export interface CreateRequest {
  title: string
  slug: string
  date?: string
  /** The post's authors (blank names dropped). */
  authors?: string[]
  /** The post's tags (blank ones dropped). */
  tags?: string[]
  /** The post's categories (blank ones dropped); the key is left out when not given. */
  categories?: string[]
}

/** Dependencies of {@link PostsService}. */
export interface PostsServiceDeps {
  /** The repository open now. */
  repo: () => RepoInfo | null
  writer: AtomicWriter
  known: KnownFiles
  /** The clock for new posts' dates (tests pass a fixed one). */
  now?: () => number
  index?: PostIndex
  /** Keeps versions that a save replaces without the app having written them (D2). */
  backups?: BackupStore
}

/** The lists of a new post, and how the repository writes lists. */
export interface NewPostLists {
  tags?: readonly string[]
  categories?: readonly string[]
  style?: ListStyle
}

/**
 * The front matter of a new post: title always double-quoted, so no YAML reader takes it as a
 * value; lists in the repository's style (block or flow, its indentation).
 */
export function newPostText(
  title: string,
  date: string,
  authors: readonly string[] = [],
  lists: NewPostLists = {},
): string {
  const style = lists.style ?? { flow: false, indent: 2 }
  const doc = new Document({
    title,
    date,
    ...(lists.categories ? { categories: [...lists.categories] } : {}),
    tags: [...(lists.tags ?? [])],
    authors: [...authors],
    published: false,
  })
  const titleNode = doc.get('title', true) as Scalar
  titleNode.type = Scalar.QUOTE_DOUBLE
  if (style.flow) {
    for (const key of ['categories', 'tags', 'authors']) {
      const node = doc.get(key, true)
      if (isSeq(node)) node.flow = true
    }
  }
  const yaml = doc.toString({
    lineWidth: 0,
    indentSeq: style.indent > 0,
    indent: Math.max(2, style.indent),
    flowCollectionPadding: false,
  })
  return `---\n${yaml}---\n\n`
}

/** How many of the newest posts teach a new post its list style. */
const STYLE_SAMPLE = 20

const cleanList = (values: readonly string[] | undefined) => [
  ...new Set((values ?? []).map((v) => v.trim()).filter(Boolean)),
]

/** Reads, saves, creates and lists the posts of the open repository. */
export class PostsService {
  private readonly index: PostIndex
  private readonly now: () => number

  constructor(private readonly deps: PostsServiceDeps) {
    this.index = deps.index ?? new PostIndex()
    this.now = deps.now ?? Date.now
  }

  /** Every post of the open repository, newest first (empty when none is open). */
  async list(): Promise<PostSummary[]> {
    const repo = this.deps.repo()
    if (!repo) return []
    return this.index.list(repo.root, repo.profile.postPath)
  }

  /** Opens a post: text with LF and no BOM, the hash of its bytes, and why it is read-only if it is. */
  async read(path: string): Promise<ReadResult> {
    const repo = this.deps.repo()
    if (!repo) return { kind: 'error', message: NO_REPO }
    const resolved = await resolveInRepo(repo.root, path)
    if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    let bytes: Buffer
    try {
      bytes = await readFile(resolved.realPath)
    } catch (error) {
      return { kind: 'error', message: readErrorMessage(codeOf(error), resolved.relPath) }
    }
    const hash = hashBytes(bytes)
    const decoded = decodeText(bytes)
    this.deps.known.set(resolved.realPath, { hash, eol: decoded.eol, bom: decoded.bom })
    const readOnly = decoded.validUtf8
      ? await readOnlyReason(resolved.realPath, true).catch(() => null)
      : NOT_UTF8
    return {
      kind: 'ok',
      doc: {
        path: resolved.relPath,
        text: decoded.text,
        hash,
        eol: decoded.eol,
        bom: decoded.bom,
        readOnly,
        notice: decoded.loneCr ? LONE_CR : null,
        assetDir: assetDirOf(repo.profile, resolved.relPath),
      },
    }
  }

  /**
   * Saves atomically, serialized per file (D8). A file someone else changed since `expectedHash`
   * gives `conflict` with their text (D2), unless `force`. A vanished file is a conflict with
   * `diskText: null`; saving with `expectedHash: null` or `force` recreates it (D3). The file's
   * CRLF and BOM are kept (D9). Read-only files are never overwritten (D7); a file that is not
   * valid UTF-8 only when the writer forces it (D9).
   */
  save(request: SaveRequest): Promise<SaveResult> {
    const repo = this.deps.repo()
    if (!repo) return Promise.resolve({ kind: 'error', message: NO_REPO })
    const checked = checkRelativePath(request.path)
    if (checked.kind === 'refused')
      return Promise.resolve({ kind: 'error', message: checked.reason })
    // Queue synchronously, by the path as named, so saves apply in the order they were asked for
    // (resolving symlinks first would let a later save overtake an earlier one).
    const orderKey = join(repo.root, ...checked.relPath.split('/'))
    return this.deps.writer.exclusive(orderKey, async () => {
      const resolved = await resolveInRepo(repo.root, checked.relPath)
      if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
      // Both the name and where a link leads must be a post or inside an asset folder (D11).
      for (const rel of [resolved.relPath, resolved.realRelPath]) {
        if (!isSavablePath(repo.profile, rel))
          return { kind: 'error', message: NOT_A_POST_FILE(rel) }
      }
      const write = () => this.saveResolved(request, repo.root, resolved.relPath, resolved.realPath)
      // A symlinked name also takes the real file's turn (the watcher and other names use that one).
      return resolved.realPath === orderKey
        ? write()
        : this.deps.writer.exclusive(resolved.realPath, write)
    })
  }

  private async saveResolved(
    request: SaveRequest,
    repoRoot: string,
    relPath: string,
    realPath: string,
  ): Promise<SaveResult> {
    let disk: Buffer | null
    try {
      disk = await readFile(realPath)
    } catch (error) {
      if (codeOf(error) !== 'ENOENT')
        return { kind: 'error', message: readErrorMessage(codeOf(error), relPath) }
      disk = null
    }
    const known = this.deps.known.get(realPath)
    const diskHash = disk ? hashBytes(disk) : null
    const decoded = disk ? decodeText(disk) : null
    if (!request.force) {
      // The app's own last write is not "someone else": concurrent saves of one buffer queue up (D8).
      const ours = diskHash !== null && diskHash === known?.hash
      if (diskHash !== request.expectedHash && !ours) {
        return { kind: 'conflict', diskText: decoded?.text ?? null, diskHash }
      }
      if (decoded && !decoded.validUtf8) return { kind: 'error', message: NOT_UTF8 }
    }
    const readOnly = await readOnlyReason(realPath, disk !== null).catch(() => null)
    if (readOnly && disk !== null) return { kind: 'error', message: readOnly }
    const format = decoded ?? known ?? { eol: 'lf' as const, bom: false }
    const bytes = encodeText(request.text, format, decoded?.raw)
    const hash = hashBytes(bytes)
    let backup: BackupEntry | null = null
    const replacing = request.replace === true || request.force === true
    if (replacing && hash !== diskHash && disk && diskHash !== known?.hash && this.deps.backups) {
      // Someone else's version is about to be replaced: keep it first, or do not replace it.
      backup = await this.deps.backups.keep(repoRoot, relPath, disk, diskHash!)
      if (!backup) return { kind: 'error', message: BACKUP_FAILED }
    }
    if (hash !== diskHash) {
      const mode = disk ? (await stat(realPath)).mode : undefined
      if (!disk) {
        const folder = await makeFolder(dirname(realPath)).then(
          () => null,
          (error: unknown) => codeOf(error),
        )
        if (folder) return { kind: 'error', message: writeErrorMessage(folder, realPath) }
      }
      const written = await writeFileAtomic(realPath, bytes, { mode })
      if (written.kind === 'error') return { kind: 'error', message: written.message }
    }
    this.deps.known.set(realPath, { hash, eol: format.eol, bom: format.bom })
    return backup
      ? { kind: 'saved', hash, backup: { file: backup.file, savedAt: backup.savedAt } }
      : { kind: 'saved', hash }
  }

  /**
   * Creates a post from a title, a slug and an optional date (default: now in the profile's
   * timezone): checks them (P1), refuses a slug already used on any date, writes the front matter
   * and makes the post's asset folder.
   */
  async create(request: CreateRequest): Promise<CreateResult> {
    const repo = this.deps.repo()
    if (!repo) return { kind: 'error', message: NO_REPO }
    const { profile } = repo
    const title = request.title.trim()
    if (title === '')
      return {
        kind: 'invalid',
        field: 'title',
        message: msg('タイトルを入力してください。', 'Enter a title.'),
      }
    if (/[\p{Cc}\u2028\u2029]/u.test(title)) {
      return {
        kind: 'invalid',
        field: 'title',
        message: msg(
          'タイトルは改行や制御文字を含まない 1 行にしてください。',
          'Keep the title on one line, without control characters.',
        ),
      }
    }
    const slug = request.slug
    const slugCheck = checkSlug(slug)
    if (slugCheck.kind === 'invalid')
      return { kind: 'invalid', field: 'slug', message: slugCheck.reason }
    let date: string
    if (request.date === undefined || request.date.trim() === '') {
      date = formatWithOffset(this.now(), profile.timezone)
    } else {
      const epoch = parseFrontMatterDate(withOffset(request.date, profile.timezone))
      if (epoch === null) {
        return {
          kind: 'invalid',
          field: 'date',
          message: msg(
            '日付は 2025-01-31 や 2025-01-31T10:00:00+09:00 の形で書いてください。',
            'Write the date like 2025-01-31 or 2025-01-31T10:00:00+09:00.',
          ),
        }
      }
      date = formatWithOffset(epoch, profile.timezone)
    }
    // One create at a time per repository, so two at once cannot both take a free slug.
    const authors = cleanList(request.authors)
    const lists = {
      tags: cleanList(request.tags),
      ...(request.categories ? { categories: cleanList(request.categories) } : {}),
    }
    return this.deps.writer.exclusive(join(repo.root, '.portal-writer-create'), () =>
      this.createLocked(repo, title, slug, date, authors, lists),
    )
  }

  private async createLocked(
    repo: RepoInfo,
    title: string,
    slug: string,
    date: string,
    authors: readonly string[],
    lists: NewPostLists,
  ): Promise<CreateResult> {
    const { profile } = repo
    const key = postKeyFor(date, slug)!
    const relPath = fillPattern(profile.postPath, key)
    const assetRel = fillPattern(profile.assetPath, key)
    const listed = await this.index.list(repo.root, profile.postPath)
    const existing = listed.find((p) => p.slug === slug)
    if (existing) {
      return {
        kind: 'invalid',
        field: 'slug',
        message: msg(
          `スラッグ「${slug}」はすでに「${existing.path}」で使われています。別のスラッグにしてください。`,
          `The slug "${slug}" is already used by "${existing.path}". Choose another slug.`,
        ),
      }
    }
    const resolved = await resolveInRepo(repo.root, relPath)
    if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    const assets = await resolveInRepo(repo.root, assetRel)
    if (assets.kind === 'refused') return { kind: 'error', message: assets.reason }
    // Lists are written the way the repository's newest posts write them.
    // Each through the real-path check (D11): a listed link out of the repository is not read
    // (one to a FIFO would keep every later create waiting).
    const heads = await Promise.all(
      listed.slice(0, STYLE_SAMPLE).map(async (p) => {
        const post = await resolveInRepo(repo.root, p.path)
        return post.kind === 'ok' ? readPostHead(post.realPath).catch(() => null) : null
      }),
    )
    const style = listStyleOf(heads.flatMap((h) => (h ? [h.text] : [])))
    const text = newPostText(title, date, authors, { ...lists, style })
    return this.deps.writer.exclusive(resolved.realPath, async (): Promise<CreateResult> => {
      if (await exists(resolved.realPath)) {
        return {
          kind: 'invalid',
          field: 'slug',
          message: msg(
            `「${relPath}」はすでにあります。別のスラッグにしてください。`,
            `"${relPath}" already exists. Choose another slug.`,
          ),
        }
      }
      try {
        await makeFolder(dirname(resolved.realPath))
        await makeFolder(assets.realPath)
      } catch (error) {
        return {
          kind: 'error',
          message:
            codeOf(error) === 'EROFS'
              ? READ_ONLY_DISK
              : msg(
                  `記事のフォルダを作れませんでした（${codeOf(error)}）。フォルダの権限や空き容量を確かめてください。`,
                  `Could not create the post’s folders (${codeOf(error)}). Check the folder permissions and free space.`,
                ),
        }
      }
      const bytes = Buffer.from(text, 'utf8')
      const written = await writeFileAtomic(resolved.realPath, bytes)
      if (written.kind === 'error') return { kind: 'error', message: written.message }
      this.deps.known.set(resolved.realPath, { hash: hashBytes(bytes), eol: 'lf', bom: false })
      const head = await readPostHead(resolved.realPath)
      return { kind: 'created', post: summarizePost(resolved.relPath, key, head) }
    })
  }
}

/**
 * Whether `posts:save` may write a repository-relative path: a post file (the profile's
 * `postPath`) or a file inside a post's asset folder; never `Gemfile`, `.github/…` or the profile.
 */
export function isSavablePath(profile: Profile, relPath: string): boolean {
  if (patternMatcher(profile.postPath)(relPath)) return true
  const parts = relPath.split('/')
  if (parts.some((part) => part.startsWith('.'))) return false
  const inAssets = patternMatcher(profile.assetPath)
  for (let i = parts.length - 1; i > 0; i--) {
    if (inAssets(parts.slice(0, i).join('/'))) return true
  }
  return false
}

/** The asset folder of a post path under the profile, or null when the path is not a post path. */
export function assetDirOf(profile: Profile, relPath: string): string | null {
  const key = patternMatcher(profile.postPath)(relPath)
  return key ? fillPattern(profile.assetPath, key) : null
}
