import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  FUSES,
  SCHEME_PRIVILEGES,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isExternalUrlAllowed,
  isPermissionGranted,
  secureWebPreferences,
  windowOpenDecision,
} from '../../../../src/main/electron/security'
import { buildMenuTemplate } from '../../../../src/main/ipc/menu'

/** Parses a CSP string into directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

describe('window hardening (RELIABILITY.md, Electron checklist)', () => {
  const prefs = secureWebPreferences('/app/preload.cjs')

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value)
  })

  it('loads the preload it is given', () => {
    expect(prefs.preload).toBe('/app/preload.cjs')
  })

  it('grants no web permission (camera, geolocation, notifications…)', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(isPermissionGranted(p)).toBe(false)
    }
  })

  it('sets the fuses that keep a packaged app from running as Node', () => {
    expect(FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
    })
  })
})

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY)

  it('denies by default and runs only the app’s own scripts', () => {
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'")
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
  })

  it('blocks plugins, forms, base-URI tricks and framing by others', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('lets the preview show repository images through the custom scheme', () => {
    expect(csp.get('img-src')).toContain('portal:')
  })

  it('is the same policy the renderer page declares in its meta tag', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta, 'index.html declares a CSP meta tag').not.toBeNull()
    const declared = parseCsp(meta![1]!)
    expect(declared.get('script-src')).toEqual(["'self'"])
    expect(declared.get('default-src')).toEqual(["'none'"])
  })
})

describe('navigation and links', () => {
  it.each([
    [`${APP_ORIGIN}/index.html`, true],
    [`${APP_ORIGIN}/index.html#post`, true],
    ['https://evil.example/', false],
    ['file:///etc/passwd', false],
    ['portal://asset/secret.png', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('navigating to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed)
  })

  it.each([
    ['https://tech.pepabo.com/', true],
    ['http://example.com/', true],
    ['mailto:someone@example.com', true],
    ['file:///etc/passwd', false],
    ['smb://server/share', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['vscode://open', false],
    ['', false],
  ])('opening %s externally allowed: %s', (url, allowed) => {
    expect(isExternalUrlAllowed(url)).toBe(allowed)
  })

  it('never opens a new Electron window, whatever the URL', () => {
    expect(windowOpenDecision('https://example.com/').action).toBe('deny')
    expect(windowOpenDecision('https://example.com/').openExternally).toBe(true)
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({
      action: 'deny',
      openExternally: false,
    })
  })

  it('registers one standard, secure scheme instead of file://', () => {
    expect(SCHEME_PRIVILEGES.scheme).toBe('portal')
    expect(SCHEME_PRIVILEGES.privileges.standard).toBe(true)
    expect(SCHEME_PRIVILEGES.privileges.secure).toBe(true)
  })
})

describe('application menu', () => {
  it('sends save, new post, open and find with the usual accelerators', () => {
    const sent: string[] = []
    const template = buildMenuTemplate('linux', (c) => sent.push(c))
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    const byAccel = new Map(items.filter((i) => i.accelerator).map((i) => [i.accelerator, i]))
    for (const [accel, command] of [
      ['CmdOrCtrl+S', 'save'],
      ['CmdOrCtrl+N', 'new-post'],
      ['CmdOrCtrl+O', 'open-repo'],
      ['CmdOrCtrl+F', 'find'],
    ] as const) {
      const item = byAccel.get(accel)
      expect(item, accel).toBeDefined()
      ;(item!.click as () => void)()
      expect(sent.at(-1)).toBe(command)
    }
  })

  it('adds the macOS app menu only on macOS', () => {
    expect(buildMenuTemplate('darwin', () => {})[0]).toMatchObject({ role: 'appMenu' })
    expect(buildMenuTemplate('linux', () => {})[0]).not.toMatchObject({ role: 'appMenu' })
  })
})

describe('S5/S9: frames never navigate away (will-frame-navigate)', () => {
  it.each([
    ['about:srcdoc', false, true],
    ['about:blank', false, true],
    ['http://127.0.0.1:9/svg-link', false, false],
    ['https://example.com/', false, false],
    [`${APP_ORIGIN}/index.html`, false, false],
    [`${APP_ORIGIN}/index.html`, true, true],
    ['https://example.com/', true, false],
  ])('%s (main frame: %s) allowed: %s', (url, isMainFrame, allowed) => {
    expect(isAllowedFrameNavigation(url, isMainFrame)).toBe(allowed)
  })

  it('is wired next to will-navigate for every web contents', () => {
    const main = readFileSync('src/main/index.ts', 'utf8')
    expect(main).toMatch(
      /contents\.on\('will-frame-navigate',[^]*?isAllowedFrameNavigation\(event\.url, event\.isMainFrame/,
    )
  })
})
