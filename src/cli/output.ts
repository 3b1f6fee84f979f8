import type { Locale } from '../shared/localized'

/** Where a command writes: stdout for results, stderr for diagnostics. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
  cwd: string
  /** The environment (language, CI). */
  env: Readonly<Record<string, string | undefined>>
  /**
   * Shows a transient progress line (null clears it). Given only when stderr is a terminal and
   * not in CI, so logs never fill with progress.
   */
  progress?: (text: string | null) => void
}

/** Reads `--lang`: `ja` or `en`, else null. */
export function langOption(value: string | true | undefined, fallback: Locale): Locale | null {
  if (value === undefined) return fallback
  return value === 'ja' || value === 'en' ? value : null
}
