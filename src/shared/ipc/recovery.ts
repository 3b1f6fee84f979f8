import { z } from 'zod'

/**
 * IPC channels of the crash-recovery journal (RELIABILITY.md D6), merged into
 * `src/shared/ipc/contract.ts`. The journal belongs to the repository open now; main decides which.
 */

/** One post's unsaved edits found in the journal at start. */
export const recoveredEditSchema = z.object({
  /** Repository-relative post path. */
  path: z.string(),
  /** The buffer as last journaled. */
  text: z.string(),
  /** Hash of the disk bytes the buffer was based on (null: the file did not exist). */
  baseHash: z.string().nullable(),
  /** When it was journaled (ms since the epoch). */
  savedAt: z.number(),
})
/** One post's unsaved edits found in the journal. */
export type RecoveredEdit = z.infer<typeof recoveredEditSchema>

/** Posts are at most a few MB; a journal entry larger than this is refused, not written. */
export const MAX_JOURNAL_TEXT = 64 * 1024 * 1024

/** Request/response channels of the journal. */
export const recoveryChannels = {
  /** Journals one post's unsaved buffer (replacing the previous entry). */
  'recovery:write': {
    request: z.object({
      path: z.string().min(1),
      text: z.string().max(MAX_JOURNAL_TEXT),
      baseHash: z.string().nullable(),
    }),
    response: z.null(),
  },
  /** Forgets one post's entry (it was saved, or the writer discarded the edits). */
  'recovery:remove': { request: z.object({ path: z.string().min(1) }), response: z.null() },
  /** The entries of the repository open now, oldest first. */
  'recovery:list': { request: z.undefined(), response: z.array(recoveredEditSchema) },
} as const

/** `window.portal.recovery`. */
export const recoveryApiShape = {
  recovery: { write: 'recovery:write', remove: 'recovery:remove', list: 'recovery:list' },
} as const
