import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Emit } from '../shared/ipc/contract'
import { msg, type LocalizedText } from '../shared/localized'
import { AtomicWriter } from './services/fs/atomic-file'
import { KnownFiles } from './services/posts/known-files'
import { PostsService } from './services/posts/posts'
import { PostCatalog, PostIndex } from './services/posts/post-catalog'
import { PostFilesService } from './services/posts/post-files'
import { SuggestionIndex } from './services/metadata/suggestions'
import { RepoService, type OpenRepoResult } from './services/repo/repo'
import { ensureSampleRepo, type SampleRepoResult } from './services/repo/sample-blog'
import { SettingsStore } from './services/repo/settings'
import { PostWatcher } from './services/posts/watcher'
import { RepoFileWatcher } from './services/repo/config-watcher'
import { MIDDLEMAN_CONFIG_FILE } from '../shared/markdown'
import { askpassProgram, createFileTokenStore } from './services/publish/credentials'
import { createPublishService, type PublishService } from './services/publish/service'
import { configureSharp, ImageService } from './services/images/image-service'
import { CardsService } from './services/feed/cards'
import { BookmarksService } from './services/feed/bookmarks'
import { ProofreadService } from './services/proofread/service'
import { InProcessLintHost, WorkerLintHost } from './services/proofread/lint-host'
import { BackupStore } from './services/posts/backups'
import { RecoveryJournal } from './services/posts/recovery'

/** Encrypts secrets at rest (Electron's safeStorage when available). Kept for the git credential service. */
export interface Encryption {
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
  /** True when the OS offers only a fixed-key obfuscation (Linux without a keyring): the UI warns. */
  weak?: boolean
}

/** Options for {@link createServices}. */
export interface CreateServicesOptions {
  /** The app's data folder (settings, the sample blog's copy and its origin). Created if missing. */
  dataDir: string
  /** The embedded sample blog to copy on first start (`resources/sample-blog`). */
  sampleSourceDir: string
  /** The app's resources folder: `askpass/`, `fonts/`, `backgrounds/` (`resources/` in a clone). */
  resourcesDir: string
  /** Where git and publish log lines go (credentials never appear in them). */
  log?: (line: string) => void
  /** Sends events to the renderer. */
  emit: Emit
  encryption?: Encryption
  /** The git executable. Default `git` from PATH. */
  git?: string
  /** Watcher timings (tests shorten them). */
  watch?: { debounceMs?: number; pollMs?: number }
  /** The clock for new posts' dates. */
  now?: () => number
  /**
   * Proofreading: the built worker script (`out/main/proofread-worker.js`) and the kuromoji
   * dictionary folder (null: next to kuromoji in node_modules). Without a worker file textlint runs
   * in-process (tests only: it would block main).
   */
  proofread?: { workerFile?: string | null; dicPath?: string | null }
  /** Hatena Bookmark's count endpoint (default: the public one, or `PORTAL_WRITER_HATENA_ENDPOINT`). */
  hatenaEndpoint?: string
}

/** Every main-process service, wired together. */
export interface Services {
  dataDir: string
  writer: AtomicWriter
  known: KnownFiles
  settings: SettingsStore
  repo: RepoService
  posts: PostsService
  /** Moves posts with their asset folder (rename slug / change date) and lists asset folders. */
  postFiles: PostFilesService
  /** The one catalog of the posts (scan, stamps, front matter) the list, cards and suggestions derive from. */
  catalog: PostCatalog
  /** Tags, authors and categories of every post, with counts. */
  suggestions: SuggestionIndex
  /** Tells the renderer that the set of posts changed (`posts:list-changed`). */
  postsChanged(): void
  watcher: PostWatcher
  /** How the sample blog's copy went (a message when git was missing). */
  sample: SampleRepoResult
  /** Something the writer should be told at start, e.g. that git is missing or the last repository is gone. */
  startupNotice: LocalizedText | null
  encryption: Encryption | null
  publish: PublishService
  images: ImageService
  /** Cards of every post, for the feed view. */
  cards: CardsService
  /** Hatena Bookmark counts (off until the writer turns them on). */
  bookmarks: BookmarksService
  /** textlint proofreading of open posts (in a worker thread). */
  proofread: ProofreadService
  /** Unsaved edits journaled for crash recovery (D6). */
  recovery: RecoveryJournal
  /** Opens the sample blog's copy; null when there is none. */
  openSample(): Promise<OpenRepoResult | null>
  /** Stops watchers and waits for pending writes. */
  dispose(): Promise<void>
}

/**
 * Builds the services for one app run: loads settings, makes sure the sample blog's copy exists,
 * then opens the last repository (or the sample when there is none or it cannot be opened).
 */
