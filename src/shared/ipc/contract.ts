import { z } from 'zod'
import { localizedTextSchema, postDocumentSchema, postSummarySchema } from '../post'
import { profileSchema } from '../profile'
import { markdownSettingsInForceSchema } from '../markdown/settings'
import { publishApiShape, publishChannels, publishEvents } from '../publish'
import { eyecatchApiShape, eyecatchChannels } from './eyecatch'
import { metadataApiShape, metadataChannels } from './metadata'
import { proofreadApiShape, proofreadChannels } from './proofread'
import { recoveryApiShape, recoveryChannels } from './recovery'
import type { CardData } from '../card'

/**
 * The one IPC contract between renderer and main.
 * Every request and response is validated with these schemas where it crosses (main validates
 * requests, the preload validates nothing it cannot trust anyway; tests validate both).
 */

const profileErrorSchema = z.object({ line: z.number(), message: localizedTextSchema })

/** What the renderer knows about the open repository. */
export const repoInfoSchema = z.object({
  root: z.string(),
  name: z.string(),
  profile: profileSchema,
  /** Set when `.portal-writer.yml` is invalid; the defaults are used meanwhile. */
  profileError: profileErrorSchema.nullable(),
  /** True for the embedded sample blog copied into the app's data folder. */
  isSample: z.boolean(),
  /**
   * The kramdown options posts render with (config.rb, then the profile's `markdown:` key) and
   * where each came from; absent means the blog's defaults.
   */
  markdown: markdownSettingsInForceSchema.optional(),
  /** Set when the folder does not look like a blog (no posts folder for the profile's `postPath`). */
  warning: localizedTextSchema.nullable().optional(),
})
export type RepoInfo = z.infer<typeof repoInfoSchema>

const errorResult = z.object({ kind: z.literal('error'), message: localizedTextSchema })

const repoResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), repo: repoInfoSchema }),
  z.object({ kind: z.literal('cancelled') }),
  errorResult,
])
export type RepoResult = z.infer<typeof repoResult>

const readResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), doc: postDocumentSchema }),
  errorResult,
])
export type ReadResult = z.infer<typeof readResult>

const saveResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('saved'),
    hash: z.string(),
    /** Someone else's version this save replaced, kept in the app's data folder (D2). */
    backup: z.object({ file: z.string(), savedAt: z.string() }).optional(),
  }),
  /** The file on disk is not the one the editor loaded: the writer must choose (D2). */
  z.object({
    kind: z.literal('conflict'),
    diskText: z.string().nullable(),
    diskHash: z.string().nullable(),
  }),
  errorResult,
])
export type SaveResult = z.infer<typeof saveResult>

const createResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), post: postSummarySchema }),
  z.object({
    kind: z.literal('invalid'),
    field: z.enum(['title', 'slug', 'date']),
    message: localizedTextSchema,
  }),
  errorResult,
])
export type CreateResult = z.infer<typeof createResult>

const openExternalResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened') }),
  z.object({ kind: z.literal('refused'), message: localizedTextSchema }),
])

/** Static facts about the running app. */
export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  /** URL prefix under which repository files are served to the preview (`<assetBase><relPath>`). */
  assetBase: z.string(),
  /** The OS language, used until the writer picks one. */
  systemLocale: z.enum(['ja', 'en']),
})
export type AppInfo = z.infer<typeof appInfoSchema>

/** A feed card as it crosses IPC: `CardData` of `src/shared/card`. */
export const cardDataSchema = z.object({
  title: z.string(),
  siteName: z.string(),
  siteUrl: z.string(),
  excerpt: z.string(),
  relativeTime: z.string().nullable(),
  date: z.string().nullable(),
  dateMs: z.number().nullable(),
  tooltip: z.string().nullable(),
  eyecatch: z.string().nullable(),
  eyecatchProblem: localizedTextSchema.nullable(),
  url: z.string().nullable(),
  ogDescription: z.string(),
  pageTitle: z.string(),
  bookmarks: z.number(),
  plain: z.object({
    text: z.string(),
    length: z.number(),
    truncated: z.boolean(),
    ranges: z.array(
      z.object({ start: z.number(), end: z.number(), source: z.enum(['toc', 'code']) }),
    ),
  }),
  path: z.string().nullable(),
}) satisfies z.ZodType<CardData>

/** Another post's card for the feed view; `draft` is `published: false` (not in the feed). */
export const postCardSchema = z.object({ card: cardDataSchema, draft: z.boolean() })
export type PostCard = z.infer<typeof postCardSchema>

/** Hatena Bookmark counts known now (cached; never waits for the network). */
export const bookmarkCountsSchema = z.object({
  /** Whether the writer turned counts on (off by default). */
  enabled: z.boolean(),
  /** Counts by URL; a URL with no count known is absent. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** True while counts are being fetched: `bookmarks:updated` follows. */
  pending: z.boolean(),
})
export type BookmarkCounts = z.infer<typeof bookmarkCountsSchema>

const none = z.undefined()

