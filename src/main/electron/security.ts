import { APP_SCHEME, isExternalUrlAllowed } from '../../shared/schemes'

export { APP_SCHEME, EXTERNAL_SCHEMES, isExternalUrlAllowed } from '../../shared/schemes'

/**
 * The window's security configuration as plain data, so tests can check it without an Electron
 * binary (RELIABILITY.md, "Electron hardening"). `src/main/index.ts` applies it.
 */

/** Origin of the app's own pages. */
export const APP_ORIGIN = `${APP_SCHEME}://app`
/** URL prefix for files of the open repository (images in the preview). */
export const ASSET_BASE = `${APP_SCHEME}://asset/`

/** Privileges for the custom scheme: a standard, secure origin with fetch support. */
export const SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    stream: true,
  },
} as const

/**
 * The Content-Security-Policy sent with every app page. No inline or remote scripts, no plugins, no
 * forms, no base-URI tricks; images from the repository (portal:), data/blob and the web (posts
 * reference remote images); frames only the app's own sandboxed preview document.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' ${APP_SCHEME}: data: blob: https: http:`,
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' about:",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** webPreferences for the main window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  } as const
}

/** Whether the window may navigate to a URL: only within the app's own origin. */
export function isAllowedNavigation(url: string, appOrigin: string = APP_ORIGIN): boolean {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}` === appOrigin
  } catch {
    return false
  }
}

/** The only documents the preview frame ever holds: its fixed `srcdoc` shell (and the blank page before it). */
const FRAME_DOCUMENTS = new Set(['about:srcdoc', 'about:blank'])

/**
 * Whether any frame may navigate (Electron's `will-frame-navigate`, S5/S9): the main frame only
 * within the app's origin, a subframe (the preview) never away from its shell. `will-navigate`
 * alone misses subframes, so a clicked SVG link could take the preview away.
 */
export function isAllowedFrameNavigation(
  url: string,
  isMainFrame: boolean,
  appOrigin: string = APP_ORIGIN,
): boolean {
  return isMainFrame ? isAllowedNavigation(url, appOrigin) : FRAME_DOCUMENTS.has(url)
}

/** What a window-open request does: never a new Electron window; allowed links go to the browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isExternalUrlAllowed(url) }
}

/** Electron fuses for packaged builds (electron-builder `electronFuses`). */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const

/** Permissions the app grants to web content: none (no camera, geolocation, notifications…). */
export function isPermissionGranted(_permission: string): boolean {
  return false
}
