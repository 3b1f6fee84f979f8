/** Facts about the frame that sent an IPC message, as Electron (or the e2e harness) reports them. */
export interface SenderFacts {
  /** URL of the sending frame. */
  url: string
  /** Whether the sending frame is the window's top frame (not the preview iframe). */
  isMainFrame: boolean
}

/**
 * Accepts IPC only from the app's own top-level page (RELIABILITY.md S10).
 * The preview frame, other origins and navigated-away pages are refused.
 */
export function isTrustedSender(sender: SenderFacts, appOrigin: string): boolean {
  if (!sender.isMainFrame) return false
  let url: URL
  try {
    url = new URL(sender.url)
  } catch {
    return false
  }
  return url.origin === appOrigin || `${url.protocol}//${url.host}` === appOrigin
}
