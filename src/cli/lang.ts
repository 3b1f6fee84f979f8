import type { Locale } from '../shared/localized'

/**
 * The language of the command's output: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (the POSIX
 * order); Japanese when none is set, English for any other language (including `C`).
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '')
  if (value === undefined) return 'ja'
  return /^ja(?:[_.@-]|$)/i.test(value) ? 'ja' : 'en'
}
