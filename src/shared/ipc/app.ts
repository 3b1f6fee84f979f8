import { z } from 'zod'
import { localizedTextSchema } from '../post'
import { profileSchema } from '../profile'
import { markdownSettingsInForceSchema } from '../markdown/settings'
import { errorResult } from './results'

/** IPC channels of the app itself, the open repository and the system browser, merged into `contract.ts`. */

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

const repoResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok'), repo: repoInfoSchema }),
  z.object({ kind: z.literal('cancelled') }),
  errorResult,
])
export type RepoResult = z.infer<typeof repoResult>

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

const none = z.undefined()

/** Request/response channels of the app, the repository and the shell. */
export const appChannels = {
  'app:info': { request: none, response: appInfoSchema },
  /** Something to tell the writer once at start (git missing, last repository gone), or null. */
  'app:notice': { request: none, response: localizedTextSchema.nullable() },
  /** The repository open now (the sample on first start), or null. */
  'repo:current': { request: none, response: repoInfoSchema.nullable() },
  /** Opens a repository at a path. */
  'repo:open': { request: z.object({ path: z.string().min(1) }), response: repoResult },
  /** Asks the writer for a folder (system dialog) and opens it. */
  'repo:choose': { request: none, response: repoResult },
  /** Opens an http(s)/mailto link in the system browser; everything else is refused (S9). */
  'shell:openExternal': { request: z.object({ url: z.string() }), response: openExternalResult },
} as const

/** Main → renderer events about the open repository. */
export const appEvents = {
  /** The open repository's markdown settings changed (its `config.rb` was edited). */
  'repo:markdown-changed': z.object({ root: z.string(), markdown: markdownSettingsInForceSchema }),
} as const

/** Methods to merge into `apiShape`: `window.portal.app`, `.repo` and `.shell`. */
export const appApiShape = {
  app: { info: 'app:info', notice: 'app:notice' },
  repo: { current: 'repo:current', open: 'repo:open', choose: 'repo:choose' },
  shell: { openExternal: 'shell:openExternal' },
} as const
