import { z } from 'zod'
import { appApiShape, appChannels, appEvents } from './app'
import { eyecatchApiShape, eyecatchChannels } from './eyecatch'
import { feedApiShape, feedChannels, feedEvents } from './feed'
import { metadataApiShape, metadataChannels } from './metadata'
import { postsApiShape, postsChannels, postsEvents } from './posts'
import { proofreadApiShape, proofreadChannels } from './proofread'
import { publishApiShape, publishChannels, publishEvents } from './publish'
import { recoveryApiShape, recoveryChannels } from './recovery'

export { appInfoSchema, repoInfoSchema } from './app'
export type { AppInfo, RepoInfo, RepoResult } from './app'
export { bookmarkCountsSchema } from './feed'
export type { BookmarkCounts } from './feed'
export { cardDataSchema, postCardSchema } from './posts'
export type { CreateResult, PostCard, ReadResult, SaveResult } from './posts'

/**
 * The one IPC contract between renderer and main.
 * Every request and response is validated with these schemas where it crosses (main validates
 * requests, the preload validates nothing it cannot trust anyway; tests validate both).
 */

/** Request/response channels: every feature's fragment (`shared/ipc/<feature>.ts`). */
export const channels = {
  ...appChannels,
  ...postsChannels,
  ...feedChannels,
  ...publishChannels,
  ...eyecatchChannels,
  ...metadataChannels,
  ...proofreadChannels,
  ...recoveryChannels,
} as const

/** Main → renderer events. */
export const events = {
  ...postsEvents,
  ...feedEvents,
  ...appEvents,
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
  ...appApiShape,
  ...postsApiShape,
  ...feedApiShape,
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
