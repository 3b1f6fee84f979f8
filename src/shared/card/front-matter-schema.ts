import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml'
import { z } from 'zod'
import { parseFrontMatterDate } from '../dates'
import { splitPost } from '../front-matter'
import { msg, type LocalizedText } from '../localized'

/** A front-matter date as the blog writes it: ISO 8601 with a time and an explicit offset. */
export const ISO_DATE_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

const label = z.union([z.string().trim().min(1), z.number()])

/**
 * The front matter every published post needs (PORTAL.md §1): a title, an ISO date with offset, a
 * tag list and at least one author. Any other key is accepted and kept.
 */
export const frontMatterSchema = z.looseObject({
  title: label,
  date: z
    .string()
    .regex(ISO_DATE_WITH_OFFSET)
    .refine((d) => parseFrontMatterDate(d) !== null),
  tags: z.array(label),
  authors: z.array(label).min(1),
  categories: z.array(label).optional(),
  eyecatch: z.string().optional(),
  published: z.boolean().optional(),
})

/** Front matter that passed {@link frontMatterSchema}. */
export type CheckedFrontMatter = z.infer<typeof frontMatterSchema>

/** A front-matter problem at a 1-based line of the post file. */
export interface FrontMatterProblem {
  line: number
  message: LocalizedText
}

const FIELD_RULES: Record<string, LocalizedText> = {
  title: msg('title（タイトル）を文字で書いてください。', 'Give the post a title (text).'),
  date: msg(
    'date は「2025-01-31T10:00:00+09:00」のように、時刻と時差つきの ISO 形式で書いてください。',
    'Write the date in ISO form with a time and an offset, like 2025-01-31T10:00:00+09:00.',
  ),
  tags: msg(
    'tags はリスト（「- タグ」を 1 行ずつ）で書いてください。タグがなければ「tags: []」にします。',
    'Write tags as a list ("- tag", one per line); use "tags: []" for none.',
  ),
  authors: msg(
    'authors に書いた人を 1 人以上、リスト（「- 名前」）で書いてください。',
    'List at least one author under authors ("- name").',
  ),
  categories: msg('categories はリストで書いてください。', 'Write categories as a list.'),
  eyecatch: msg(
    'eyecatch には画像のファイル名を書いてください。',
    'Write the eyecatch as an image file name.',
  ),
  published: msg('published は true か false にしてください。', 'Set published to true or false.'),
}

/** 1-based file lines of each top-level key of the front matter (the YAML starts on line 2). */
export function frontMatterKeyLines(yaml: string): Map<string, number> {
  const lines = new Map<string, number>()
  const counter = new LineCounter()
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false })
  if (!isMap(doc.contents)) return lines
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && isNode(pair.key) && pair.key.range) {
      lines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line + 1)
    }
  }
  return lines
}

/**
 * Checks a post's front matter against {@link frontMatterSchema}.
 * Returns one problem per field, at the line of its key (line 1 when the key is missing).
 */
export function checkFrontMatter(text: string): FrontMatterProblem[] {
  const split = splitPost(text)
  if (!split.hasFrontMatter) {
    return [
      {
        line: 1,
        message: msg(
          'フロントマターがありません。1 行目を「---」にして、title・date・tags・authors を書いてください。',
          'There is no front matter. Start the file with a "---" line and give title, date, tags and authors.',
        ),
      },
    ]
  }
  if (split.error) return [split.error]
  const result = frontMatterSchema.safeParse(split.data)
  if (result.success) return []
  const keyLines = frontMatterKeyLines(split.yaml)
  const seen = new Set<string>()
  const problems: FrontMatterProblem[] = []
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '')
    if (seen.has(key)) continue
    seen.add(key)
    const rule = FIELD_RULES[key] ?? msg(`「${key}」が正しくありません。`, `"${key}" is invalid.`)
    const line = keyLines.get(key)
    problems.push(
      line === undefined
        ? {
            line: 1,
            message: msg(
              `フロントマターに ${key} がありません。${rule.ja}`,
              `The front matter has no ${key}. ${rule.en}`,
            ),
          }
        : { line, message: rule },
    )
  }
  return problems.sort((a, b) => a.line - b.line)
}
