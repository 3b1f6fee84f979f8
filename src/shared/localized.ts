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
