import { z } from 'zod'
import { localizedTextSchema } from '../post'

/**
 * IPC channels of proofreading (textlint), to merge into `src/shared/ipc/contract.ts`: linting the
 * open post's text and turning a rule off for the open repository.
 */

/** A quick fix: replace `from`–`to` of the linted text with `text`. */
export const proofFixSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  text: z.string(),
})

/** One textlint finding, with offsets into the whole post's text. */
export const proofFindingSchema = z.object({
  ruleId: z.string(),
  /** The rule's message, in Japanese (rules whose messages are English are translated). */
  message: z.string(),
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  /** 1-based line and column of `from`. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  severity: z.enum(['error', 'warning', 'info']),
  fix: proofFixSchema.nullable(),
})
/** One textlint finding. */
export type ProofFinding = z.infer<typeof proofFindingSchema>

/** Lints the open post's text. */
export const proofreadRequestSchema = z.object({
  path: z.string().min(1),
  text: z.string().max(4_000_000),
  /** Where the cursor is: paragraphs near it are linted first. */
  cursor: z.number().int().nonnegative().optional(),
  /**
   * `paragraphs`: changed paragraphs only (while typing); `document`: also the rules that look at
   * the whole post (ですます/である, 表記ゆれ), when typing pauses.
   */
  scope: z.enum(['paragraphs', 'document']),
})
/** What `proofread:lint` receives. */
export type ProofreadRequest = z.infer<typeof proofreadRequestSchema>

/** Where the rules came from. */
export const proofreadSourceSchema = z.object({
  /** The blog's `.textlintrc*` (repository-relative), or null for the built-in rules. */
  file: z.string().nullable(),
  /** Rule ids turned off for this repository in the app's settings. */
  disabled: z.array(z.string()),
})

/** Result of `proofread:lint`. */
export const proofreadResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ok'),
    findings: z.array(proofFindingSchema),
    /** False while some paragraphs are still unchecked: ask again for the rest. */
    complete: z.boolean(),
    /** Whether the document-wide rules ran on exactly this text. */
    documentChecked: z.boolean(),
    /** Configuration notes: rules the app does not ship, a broken file (each said once per load). */
    notices: z.array(localizedTextSchema),
    source: proofreadSourceSchema,
  }),
  /** A newer request for the same post arrived first; this one's answer is not needed. */
  z.object({ kind: z.literal('superseded') }),
  z.object({ kind: z.literal('error'), message: localizedTextSchema }),
])
/** Result of `proofread:lint`. */
export type ProofreadResult = z.infer<typeof proofreadResultSchema>

/** Turns one rule off (or back on) for the open repository. */
export const disableRuleRequestSchema = z.object({
  ruleId: z.string().min(1).max(200),
  disabled: z.boolean(),
})

/** Proofreading channels. */
export const proofreadChannels = {
  'proofread:lint': { request: proofreadRequestSchema, response: proofreadResultSchema },
  /** Returns the rule ids now turned off for the open repository. */
  'proofread:setRuleDisabled': {
    request: disableRuleRequestSchema,
    response: z.array(z.string()),
  },
} as const

/** `window.portal.proofread`. */
export const proofreadApiShape = {
  proofread: { lint: 'proofread:lint', setRuleDisabled: 'proofread:setRuleDisabled' },
} as const
