import { z } from 'zod'

/** A localized message on the wire. */
export const localizedTextSchema = z.object({ ja: z.string(), en: z.string() })

/** One row of the post list. `path` is repository-relative with `/` separators. */
export const postSummarySchema = z.object({
  path: z.string(),
  slug: z.string(),
  title: z.string(),
  /** Front-matter date as written, or null when missing/invalid. */
  date: z.string().nullable(),
  tags: z.array(z.string()),
  /** `published: false` in the front matter. */
  draft: z.boolean(),
  eyecatch: z.string().nullable(),
  /** Why the post's front matter could not be read, if it could not. */
  problem: localizedTextSchema.nullable(),
})
/** One row of the post list. */
export type PostSummary = z.infer<typeof postSummarySchema>

/**
 * An open post as the editor receives it. `text` always uses `\n` and has no BOM; the service
 * restores the file's own line endings and BOM when it saves (RELIABILITY.md D9).
 */
export const postDocumentSchema = z.object({
  path: z.string(),
  text: z.string(),
  /** sha-256 of the bytes on disk, used to detect changes made by someone else. */
  hash: z.string(),
  eol: z.enum(['lf', 'crlf']),
  bom: z.boolean(),
  /** Set when the file cannot be saved safely (read-only, invalid UTF-8, symlink outside). */
  readOnly: localizedTextSchema.nullable(),
  /** Something the writer should know before editing (e.g. lone-CR line breaks, D9); editing is allowed. */
  notice: localizedTextSchema.nullable().optional(),
  /** The post's asset folder, repository-relative, or null when the path does not follow the profile. */
  assetDir: z.string().nullable(),
})
/** An open post as the editor receives it. */
export type PostDocument = z.infer<typeof postDocumentSchema>
