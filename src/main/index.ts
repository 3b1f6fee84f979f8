/**
 * Electron glue: the app, its one window, the custom protocol, the menu and IPC registration.
 * Everything else lives in services (src/main/services) that never import electron.
 */
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session, shell } from 'electron'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from './create-services'
import { createHandlers } from './ipc/handlers/create-handlers'
import { makeEmitter, registerHandlers } from './ipc/register'
import { APP_FILE_TYPES, resolveAssetRequest } from './services/posts/assets'
import { buildMenuTemplate } from './electron/menu'
import {
  APP_ORIGIN,
  ASSET_BASE,
  CONTENT_SECURITY_POLICY,
  SCHEME_PRIVILEGES,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isExternalUrlAllowed,
  isPermissionGranted,
  secureWebPreferences,
  windowOpenDecision,
} from './electron/security'

protocol.registerSchemesAsPrivileged([SCHEME_PRIVILEGES])
app.enableSandbox()

let mainWindow: BrowserWindow | null = null
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN
const rendererDir = join(__dirname, '../renderer')
// extraResources put sample-blog/, askpass/, fonts/ and backgrounds/ beside the asar when packaged.
const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
const sampleSourceDir = join(resourcesDir, 'sample-blog')

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Portal Writer',
    backgroundColor: '#00000000',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  })
  win.once('ready-to-show', () => win.show())
  // A crashed or killed renderer comes back by itself; the new page restores the journaled edits (D6).
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.reload()
  })
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

async function main(): Promise<void> {
  await app.whenReady()
  const emit = makeEmitter(() => mainWindow?.webContents ?? null)
  const services = await createServices({
    dataDir: app.getPath('userData'),
    sampleSourceDir,
    resourcesDir,
    emit,
    // textlint runs in a worker thread beside main's bundle; the morphological dictionary ships
    // outside the asar (extraResources) when packaged, and comes from node_modules in a clone.
    proofread: {
      workerFile: join(__dirname, 'proofread-worker.js'),
      dicPath: app.isPackaged ? join(resourcesDir, 'kuromoji-dict') : null,
    },
    encryption: safeStorage.isEncryptionAvailable()
      ? {
          encrypt: (s: string) => safeStorage.encryptString(s),
          decrypt: (b: Buffer) => safeStorage.decryptString(b),
          // Linux without a keyring: safeStorage falls back to a fixed key, so the UI warns.
          weak:
            process.platform === 'linux' &&
            safeStorage.getSelectedStorageBackend() === 'basic_text',
        }
      : undefined,
  })
  const handlers = createHandlers(services, {
    chooseFolder: async () => {
      const options = {
        title: 'ブログのリポジトリを開く / Open a blog repository',
        properties: ['openDirectory' as const],
      }
      const r = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    openExternal: (url) => shell.openExternal(url),
    appInfo: {
      version: app.getVersion(),
      platform: process.platform,
      assetBase: ASSET_BASE,
      systemLocale: app.getLocale().startsWith('ja') ? 'ja' : 'en',
    },
  })
  registerHandlers(handlers, appOrigin)

  // One custom scheme instead of file://: the app's own files and, under `asset`, the open repository's.
  protocol.handle('portal', async (request) => {
    const url = new URL(request.url)
    const isApp = url.host === 'app'
    const root = isApp
      ? rendererDir
      : url.host === 'asset'
        ? services.repo.current()?.root
        : undefined
    if (!root) return new Response(null, { status: 404 })
    const path = url.pathname.replace(/^\//, '')
    // App files (html/js/css) only from the built renderer; the repository serves images and media only.
    const r = await resolveAssetRequest(root, path, isApp ? { types: APP_FILE_TYPES } : undefined)
    if (r.kind !== 'file') return new Response(null, { status: r.status })
    // Read directly (app files and post images are small): no file:// URL is ever loaded.
    const body = await readFile(r.absPath).catch(() => null)
    if (!body) return new Response(null, { status: 404 })
    const headers = new Headers({ 'content-type': r.mime, 'cache-control': 'no-cache' })
    if (r.mime.startsWith('text/html'))
      headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    return new Response(new Uint8Array(body), { status: 200, headers })
  })

  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionGranted(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission) =>
    isPermissionGranted(permission),
  )
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, (command) => emit('menu:command', { command })),
    ),
  )
  mainWindow = createWindow()
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  app.on('before-quit', () => void services.dispose?.())
}

// Every web contents, the preview frame's included: no navigation away, no new windows, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event.url, event.isMainFrame, appOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url)
    if (decision.openExternally && isExternalUrlAllowed(url)) void shell.openExternal(url)
    return { action: decision.action }
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

main().catch((error: unknown) => {
  dialog.showErrorBox('Portal Writer', `起動できませんでした / Could not start:\n${String(error)}`)
  app.quit()
})
