import { z } from 'zod'
import { parseFrontMatterDate } from '../dates'
import { msg, type LocalizedText } from '../localized'
import type { Profile } from '../profile'
import type { FieldSpec, ProfileField } from './field-spec'

/** A front-matter date as the blog writes it: ISO 8601 with a time and an explicit offset. */
export const ISO_DATE_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * Tag count above which a warning is shown. The blog shows every tag under the title and links
 * each to its tag page; past ten the row wraps and the tags stop helping readers find related posts.
 */
export const MAX_TAGS = 10

/** The fields of a post's front matter, in the order the form shows them. */
export interface MetadataSchema {
  fields: FieldSpec[]
  /** The offset dates are written with (the profile's `timezone`, `+09:00` by default). */
  timezone: string
}

/** The Pepabo Tech Portal front matter (PORTAL.md §1), in form order. */
export const DEFAULT_FIELDS: readonly FieldSpec[] = [
  {
    key: 'title',
    type: 'string',
    label: msg('タイトル', 'Title'),
    required: true,
    builtIn: true,
  },
  {
    key: 'date',
    type: 'date',
    label: msg('公開日時', 'Date'),
    help: msg(
      '日本時間（+09:00）で書きます。URL の日付になります。',
      'Japan time (+09:00). It becomes the date in the URL.',
    ),
    required: true,
    builtIn: true,
  },
  {
    key: 'tags',
    type: 'list',
    label: msg('タグ', 'Tags'),
    required: true,
    maxItems: MAX_TAGS,
    suggest: 'tags',
    builtIn: true,
  },
  {
    key: 'categories',
    type: 'list',
    label: msg('カテゴリ', 'Categories'),
    required: false,
    suggest: 'categories',
    builtIn: true,
  },
  {
    key: 'authors',
    type: 'list',
    label: msg('著者', 'Authors'),
    required: true,
    minItems: 1,
    suggest: 'authors',
    builtIn: true,
  },
  {
    key: 'eyecatch',
    type: 'image',
    label: msg('アイキャッチ', 'Eyecatch'),
    help: msg(
      '記事の画像フォルダにあるファイル名です。',
      'A file name in the post’s image folder.',
    ),
    required: false,
    builtIn: true,
  },
  {
    key: 'published',
    type: 'boolean',
    label: msg('下書き（公開しない）', 'Draft (not published)'),
    help: msg('オンにすると published: false になります。', 'On writes published: false.'),
    required: false,
    inverted: true,
    builtIn: true,
  },
  {
    key: 'description',
    type: 'text',
    label: msg('説明文', 'Description'),
    required: false,
    builtIn: true,
  },
]

function labelOf(label: ProfileField['label'], key: string): LocalizedText {
  if (label === undefined) return msg(key, key)
  return typeof label === 'string' ? msg(label, label) : label
}

/** Turns a profile's field entry into a {@link FieldSpec}. */
export function fieldFromProfile(field: ProfileField): FieldSpec {
  const spec: FieldSpec = {
    key: field.key,
    type: field.type,
    label: labelOf(field.label, field.key),
    required: field.required ?? false,
  }
  if (field.help !== undefined) spec.help = labelOf(field.help, field.key)
  if (field.pattern !== undefined) spec.pattern = field.pattern
  if (field.maxLength !== undefined) spec.maxLength = field.maxLength
  if (field.minItems !== undefined) spec.minItems = field.minItems
  if (field.maxItems !== undefined) spec.maxItems = field.maxItems
  if (field.choices !== undefined) spec.choices = [...field.choices]
  if (field.suggest !== undefined) spec.suggest = field.suggest
  return spec
}

/**
 * The metadata schema of a repository: the default fields, then the profile's extra fields. A
 * profile field with a default field's key replaces that field in place.
 */
export function metadataSchemaFor(
  profile: Pick<Profile, 'timezone' | 'fields'> | null,
): MetadataSchema {
  const fields = DEFAULT_FIELDS.map((f) => ({ ...f }))
  for (const extra of profile?.fields ?? []) {
    const spec = fieldFromProfile(extra)
    const at = fields.findIndex((f) => f.key === spec.key)
    if (at >= 0) fields[at] = { ...spec, builtIn: true, inverted: fields[at]!.inverted }
    else fields.push(spec)
  }
  return { fields, timezone: profile?.timezone ?? '+09:00' }
}

/** The default schema (no profile). */
export const DEFAULT_METADATA_SCHEMA: MetadataSchema = metadataSchemaFor(null)

/** A text-like value: YAML may give a number for `title: 2024`, which is still a fine title. */
const label = z.union([z.string().trim().min(1), z.number()])
const optionalText = z.union([z.string(), z.number()])

const valueSchemas = new Map<string, z.ZodType>()

/** The zod type of one field's value (rules that only warn are not part of it). */
export function fieldValueSchema(spec: FieldSpec): z.ZodType {
  // Built once per shape: the validator asks for every field of every post it checks.
  const key = `${spec.type}|${String(spec.required)}|${spec.minItems ?? ''}`
  let schema = valueSchemas.get(key)
  if (!schema) {
    schema = buildValueSchema(spec)
    valueSchemas.set(key, schema)
  }
  return schema
}

function buildValueSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'string':
    case 'text':
      return spec.required ? label : optionalText
    case 'date':
      return z
        .string()
        .regex(ISO_DATE_WITH_OFFSET)
        .refine((d) => parseFrontMatterDate(d) !== null)
    case 'boolean':
      return z.boolean()
    case 'list': {
      const items = z.array(label)
      return spec.minItems ? items.min(spec.minItems) : items
    }
    case 'choice':
      return z.union([z.string(), z.number()])
    case 'image':
      return z.string()
  }
}

/**
 * The zod schema of a whole front matter: each field's type, required keys present, any other
 * key accepted and kept. The CLI's `check` and the validator use it.
 */
export function frontMatterZod(schema: MetadataSchema): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {}
  for (const spec of schema.fields) {
    const value = fieldValueSchema(spec)
    shape[spec.key] = spec.required ? value : value.optional()
  }
  return z.looseObject(shape) as unknown as z.ZodType<Record<string, unknown>>
}

/**
 * The front matter every published post needs (PORTAL.md §1), built from {@link DEFAULT_FIELDS}:
 * a title, an ISO date with offset, a tag list and at least one author. Any other key is accepted
 * and kept.
 */
export const frontMatterSchema = frontMatterZod(DEFAULT_METADATA_SCHEMA)

/** Front matter that passed {@link frontMatterSchema}: the default fields, typed, plus any other key. */
export interface CheckedFrontMatter {
  title: string | number
  date: string
  tags: Array<string | number>
  authors: Array<string | number>
  categories?: Array<string | number>
  eyecatch?: string
  published?: boolean
  description?: string | number
  [key: string]: unknown
}

/** The spec of a field by key, or undefined. */
export function fieldSpec(schema: MetadataSchema, key: string): FieldSpec | undefined {
  return schema.fields.find((f) => f.key === key)
}
