/** URL schemes the app's security rules are built on, shared by main, the preview and the CLI. */

/** The custom scheme that serves the app (`portal://app`) and the open repository (`portal://asset`). */
export const APP_SCHEME = 'portal'

/** Schemes a link may hand to the system browser; every other scheme does nothing (S9). */
export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:']

/** Whether a URL may be opened in the system browser. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.includes(new URL(url).protocol)
  } catch {
    return false
  }
}
