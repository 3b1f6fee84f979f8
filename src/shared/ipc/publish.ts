import { z } from 'zod'
import { gitErrorKindSchema } from '../git/error-kinds'
import { localizedTextSchema } from '../post'

/** The zod schemas of publishing's IPC channels and events (merged into the app's contract). */

/**
 * Where a post stands on its way to the blog, computed from refs and the working folder:
 * - `draft`: never sent, not on the base branch;
 * - `published`: on the base branch, as in the folder, with no review under way (published before
 *   the app saw it, or merged and its review place removed);
 * - `edited`: on the base branch, edited in the folder, not sent yet;
 * - `sent`: sent for review, the folder has exactly what was sent;
 * - `unsent-commit`: recorded for review on this computer but not yet on the server (push failed);
 * - `changed`: sent before, changed in the folder since;
 * - `merged`: the base branch contains the post as sent, and the folder has it too.
 */
export const publishStateSchema = z.enum([
  'draft',
  'published',
  'edited',
  'sent',
  'unsent-commit',
  'changed',
  'merged',
])
/** Where a post stands on its way to the blog. */
export type PublishState = z.infer<typeof publishStateSchema>

/** Steps of the one-click flow, in order; the progress bar labels them. */
export const publishPhaseSchema = z.enum([
  'check',
  'save',
  'fetch',
  'branch',
  'commit',
  'push',
  'done',
])
export { gitErrorKindSchema }
/** A step of the one-click flow. */
export type PublishPhase = z.infer<typeof publishPhaseSchema>

/** A progress report of the one-click flow (the `publish:progress` event). */
export const publishProgressSchema = z.object({
  /** The post being published. */
  path: z.string(),
  phase: publishPhaseSchema,
  /** Overall progress 0–100, fed by git's own progress output while pushing. */
  percent: z.number().min(0).max(100),
})
/** A progress report of the one-click flow. */
export type PublishProgress = z.infer<typeof publishProgressSchema>

/** How a file of the post differs from the last commit. */
export const fileChangeSchema = z.enum(['added', 'modified', 'deleted', 'unchanged'])

/** One file that publishing would include. */
export const includedFileSchema = z.object({
  /** Repository-relative, `/`-separated. */
  path: z.string(),
  change: fileChangeSchema,
  /** Size on disk, or null when the file is deleted. */
  bytes: z.number().nullable(),
})
/** One file that publishing would include. */
export type IncludedFile = z.infer<typeof includedFileSchema>

/** The remote the post goes to, with any credentials in its address removed (G8). */
export const remoteInfoSchema = z.object({
  name: z.string(),
  /** The address with user/password removed: safe to show. */
  displayUrl: z.string(),
  /** `host[:port]` for HTTPS remotes (the key of a stored token), else null. */
  tokenHost: z.string().nullable(),
  /** True for a folder or file:// remote (no pull-request page). */
  local: z.boolean(),
  /** True when the configured address embeds a password or token (G8). */
  hasEmbeddedCredentials: z.boolean(),
})
/** The remote the post goes to. */
export type RemoteInfo = z.infer<typeof remoteInfoSchema>

/** A problem that stops publishing right now, shown before the writer presses the button. */
export const publishBlockerSchema = z.object({
  kind: gitErrorKindSchema,
  message: localizedTextSchema,
  files: z.array(z.string()),
})
/** A problem that stops publishing right now. */
export type PublishBlocker = z.infer<typeof publishBlockerSchema>

