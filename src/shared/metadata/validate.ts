import { checkEyecatchValue } from '../card/post-location'
import { visibleExcerptLength, type ExcerptBox } from '../card/inspector'
import { DEFAULT_CHECK_CONFIG, type CheckConfig } from '../check/config'
import { ruleOfProblem } from '../check/metadata-rules'
import type { RuleId } from '../check/rules'
import type { LocalizedText } from '../localized'
import type { FieldSpec } from './field-spec'
import { foldForMatch, nearestKnown, tagPageKey, type SuggestionEntry } from './fuzzy'
import { FIELD_RULES, METADATA_MESSAGES as M } from './messages'
import { readFields, type FrontMatterFields } from './round-trip'
import {
  DEFAULT_METADATA_SCHEMA,
  fieldValueSchema,
  ISO_DATE_WITH_OFFSET,
  type MetadataSchema,
} from './schema'

/** How serious a problem is: errors break the post or the rule; warnings are advice. */
export type Severity = 'error' | 'warn'

/** What kind of problem was found (stable ids for tests and the UI). */
export type ProblemCode =
  | 'yaml'
  | 'no-front-matter'
  | 'required'
  | 'type'
  | 'title-too-long'
  | 'date-format'
  | 'date-offset'
  | 'too-many-items'
  | 'too-few-items'
  | 'duplicate-item'
  | 'tag-variant'
  | 'unknown-author'
  | 'eyecatch-outside'
  | 'eyecatch-missing'
  | 'eyecatch-not-image'
  | 'max-length'
  | 'pattern'
  | 'not-a-choice'
  | 'no-tags'

/** One problem of a post's front matter, placed on its field and its line. */
export interface MetadataProblem {
  /** The field's key; `''` for the front matter as a whole. */
  field: string
  code: ProblemCode
  /** The rule of the check table (src/shared/check/rules.ts) the problem belongs to. */
  rule: RuleId
  /** The rule's level in the profile's `check:` settings. */
  severity: Severity
  message: LocalizedText
  /** 1-based line in the post file (the key's or the list item's; 1 when the key is missing). */
  line: number
  /** Index of the list item concerned. */
  item?: number
  /** A value the writer probably meant (nearest known author, the usual spelling of a tag). */
  suggestion?: string
}

/** What the validator may know beyond the text. Anything left out is simply not checked. */
export interface ValidationContext {
  schema?: MetadataSchema
  /** File names (relative to the post's asset folder) that exist there; null: unknown. */
  assetFiles?: readonly string[] | null
  /** The asset folder, for messages. */
  assetDir?: string | null
  /** Authors of the other posts, with counts (leave out the post itself). */
  knownAuthors?: readonly SuggestionEntry[] | null
  /** Tags of the other posts, with counts (leave out the post itself). */
  knownTags?: readonly SuggestionEntry[] | null
  /** Rule levels (the profile's `check:` key); rules set to `off` are not reported. */
  rules?: CheckConfig
}

/**
 * The feed card's title box: the text column of a card in the aggregator's 4-column desktop grid
 * (about 250 px, the same box the excerpt inspector uses), bold 0.9em of 16 px, clamped to 3 lines
 * with `word-break: break-all` (PORTAL.md §2). That holds about 52 Japanese characters or about
 * 90 Latin ones; a longer title is cut with "…".
 */
export const CARD_TITLE_BOX: ExcerptBox = { widthPx: 250, fontPx: 14.4, lines: 3 }

const IMAGE_NAME = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return null
}

function lengthOf(text: string): number {
  return [...text].length
}

/** The rule a field follows, in words (the default fields' own, else by type). */
export function ruleFor(spec: FieldSpec): LocalizedText {
  const builtIn = spec.builtIn ? FIELD_RULES[spec.key] : undefined
  if (builtIn) return builtIn
  switch (spec.type) {
    case 'string':
    case 'text':
    case 'choice':
      return M.notText(spec.label, spec.key)
    case 'date':
      return M.dateNotIso(spec.key)
    case 'boolean':
      return M.notBoolean(spec.key)
    case 'list':
      return M.notList(spec.label, spec.key)
    case 'image':
      return M.notImage(spec.key)
  }
}

