import { existsSync } from 'node:fs'

/** Debian's Chromium; Playwright never downloads a browser on these machines. */
export const CHROMIUM_PATH = process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium'

/** Flags that keep Chromium quiet on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** Throws a helpful error when Chromium is missing. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium fonts-noto-cjk" ` +
        'or set PORTAL_CHROMIUM to a Chromium/Chrome binary.',
    )
  }
}

/**
 * Flags for a visible window that looks like the desktop app (`npm run try`): an app window with
 * no tabs or address bar, of the given size, in Japanese, without Chromium's translate prompt.
 */
export function appWindowArgs(url: string, size: { width: number; height: number }): string[] {
  return [
    `--app=${url}`,
    `--window-size=${size.width},${size.height}`,
    '--disable-features=Translate,TranslateUI',
    '--lang=ja',
  ]
}