/** What the publish panel shows for one post. */
export const publishStatusSchema = z.object({
  path: z.string(),
  state: publishStateSchema,
  /** The post's branch (`post/<slug>` by default). */
  branch: z.string(),
  branchExists: z.boolean(),
  /** The branch the working folder is on (shown as a detail only); null when HEAD is detached. */
  currentBranch: z.string().nullable(),
  baseBranch: z.string(),
  /** The base branch has commits the post's branch lacks: offer to bring them in. */
  behindBase: z.boolean(),
  /** The post is not on the base branch yet: the commit says 「記事を追加」, else 「記事を更新」. */
  newToBase: z.boolean(),
  /** Commits on the post branch that the remote does not have yet. */
  unpushedCommits: z.number().int().min(0),
  /**
   * The post file and its asset folder's files: all that publishing includes, each compared with
   * what reviewers have (the post's branch, or the base branch before the first send).
   */
  files: z.array(includedFileSchema),
  remote: remoteInfoSchema.nullable(),
  /** The pull-request page, when the remote has one. */
  pullRequestUrl: z.string().nullable(),
  /** A token is saved for the remote's host (the tab offers to delete it). */
  tokenStored: z.boolean(),
  /** The commit message the next commit gets unless the writer edits it. */
  suggestedMessage: z.string(),
  /** True until the post's branch exists: the message can be edited for the first send. */
  firstCommit: z.boolean(),
  blockers: z.array(publishBlockerSchema),
  warnings: z.array(localizedTextSchema),
})
/** What the publish panel shows for one post. */
export type PublishStatus = z.infer<typeof publishStatusSchema>

const publishErrorSchema = z.object({
  kind: z.literal('error'),
  code: gitErrorKindSchema,
  message: localizedTextSchema,
  /** The step that stopped. */
  phase: publishPhaseSchema,
  /** True when a commit was made (or already existed) and is kept locally for a retry. */
  commitKept: z.boolean(),
  /** Files the message is about (unrelated changes, oversized files, conflicts). */
  files: z.array(z.string()),
  /** For `auth-failed`: the host to ask a token for; null when a token would not help (SSH). */
  tokenHost: z.string().nullable(),
  /** git's own words, credentials removed, for the "details" disclosure. */
  details: z.string().nullable(),
  /** For `post-check-failed`: each error of the post check, naming its file, line and rule. */
  findings: z.array(localizedTextSchema).optional(),
})
/** A publish or update failure. */
export type PublishError = z.infer<typeof publishErrorSchema>

/** Result of the one-click flow. */
export const publishResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    branch: z.string(),
    /** The pushed commit. */
    commit: z.string(),
    /** False when nothing new was committed (a retry that only pushed). */
    committed: z.boolean(),
    pullRequestUrl: z.string().nullable(),
    message: localizedTextSchema,
    warnings: z.array(localizedTextSchema),
  }),
  publishErrorSchema,
])
/** Result of the one-click flow. */
export type PublishResult = z.infer<typeof publishResultSchema>

/** Result of updating the post branch from the base branch. */
export const updateResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('updated'),
    /** False when the branch already had everything. */
    changed: z.boolean(),
    method: z.enum(['merge', 'rebase', 'fast-forward', 'none']),
    message: localizedTextSchema,
    /** The post's files rewritten in the working folder with what the update brought in. */
    workingUpdated: z.array(z.string()),
    /** Warnings, e.g. the base changed the post while the folder holds unsent edits. */
    warnings: z.array(localizedTextSchema),
  }),
  publishErrorSchema,
])
/** Result of updating the post branch from the base branch. */
export type UpdateResult = z.infer<typeof updateResultSchema>

/** Where a saved token is kept: the OS keychain, an obfuscation only (Linux basic_text), or memory. */
export const tokenProtectionSchema = z.enum(['keychain', 'weak', 'memory'])
/** Where a saved token is kept. */
export type TokenProtection = z.infer<typeof tokenProtectionSchema>

const errorOnly = z.object({ kind: z.literal('error'), message: localizedTextSchema })

/** The three versions of a post file that a conflict is about (null where it does not exist). */
export const compareVersionsSchema = z.object({
  path: z.string(),
  /** The writer's file in the working folder. */
  mine: z.string().nullable(),
  /** On the post's branch (what reviewers have). */
  sent: z.string().nullable(),
  /** On the base branch (what is published). */
  base: z.string().nullable(),
})
/** The versions of a post file to compare. */
export type CompareVersions = z.infer<typeof compareVersionsSchema>

