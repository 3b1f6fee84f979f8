/** How `portal-writer check` prints its findings: text for people, JSON for scripts, GitHub annotations. */
import type { Locale } from '../shared/localized'
import type { Finding } from '../main/services/check/types'

/** Output formats of `check --format`. */
export const FORMATS = ['text', 'json', 'github'] as const
/** An output format. */
export type CheckFormat = (typeof FORMATS)[number]

/** A finding with the file named as the user should see it (relative to where the command runs). */
export interface ShownFinding extends Finding {
  file: string
}

/** Counts of one check. */
export interface CheckCounts {
  posts: number
  errors: number
  warnings: number
}

const SEVERITY = {
  ja: { error: 'エラー', warning: '警告' },
  en: { error: 'error', warning: 'warning' },
} as const

/** `file:line: error: message [rule]`, the form editors and terminals link. */
export function textLine(f: ShownFinding, lang: Locale): string {
  const at = f.column ? `${f.line}:${f.column}` : `${f.line}`
  return `${f.file}:${at}: ${SEVERITY[lang][f.severity]}: ${f.message[lang]} [${f.rule}]`
}

/** Escapes the message of a GitHub workflow command (`%`, CR, LF). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escapes a property of a GitHub workflow command (also `:` and `,`, which end a property). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::error file=…,line=…,title=<rule>::message`: an annotation on the pull request's diff. */
export function githubLine(f: ShownFinding, lang: Locale): string {
  const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`]
  if (f.column) props.push(`col=${f.column}`)
  props.push(`title=${escapeProperty(f.rule)}`)
  return `::${f.severity} ${props.join(',')}::${escapeData(f.message[lang])}`
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The last line: how many posts were checked and what was found, in one language. */
export function summaryLine(counts: CheckCounts, lang: Locale): string {
  const { posts, errors, warnings } = counts
  if (lang === 'ja')
    return `${posts} 件の記事を検査しました: エラー ${errors} 件、警告 ${warnings} 件`
  return `Checked ${plural(posts, 'post', 'posts')}: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`
}

/** Which rules the findings came from, most frequent first (so a noisy rule is easy to spot). */
export function byRuleLine(findings: readonly Finding[], lang: Locale): string | null {
  if (findings.length === 0) return null
  const counts = new Map<string, number>()
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
  const list = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ')
  return lang === 'ja'
    ? `ルール別: ${list}（.portal-writer.yml の check: で各ルールを error・warning・off にできます）`
    : `By rule: ${list} (set each rule to error, warning or off under check: in .portal-writer.yml)`
}

/** The JSON document `--format json` prints. */
export function jsonReport(findings: readonly ShownFinding[], counts: CheckCounts, lang: Locale) {
  return {
    posts: counts.posts,
    errors: counts.errors,
    warnings: counts.warnings,
    findings: findings.map((f) => ({
      file: f.file,
      line: f.line,
      ...(f.column ? { column: f.column } : {}),
      rule: f.rule,
      severity: f.severity,
      message: f.message[lang],
      messages: f.message,
    })),
  }
}
