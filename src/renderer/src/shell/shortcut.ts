/** The platform the window runs on, as the browser names it. */
function currentPlatform(): string {
  return typeof navigator === 'undefined' ? '' : navigator.platform
}

/** Whether a platform name is Apple's (⌘ is the command key there, Ctrl everywhere else). */
export function isMacPlatform(platform: string = currentPlatform()): boolean {
  return /Mac|iPhone|iPad/.test(platform)
}

/** How a Mod+key shortcut is written on this platform: `⌘S` on macOS, `Ctrl+S` elsewhere. */
export function shortcut(key: string, platform: string = currentPlatform()): string {
  return isMacPlatform(platform) ? `⌘${key}` : `Ctrl+${key}`
}
