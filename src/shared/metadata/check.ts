import { isMap, isNode, isScalar, LineCounter } from 'yaml'
import { frontMatterTooLarge, parseYamlDocument, splitPost } from '../front-matter'
import { msg, type LocalizedText } from '../localized'
import { METADATA_MESSAGES as M } from './messages'
import { DEFAULT_METADATA_SCHEMA, fieldSpec, frontMatterZod, type MetadataSchema } from './schema'
import { ruleFor } from './validate'

/** A front-matter problem at a 1-based line of the post file. */
export interface FrontMatterProblem {
  line: number
  message: LocalizedText
}

/** 1-based file lines of each top-level key of the front matter (the YAML starts on line 2). */
export function frontMatterKeyLines(yaml: string): Map<string, number> {
  const lines = new Map<string, number>()
  if (frontMatterTooLarge(yaml)) return lines
  const counter = new LineCounter()
  const doc = parseYamlDocument(yaml, counter)
  if (!isMap(doc.contents)) return lines
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && isNode(pair.key) && pair.key.range) {
      lines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line + 1)
    }
  }
  return lines
}

/**
 * Checks a post's front matter against the schema's zod type (the CLI's `check`): one error per
 * field, at the line of its key (line 1 when the key is missing). Advice such as a long title is
 * left to the editor's validator.
 */
export function checkFrontMatter(
  text: string,
  schema: MetadataSchema = DEFAULT_METADATA_SCHEMA,
): FrontMatterProblem[] {
  const split = splitPost(text)
  if (!split.hasFrontMatter) return [{ line: 1, message: M.missingFrontMatter }]
  if (split.error) return [split.error]
  const result = frontMatterZod(schema).safeParse(split.data)
  if (result.success) return []
  const keyLines = frontMatterKeyLines(split.yaml)
  const seen = new Set<string>()
  const problems: FrontMatterProblem[] = []
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '')
    if (seen.has(key)) continue
    seen.add(key)
    const spec = fieldSpec(schema, key)
    const rule = spec
      ? ruleFor(spec)
      : msg(`「${key}」が正しくありません。`, `"${key}" is invalid.`)
    const line = keyLines.get(key)
    problems.push(
      line === undefined && spec
        ? { line: 1, message: M.missing(spec.label, key, rule) }
        : { line: line ?? 1, message: rule },
    )
  }
  return problems.sort((a, b) => a.line - b.line)
}
