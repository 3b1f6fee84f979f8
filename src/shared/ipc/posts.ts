import { z } from 'zod'
import { localizedTextSchema, postDocumentSchema, postSummarySchema } from '../post'
import type { CardData } from '../card'
import { errorResult } from './results'

/** IPC channels and events of the posts: list, read, save, create, watch, cards. Merged into `contract.ts`. */

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
  // Read-only, as `PlainText` is: one excerpt is shared by every card that reads the same HTML.
  plain: z
    .object({
      text: z.string(),
      length: z.number(),
      truncated: z.boolean(),
      ranges: z
        .array(
          z
            .object({ start: z.number(), end: z.number(), source: z.enum(['toc', 'code']) })
            .readonly(),
        )
        .readonly(),
    })
    .readonly(),
  path: z.string().nullable(),
}) satisfies z.ZodType<CardData>

/** Another post's card for the feed view; `draft` is `published: false` (not in the feed). */
export const postCardSchema = z.object({ card: cardDataSchema, draft: z.boolean() })
export type PostCard = z.infer<typeof postCardSchema>

const none = z.undefined()

/** Request/response channels of the posts. */
export const postsChannels = {
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
} as const

/** Main → renderer events about the posts. */
export const postsEvents = {
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
} as const

/** Methods to merge into `apiShape`: `window.portal.posts`. */
export const postsApiShape = {
  posts: {
    list: 'posts:list',
    read: 'posts:read',
    save: 'posts:save',
    create: 'posts:create',
    watch: 'posts:watch',
    cards: 'posts:cards',
  },
} as const