function patternOf(spec: FieldSpec): RegExp | null {
  if (!spec.pattern) return null
  try {
    return new RegExp(spec.pattern, 'u')
  } catch {
    return null
  }
}

/** Checks one field's value; pushes what is wrong. */
function checkField(
  spec: FieldSpec,
  fields: FrontMatterFields,
  context: ValidationContext,
  timezone: string,
  push: (p: Omit<MetadataProblem, 'field' | 'line' | 'rule'> & { line?: number }) => void,
): void {
  const { data, itemLines } = fields
  const value = data[spec.key]
  const present = Object.hasOwn(data, spec.key) && value !== null && value !== undefined
  if (!present) {
    if (spec.required) {
      push({
        code: 'required',
        severity: 'error',
        message: M.missing(spec.label, spec.key, ruleFor(spec)),
      })
    }
    return
  }
  const typeCheck =
    spec.type === 'list'
      ? fieldValueSchema({ ...spec, minItems: undefined })
      : fieldValueSchema(spec)
  if (!typeCheck.safeParse(value).success) {
    const dateLike = spec.type === 'date' && typeof value === 'string'
    push({ code: dateLike ? 'date-format' : 'type', severity: 'error', message: ruleFor(spec) })
    return
  }
  const pattern = patternOf(spec)
  switch (spec.type) {
    case 'string':
    case 'text': {
      const text = textOf(value) ?? ''
      if (spec.maxLength !== undefined && lengthOf(text) > spec.maxLength) {
        push({
          code: 'max-length',
          severity: 'error',
          message: M.tooLong(spec.label, lengthOf(text), spec.maxLength),
        })
      }
      if (pattern && text !== '' && !pattern.test(text)) {
        push({
          code: 'pattern',
          severity: 'error',
          message: M.pattern(spec.label, text, spec.pattern!),
        })
      }
      if (spec.key === 'title' && spec.builtIn) {
        const visible = visibleExcerptLength(text, CARD_TITLE_BOX)
        if (visible < text.length) {
          push({
            code: 'title-too-long',
            severity: 'warn',
            message: M.titleTooLong(lengthOf(text), lengthOf(text.slice(0, visible))),
          })
        }
      }
      return
    }
    case 'date': {
      const text = value as string
      const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(text)?.[1]
      if (ISO_DATE_WITH_OFFSET.test(text) && offset !== timezone) {
        push({ code: 'date-offset', severity: 'warn', message: M.dateOffset(timezone) })
      }
      return
    }
    case 'list': {
      const items = (value as unknown[]).map((v) => textOf(v) ?? '')
      const lines = itemLines[spec.key] ?? []
      if (spec.key === 'tags' && spec.builtIn && items.length === 0)
        push({ code: 'no-tags', severity: 'warn', message: M.noTags })
      if (spec.minItems !== undefined && items.length < spec.minItems) {
        push({
          code: 'too-few-items',
          severity: 'error',
          message:
            spec.builtIn && FIELD_RULES[spec.key]
              ? FIELD_RULES[spec.key]!
              : M.tooFewItems(spec.label, spec.minItems),
        })
      }
      if (spec.maxItems !== undefined && items.length > spec.maxItems) {
        push({
          code: 'too-many-items',
          severity: 'warn',
          message: M.tooManyItems(spec.label, items.length, spec.maxItems),
        })
      }
      const seen = new Map<string, string>()
      const keyOf = spec.suggest === 'tags' ? tagPageKey : (v: string) => foldForMatch(v) || v
      items.forEach((item, index) => {
        const line = lines[index]
        const key = keyOf(item)
        const first = seen.get(key)
        const duplicate = first !== undefined
        if (duplicate) {
          push({
            code: 'duplicate-item',
            severity: 'warn',
            message: M.duplicateItem(spec.label, item, first),
            item: index,
            line,
          })
        } else seen.set(key, item)
        if (pattern && !pattern.test(item)) {
          push({
            code: 'pattern',
            severity: 'error',
            message: M.pattern(spec.label, item, spec.pattern!),
            item: index,
            line,
          })
        }
        if (spec.suggest === 'authors' && context.knownAuthors && context.knownAuthors.length > 0) {
          if (!context.knownAuthors.some((a) => a.value === item)) {
            const nearest = nearestKnown(item, context.knownAuthors)
            push({
              code: 'unknown-author',
              severity: 'warn',
              message: M.unknownAuthor(item, nearest),
              item: index,
              line,
              ...(nearest ? { suggestion: nearest } : {}),
            })
          }
        }
        if (spec.suggest === 'tags' && context.knownTags && !duplicate) {
          if (!context.knownTags.some((t) => t.value === item)) {
            const variant = context.knownTags
              .filter((t) => tagPageKey(t.value) === key)
              .sort((a, b) => b.count - a.count)[0]
            if (variant) {
              push({
                code: 'tag-variant',
                severity: 'warn',
                message: M.tagVariant(item, variant.value, variant.count),
                item: index,
                line,
                suggestion: variant.value,
              })
            }
          }
        }
      })
      return
    }
    case 'choice': {
      const text = textOf(value) ?? ''
      if (spec.choices && !spec.choices.includes(text)) {
        push({
          code: 'not-a-choice',
          severity: 'error',
          message: M.notAChoice(spec.label, text, spec.choices),
        })
      }
      return
    }
    case 'image': {
      const ref = checkEyecatchValue(value)
      if (ref.kind === 'invalid') {
        push({ code: 'eyecatch-outside', severity: 'error', message: ref.message })
        return
      }
      if (ref.kind !== 'file') return
      if (context.assetFiles && !context.assetFiles.includes(ref.name)) {
        push({
          code: 'eyecatch-missing',
          severity: 'error',
          message: M.eyecatchMissing(ref.name, context.assetDir ?? null),
        })
      } else if (!IMAGE_NAME.test(ref.name)) {
        push({
          code: 'eyecatch-not-image',
          severity: 'warn',
          message: M.eyecatchNotImage(ref.name),
        })
      }
      return
    }
    case 'boolean':
      return
  }
}

