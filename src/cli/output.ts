import type { LocalizedText } from '../shared/localized'

/** Where a command writes: stdout for results, stderr for diagnostics. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  cwd: string
}

/** How serious a finding is: errors fail `check`, warnings do not. */
export type Severity = 'error' | 'warning'

/** A finding at a line of a file. */
export interface Finding {
  file: string
  line: number
  severity: Severity
  message: LocalizedText
}

/** `file:line: ja / en` (warnings marked 警告 / warning), the format editors and CI annotate. */
export function formatFinding(f: Finding): string {
  if (f.severity === 'warning')
    return `${f.file}:${f.line}: 警告: ${f.message.ja} / warning: ${f.message.en}`
  return `${f.file}:${f.line}: ${f.message.ja} / ${f.message.en}`
}

/** A message in both languages on one line, Japanese first. */
export function bilingual(message: LocalizedText): string {
  return `${message.ja} / ${message.en}`
}