/** Request/response channels. */
export const channels = {
  'app:info': { request: none, response: appInfoSchema },
  /** Something to tell the writer once at start (git missing, last repository gone), or null. */
  'app:notice': { request: none, response: localizedTextSchema.nullable() },
  /** The repository open now (the sample on first start), or null. */
  'repo:current': { request: none, response: repoInfoSchema.nullable() },
  /** Opens a repository at a path. */
  'repo:open': { request: z.object({ path: z.string().min(1) }), response: repoResult },
  /** Asks the writer for a folder (system dialog) and opens it. */
  'repo:choose': { request: none, response: repoResult },
  'posts:list': { request: none, response: z.array(postSummarySchema) },
  'posts:read': { request: z.object({ path: z.string().min(1) }), response: readResult },
  /**
   * Saves atomically. `expectedHash` is the hash the editor last loaded or saved; a different file on
   * disk gives `conflict` unless `force` (the writer chose "keep mine").
   */
  'posts:save': {
    request: z.object({
      path: z.string().min(1),
      text: z.string(),
      expectedHash: z.string().nullable(),
      force: z.boolean().optional(),
      /** "Keep mine": replace the disk version `expectedHash` only if it is still there (D2). */
      replace: z.boolean().optional(),
    }),
    response: saveResult,
  },
  'posts:create': {
    request: z.object({
      title: z.string(),
      slug: z.string(),
      date: z.string().optional(),
      authors: z.array(z.string()).optional(),
      tags: z.array(z.string()).optional(),
      categories: z.array(z.string()).optional(),
    }),
    response: createResult,
  },
  /** Which post the editor shows, so main watches it for changes made elsewhere. */
  'posts:watch': { request: z.object({ path: z.string().nullable() }), response: z.null() },
  /** Cards of every post of the open repository, for the feed view (cached by file stamp). */
  'posts:cards': { request: none, response: z.array(postCardSchema) },
  /** Cached Hatena Bookmark counts for these URLs; stale ones are fetched in the background. */
  'bookmarks:counts': {
    request: z.object({ urls: z.array(z.string().max(2048)).max(5000) }),
    response: bookmarkCountsSchema,
  },
  /** Turns fetching Hatena Bookmark counts on or off (remembered in the data folder). */
  'bookmarks:setEnabled': {
    request: z.object({ enabled: z.boolean() }),
    response: bookmarkCountsSchema,
  },
  /** Opens an http(s)/mailto link in the system browser; everything else is refused (S9). */
  'shell:openExternal': { request: z.object({ url: z.string() }), response: openExternalResult },
  ...publishChannels,
  ...eyecatchChannels,
  ...metadataChannels,
  ...proofreadChannels,
  ...recoveryChannels,
} as const

/** Main → renderer events. */
export const events = {
  /** The open post changed or vanished on disk (D2/D3). */
  'post:changed-on-disk': z.object({
    path: z.string(),
    kind: z.enum(['modified', 'deleted']),
    text: z.string().nullable(),
    hash: z.string().nullable(),
  }),
  /** The set of posts changed (created, renamed, removed). */
  'posts:list-changed': z.null(),
  /**
   * The post catalog changed (a save, a create or move, or a file changed on disk): the list rows
   * that are new or different, and the paths that left. Sent before the save's own reply.
   */
  'posts:changed': z.object({
    root: z.string(),
    upserted: z.array(postSummarySchema),
    removed: z.array(z.string()),
  }),
  /** The open repository's markdown settings changed (its `config.rb` was edited). */
  'repo:markdown-changed': z.object({ root: z.string(), markdown: markdownSettingsInForceSchema }),
  /** New Hatena Bookmark counts arrived (ask `bookmarks:counts` again). */
  'bookmarks:updated': z.null(),
  /** Menu commands forwarded to the renderer. */
  'menu:command': z.object({
    command: z.enum(['save', 'new-post', 'open-repo', 'find', 'toggle-language']),
  }),
  ...publishEvents,
} as const

export type Channel = keyof typeof channels
export type EventName = keyof typeof events
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>
export type ResponseOf<C extends Channel> = z.output<(typeof channels)[C]['response']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

/** A handler table: one async function per channel. Main registers it; the e2e harness binds it. */
export type HandlerTable = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> }

/** Sends an event to the renderer. */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/**
 * The typed shape of `window.portal`: which method calls which channel.
 * Plain data, so the preload and the e2e harness build the same object from it.
 */
export const apiShape = {
  app: { info: 'app:info', notice: 'app:notice' },
  repo: { current: 'repo:current', open: 'repo:open', choose: 'repo:choose' },
  posts: {
    list: 'posts:list',
    read: 'posts:read',
    save: 'posts:save',
    create: 'posts:create',
    watch: 'posts:watch',
    cards: 'posts:cards',
  },
  shell: { openExternal: 'shell:openExternal' },
  bookmarks: { counts: 'bookmarks:counts', setEnabled: 'bookmarks:setEnabled' },
  publish: publishApiShape,
  ...eyecatchApiShape,
  ...metadataApiShape,
  ...proofreadApiShape,
  ...recoveryApiShape,
} as const satisfies Record<string, Record<string, Channel>>

type Shape = typeof apiShape
/** The API object the renderer sees as `window.portal`. */
export type PortalApi = {
  [G in keyof Shape]: {
    [M in keyof Shape[G]]: Shape[G][M] extends Channel
      ? RequestOf<Shape[G][M]> extends undefined
        ? () => Promise<ResponseOf<Shape[G][M]>>
        : (request: RequestOf<Shape[G][M]>) => Promise<ResponseOf<Shape[G][M]>>
      : never
  }
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
