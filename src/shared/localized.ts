/** A user-facing message in both UI languages. Japanese is the primary language. */
export interface LocalizedText {
  ja: string
  en: string
}

/** Builds a {@link LocalizedText}. */
export function msg(ja: string, en: string): LocalizedText {
  return { ja, en }
}

/** Supported UI languages. */
export type Locale = 'ja' | 'en'

/**
 * A 1-based line clamped to the last line that has content: YAML reports errors such as an unclosed
 * quote at the end of the input, while the writer needs the line where the quote was opened.
 */
export function contentLine(text: string, line: number): number {
  const lines = text.split('\n')
  let last = lines.length
  while (last > 1 && lines[last - 1]!.trim() === '') last--
  return Math.max(1, Math.min(line, last))
}
