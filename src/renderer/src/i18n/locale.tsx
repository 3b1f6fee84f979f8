import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { Locale, LocalizedText } from '../../../shared/localized'
import { dictionary, type MessageKey } from './dictionary'
import { fillPlaceholders } from '../../../shared/text-format'

const STORAGE_KEY = 'portal-writer.locale'

/** The language the writer chose before, if any. */
export function rememberedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'ja' || v === 'en' ? v : null
  } catch {
    return null
  }
}

/** Fills `{name}` placeholders. */
export function format(template: string, vars?: Record<string, string | number>): string {
  return fillPlaceholders(template, vars)
}

/** What components get from {@link useI18n}. */
export interface I18n {
  locale: Locale
  setLocale(locale: Locale): void
  toggle(): void
  /** A dictionary label in the current language. */
  t(key: MessageKey, vars?: Record<string, string | number>): string
  /** A message from main in the current language. */
  text(message: LocalizedText): string
}

const I18nContext = createContext<I18n | null>(null)

/** Provides the UI language (Japanese first; the choice is remembered). */
export function LocaleProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initial)
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Storage unavailable: the choice lasts for this session only.
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      toggle: () => setLocale(locale === 'ja' ? 'en' : 'ja'),
      t: (key, vars) => format(dictionary[key][locale], vars),
      text: (message) => message[locale],
    }),
    [locale, setLocale],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language and translation helpers. */
export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside LocaleProvider')
  return value
}