/** Where the working folder is: on the base branch (normal), another branch, or detached. */
export const folderStateSchema = z.object({
  currentBranch: z.string().nullable(),
  baseBranch: z.string(),
  /** The folder is on a branch other than the base (left by an older version or a terminal). */
  offBase: z.boolean(),
  /** The folder's branch looks like a post's review branch (`post/…`). */
  onPostBranch: z.boolean(),
  /** Why going back to the base branch is refused now, or null when it is safe. */
  returnBlocked: localizedTextSchema.nullable(),
})
/** Where the working folder is. */
export type FolderState = z.infer<typeof folderStateSchema>

/** Request/response channels of publishing, to merge into `channels` of the IPC contract. */
export const publishChannels = {
  /** Status of one post (state, branch, included files, blockers). */
  'publish:status': {
    request: z.object({ path: z.string().min(1) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), status: publishStatusSchema }),
      errorOnly,
    ]),
  },
  /** States of many posts at once, for the post list. */
  'publish:states': {
    request: z.object({ paths: z.array(z.string().min(1)) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), states: z.record(z.string(), publishStateSchema) }),
      errorOnly,
    ]),
  },
  /**
   * The one-click flow. `save` carries the editor's buffer to write first; `message` replaces the
   * suggested commit message.
   */
  'publish:run': {
    request: z.object({
      path: z.string().min(1),
      message: z.string().max(2000).optional(),
      save: z.object({ text: z.string(), expectedHash: z.string().nullable() }).optional(),
    }),
    response: publishResultSchema,
  },
  /** Brings the post branch up to date with the remote and the base branch (merge or rebase). */
  'publish:update': {
    request: z.object({
      path: z.string().min(1),
      method: z.enum(['merge', 'rebase']).optional(),
      /** How to settle conflicts in the post's own files: keep the writer's or take the base's. */
      resolution: z.enum(['mine', 'theirs']).optional(),
    }),
    response: updateResultSchema,
  },
  /** The post file's text in the folder, on its branch and on the base branch, to compare. */
  'publish:compare': {
    request: z.object({ path: z.string().min(1) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), versions: compareVersionsSchema }),
      errorOnly,
    ]),
  },
  /** Where the working folder stands (which branch), for the "not on the base branch" banner. */
  'publish:folder': {
    request: z.object({}),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), folder: folderStateSchema }),
      errorOnly,
    ]),
  },
  /** Puts the working folder back on the base branch, only when that touches no uncommitted work. */
  'publish:returnToBase': {
    request: z.object({}),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), message: localizedTextSchema }),
      errorOnly,
    ]),
  },
  /** Stores a token for an HTTPS host (encrypted with the OS keychain when it has one). */
  'publish:setToken': {
    request: z.object({ host: z.string().min(1), token: z.string().min(1).max(4096) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), protection: tokenProtectionSchema }),
      errorOnly,
    ]),
  },
  /** Forgets the token stored for a host. */
  'publish:forgetToken': {
    request: z.object({ host: z.string().min(1) }),
    response: z.object({ kind: z.literal('ok') }),
  },
  /** Sets the name and e-mail git records on commits, in this repository only. */
  'publish:setIdentity': {
    request: z.object({ name: z.string().min(1).max(200), email: z.string().min(3).max(320) }),
    response: z.discriminatedUnion('kind', [z.object({ kind: z.literal('ok') }), errorOnly]),
  },
} as const

/** Main → renderer events of publishing, to merge into `events` of the IPC contract. */
export const publishEvents = {
  /** Progress of the one-click flow (phase and overall percent). */
  'publish:progress': publishProgressSchema,
} as const

/** `window.portal.publish` methods, to merge into `apiShape` of the IPC contract. */
export const publishApiShape = {
  status: 'publish:status',
  states: 'publish:states',
  run: 'publish:run',
  update: 'publish:update',
  setToken: 'publish:setToken',
  forgetToken: 'publish:forgetToken',
  setIdentity: 'publish:setIdentity',
  compare: 'publish:compare',
  folder: 'publish:folder',
  returnToBase: 'publish:returnToBase',
} as const
