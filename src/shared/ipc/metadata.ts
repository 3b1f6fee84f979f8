import { z } from 'zod'
import { localizedTextSchema, postSummarySchema } from '../post'

/**
 * IPC channels of the metadata feature, to merge into `src/shared/ipc/contract.ts`: repository
 * suggestions, moving a post (rename slug / change date) and listing a post's asset folder.
 */

/** A suggested value and how many posts use it. */
export const suggestionEntrySchema = z.object({
  value: z.string(),
  count: z.number().int().nonnegative(),
})

/** Tags, authors and categories of every post of the repository, most used first. */
export const suggestionsSchema = z.object({
  tags: z.array(suggestionEntrySchema),
  authors: z.array(suggestionEntrySchema),
  categories: z.array(suggestionEntrySchema),
  /** How many posts were counted. */
  posts: z.number().int().nonnegative(),
})
/** Repository-wide suggestions. */
export type Suggestions = z.infer<typeof suggestionsSchema>

/** Asks for the suggestions, optionally leaving one post out (the open one: its buffer counts live). */
export const suggestionsRequestSchema = z.object({
  excludePath: z.string().min(1).nullable().optional(),
})

const errorResult = z.object({ kind: z.literal('error'), message: localizedTextSchema })

/**
 * Moves a post: a new slug, a new date, or both. `expectedHash` is the hash the editor last loaded
 * or saved (save first): a different file on disk gives `conflict`.
 */
export const movePostRequestSchema = z.object({
  path: z.string().min(1),
  slug: z.string().optional(),
  /** ISO 8601 (an offset is added when missing) or `YYYY-MM-DD`. */
  date: z.string().optional(),
  expectedHash: z.string().nullable(),
})
/** What `posts:move` receives. */
export type MovePostRequest = z.infer<typeof movePostRequestSchema>

/** Result of moving a post; the editor reopens `path` with `text` and `hash`. */
export const movePostResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('moved'),
    /** The post's new repository-relative path. */
    path: z.string(),
    previousPath: z.string(),
    /** The asset folder's new path, or null when the post had none and none was made. */
    assetDir: z.string().nullable(),
    /** The file's text as the editor receives it (LF, no BOM) and the hash of its bytes. */
    text: z.string(),
    hash: z.string(),
    /** Whether git was told (`git mv`), so history follows the file. */
    git: z.boolean(),
    post: postSummarySchema,
  }),
  /** Nothing to do: same slug and same date. */
  z.object({ kind: z.literal('unchanged') }),
  z.object({
    kind: z.literal('invalid'),
    field: z.enum(['slug', 'date']),
    message: localizedTextSchema,
  }),
  /** The file on disk is not the one the editor has: save or reload first. */
  z.object({ kind: z.literal('conflict'), message: localizedTextSchema }),
  errorResult,
])
/** Result of `posts:move`. */
export type MovePostResult = z.infer<typeof movePostResultSchema>

/** A file in a post's asset folder. */
export const assetFileSchema = z.object({
  /** Path relative to the asset folder, with `/` (what front matter and Markdown write). */
  name: z.string(),
  /** Repository-relative path. */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  isImage: z.boolean(),
})
/** A file in a post's asset folder. */
export type AssetFile = z.infer<typeof assetFileSchema>

/** Result of listing a post's asset folder. */
export const postAssetsResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    /** Repository-relative asset folder, or null when the post's path does not follow the profile. */
    assetDir: z.string().nullable(),
    files: z.array(assetFileSchema),
  }),
  errorResult,
])
/** Result of `posts:assets`. */
export type PostAssetsResult = z.infer<typeof postAssetsResultSchema>

/** Channels to merge into `channels` of the IPC contract. */
export const metadataChannels = {
  /** Tags, authors and categories of the repository with usage counts. */
  'metadata:suggestions': { request: suggestionsRequestSchema, response: suggestionsSchema },
  /** Renames a post's slug and/or changes its date: moves the file and its asset folder (git mv). */
  'posts:move': { request: movePostRequestSchema, response: movePostResultSchema },
  /** Files in a post's asset folder (for the eyecatch picker and the "file missing" check). */
  'posts:assets': {
    request: z.object({ path: z.string().min(1) }),
    response: postAssetsResultSchema,
  },
} as const

/** Methods to merge into `apiShape`: `window.portal.metadata.*`. */
export const metadataApiShape = {
  metadata: {
    suggestions: 'metadata:suggestions',
    movePost: 'posts:move',
    assets: 'posts:assets',
  },
} as const
