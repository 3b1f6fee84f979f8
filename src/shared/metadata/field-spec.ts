import { z } from 'zod'
import type { LocalizedText } from '../localized'

/**
 * Field specifications: what a front-matter field holds and which rules it follows. The form, the
 * validator, the CLI's check and the IPC payloads are all generated from these.
 */

/** Kinds of field a form can show. */
export const FIELD_TYPES = ['string', 'text', 'date', 'boolean', 'list', 'choice', 'image'] as const

/** Kind of a field: one-line text, multi-line text, date-time, yes/no, list, one of a set, image file. */
export type FieldType = (typeof FIELD_TYPES)[number]

/** Where a list or choice field takes its suggestions from (counted over the repository). */
export type SuggestionSource = 'tags' | 'authors' | 'categories'

/** One front-matter field as the form and the validator see it. */
export interface FieldSpec {
  /** The YAML key. */
  key: string
  type: FieldType
  label: LocalizedText
  /** A short hint shown under the field. */
  help?: LocalizedText
  /** The key must be present (and, for text, non-empty). */
  required: boolean
  /** Regular expression (JavaScript syntax) every text value or list item must match. */
  pattern?: string
  /** Longest text value, in characters (Unicode code points). */
  maxLength?: number
  /** Fewest list items (lists only). */
  minItems?: number
  /** List length above which a warning is shown (lists only). */
  maxItems?: number
  /** Allowed values (choice fields). */
  choices?: string[]
  /** Repository-wide suggestions for list and choice fields. */
  suggest?: SuggestionSource
  /** Boolean shown inverted: checked means `false` (the default schema's 「下書き」 for `published`). */
  inverted?: boolean
  /** True for the built-in fields of the default schema. */
  builtIn?: boolean
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}

const labelSchema = z.union([
  z.string().min(1),
  z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict(),
])

/**
 * A field a repository adds in `.portal-writer.yml` under `fields:`. A field whose key is one of
 * the default fields replaces that field's rules (its label, required, pattern…).
 */
export const profileFieldSchema = z
  .object({
    key: z.string().regex(KEY, 'must be a plain YAML key (letters, digits, _ and -)'),
    type: z.enum(FIELD_TYPES),
    /** A label in both languages, or one string used for both. */
    label: labelSchema.optional(),
    help: labelSchema.optional(),
    required: z.boolean().optional(),
    pattern: z.string().refine(isRegExp, 'must be a valid regular expression').optional(),
    maxLength: z.number().int().positive().max(100_000).optional(),
    minItems: z.number().int().nonnegative().max(1000).optional(),
    maxItems: z.number().int().positive().max(1000).optional(),
    choices: z.array(z.string().min(1)).min(1).max(500).optional(),
    suggest: z.enum(['tags', 'authors', 'categories']).optional(),
  })
  .strict()
  .refine((f) => f.type !== 'choice' || (f.choices !== undefined && f.choices.length > 0), {
    message: 'a choice field needs a list of choices',
    path: ['choices'],
  })

/** A field as written in `.portal-writer.yml`. */
export type ProfileField = z.infer<typeof profileFieldSchema>

/** The `fields:` list of a profile: extra front-matter fields; keys must be unique. */
export const profileFieldsSchema = z
  .array(profileFieldSchema)
  .max(100)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, {
    message: 'each key may appear only once',
  })