/**
 * Checks a post's front matter against the schema, the way a good linter would: problems in both
 * languages, each with its severity, field and line. Nothing here blocks editing.
 */
export function validateFrontMatter(
  fields: FrontMatterFields,
  context: ValidationContext = {},
): MetadataProblem[] {
  const rules = context.rules ?? DEFAULT_CHECK_CONFIG
  const frontMatterLevel = rules.levels['front-matter']
  const whole = frontMatterLevel === 'error' ? 'error' : 'warn'
  if (!fields.hasFrontMatter) {
    if (frontMatterLevel === 'off') return []
    return [
      {
        field: '',
        code: 'no-front-matter',
        rule: 'front-matter',
        severity: whole,
        message: M.missingFrontMatter,
        line: 1,
      },
    ]
  }
  if (fields.error) {
    if (frontMatterLevel === 'off') return []
    return [
      {
        field: '',
        code: 'yaml',
        rule: 'front-matter',
        severity: whole,
        message: fields.error.message,
        line: fields.error.line,
      },
    ]
  }
  const schema = context.schema ?? DEFAULT_METADATA_SCHEMA
  const problems: MetadataProblem[] = []
  for (const spec of schema.fields) {
    const keyLine = fields.keyLines[spec.key] ?? 1
    checkField(spec, fields, context, schema.timezone, (p) => {
      const rule = ruleOfProblem({ field: spec.key, code: p.code }, fields.data[spec.key])
      const level = rules.levels[rule]
      if (level === 'off') return
      problems.push({
        field: spec.key,
        ...p,
        rule,
        severity: level === 'error' ? 'error' : 'warn',
        line: p.line ?? keyLine,
      })
    })
  }
  return problems.sort((a, b) => a.line - b.line)
}

/** {@link validateFrontMatter} of a post's whole text. */
export function validatePost(text: string, context: ValidationContext = {}): MetadataProblem[] {
  return validateFrontMatter(readFields(text), context)
}