export async function createServices(options: CreateServicesOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true })
  const writer = new AtomicWriter()
  const known = new KnownFiles()
  const settings = new SettingsStore(options.dataDir, writer)
  await settings.load()
  // The app must start even if making the sample fails in an unexpected way.
  const sample: SampleRepoResult = await ensureSampleRepo(
    options.dataDir,
    options.sampleSourceDir,
    {
      git: options.git,
    },
  ).catch((error: unknown) => ({
    kind: 'error' as const,
    message: msg(
      `サンプルのブログを用意できませんでした（${String(error)}）。自分のリポジトリを開いてください。`,
      `The sample blog could not be prepared (${String(error)}). Open your own repository.`,
    ),
  }))
  const sampleRoot = sample.kind === 'ok' ? sample.root : null
  const repo = new RepoService({ settings, sampleRoot })
  // One catalog of the posts: the list (and slug collisions when creating and moving), the cards,
  // the suggestions and the watcher all derive from it, and its changes go to the renderer.
  const catalog = new PostCatalog()
  catalog.onChange((change) => options.emit('posts:changed', change))
  const index = new PostIndex(catalog)
  const posts = new PostsService({
    repo: () => repo.current(),
    writer,
    known,
    now: options.now,
    index,
    backups: new BackupStore(join(options.dataDir, 'backups')),
  })
  const postFiles = new PostFilesService({
    repo: () => repo.current(),
    writer,
    known,
    index,
    gitPath: options.git,
  })
  const suggestions = new SuggestionIndex({ repo: () => repo.current(), catalog })
  const watcher = new PostWatcher({ emit: options.emit, writer, known, catalog, ...options.watch })
  repo.onChange((info) => watcher.setRepo(info))
  // config.rb edited while the app runs: the settings in force follow, in main and in the app.
  const configWatcher = new RepoFileWatcher({
    file: MIDDLEMAN_CONFIG_FILE,
    onChange: async (root) => {
      const markdown = await repo.refreshMarkdown(root)
      if (markdown) options.emit('repo:markdown-changed', { root, markdown })
    },
    ...options.watch,
  })
  repo.onChange((info) => configWatcher.setRoot(info?.root ?? null))

  const tokens = createFileTokenStore({
    file: join(options.dataDir, 'tokens.json'),
    encryption: options.encryption,
  })
  const publish = createPublishService({
    repo: () => {
      const current = repo.current()
      return current ? { root: current.root, profile: current.profile } : null
    },
    tokens,
    askpass: () =>
      askpassProgram({
        resourcesDir: join(options.resourcesDir, 'askpass'),
        copyDir: join(options.dataDir, 'askpass'),
      }),
    savePost: async (request) => {
      const result = await posts.save(request)
      const current = repo.current()
      if (result.kind === 'saved' && current)
        catalog.noteText(
          { root: current.root, postPath: current.profile.postPath },
          request.path,
          request.text,
        )
      return result
    },
    emitProgress: (progress) => options.emit('publish:progress', progress),
    gitPath: options.git,
    log: options.log,
  })
  configureSharp()
  const images = new ImageService({
    repoRoot: () => repo.current()?.root ?? null,
    eyecatchSize: () => {
      const p = repo.current()?.profile
      return { width: p?.eyecatchWidth ?? 1200, height: p?.eyecatchHeight ?? 630 }
    },
    siteName: () => repo.current()?.profile.siteName ?? 'Pepabo Tech Portal',
    resourcesDir: options.resourcesDir,
  })

  const cards = new CardsService({ repo: () => repo.current(), catalog })
  const bookmarks = new BookmarksService({
    dataDir: options.dataDir,
    writer,
    onUpdated: () => options.emit('bookmarks:updated', null),
    endpoint: options.hatenaEndpoint ?? (process.env.PORTAL_WRITER_HATENA_ENDPOINT || undefined),
    log: options.log,
  })

  const workerFile = options.proofread?.workerFile ?? null
  const proofread = new ProofreadService({
    root: () => repo.current()?.root ?? null,
    host: workerFile
      ? new WorkerLintHost({ workerFile, dicPath: options.proofread?.dicPath, log: options.log })
      : new InProcessLintHost(),
    disabledRules: (root) => settings.get().proofreadDisabledRules?.[root] ?? [],
    saveDisabledRules: async (root, ruleIds) => {
      const all = { ...settings.get().proofreadDisabledRules, [root]: ruleIds }
      await settings.update({ proofreadDisabledRules: all })
    },
    log: options.log,
  })
  const recovery = new RecoveryJournal({ dataDir: options.dataDir, writer })

  const openSample = async () => (sampleRoot ? repo.open(sampleRoot, { remember: false }) : null)
  let startupNotice: LocalizedText | null = sample.message
  const last = settings.get().lastRepoPath
  const reopened = last ? await repo.open(last) : null
  if (reopened?.kind !== 'ok') {
    const opened = await openSample()
    if (reopened?.kind === 'error' && opened?.kind === 'ok') startupNotice = reopened.message
  }
  void proofread.warm()

  return {
    dataDir: options.dataDir,
    writer,
    known,
    settings,
    repo,
    posts,
    postFiles,
    catalog,
    suggestions,
    postsChanged: () => options.emit('posts:list-changed', null),
    watcher,
    sample,
    startupNotice,
    encryption: options.encryption ?? null,
    publish,
    images,
    cards,
    bookmarks,
    proofread,
    recovery,
    openSample,
    async dispose() {
      await proofread.dispose()
      await watcher.dispose()
      configWatcher.dispose()
      await bookmarks.idle()
      await writer.idle()
    },
  }
}
