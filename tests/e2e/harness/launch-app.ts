/**
 * The e2e harness: the real app without an Electron binary.
 *
 * `launchApp({ repo })` serves the BUILT renderer (`out/renderer`, made by `npm run build`; this module
 * builds nothing) on 127.0.0.1, starts the real main-process services in this Node process, binds
 * `window.portal` in Debian's Chromium to the same handler table Electron registers with ipcMain
 * (through the same `dispatch`, sender check included), and returns the Playwright page.
 * Main → renderer events are delivered with `page.evaluate`. Headless by default; pass
 * `headless: false` for a visible window (on a desktop, or under Xvfb).
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { apiShape, type Emit, type HandlerTable } from '../../../src/shared/ipc/contract'
import { makeApi } from '../../../src/preload/api'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/security'
import { createServices, type Services } from '../../../src/main/create-services'
import { createHandlers } from '../../../src/main/ipc/handlers/create-handlers'
import { resolveAssetRequest } from '../../../src/main/services/posts/assets'
import { appWindowArgs, assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'
import { startStaticServer } from './static-server'

/** The project root (this file is tests/e2e/harness/launch-app.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '')
/** The embedded sample blog shipped with the app. */
export const SAMPLE_BLOG_DIR = join(PROJECT_ROOT, 'resources/sample-blog')

/** Options for {@link launchApp}. */
export interface LaunchOptions {
  /** A repository to open. Omitted: the app starts as on a first run, on the embedded sample blog. */
  repo?: string
  /** The app's data folder (settings, sample copy). Default: a fresh temp folder, removed on close. */
  dataDir?: string
  /** Show the window (needs a display: a desktop session or Xvfb). Default true (headless). */
  headless?: boolean
  colorScheme?: 'light' | 'dark'
  /** Window size; null lets the page follow a visible window's size. */
  viewport?: { width: number; height: number } | null
  /** What the "Open repository…" dialog answers (the system dialog does not exist here). */
  chooseFolder?: () => Promise<string | null>
  locale?: 'ja' | 'en'
  /**
   * Chromium's own locale (what Electron takes from the OS), when it differs from the app's UI
   * language: e.g. `en-US` on a computer set to English while the writer uses the Japanese UI.
   */
  browserLocale?: string
  /**
   * Changes the handler table before the page gets it (e.g. a save that never completes, to stand
   * for a crash in the middle of one). Relaunching on the same `dataDir` and `repo` is a restart.
   */
  wrapHandlers?: (handlers: HandlerTable) => HandlerTable
  /** Open a visible app window of this size (`npm run try`): no tabs, no address bar. */
  appWindow?: { width: number; height: number }
}

/** A running app. */
export interface LaunchedApp {
  page: Page
  /** The browser (null for an app window, whose context is the browser). */
  browser: Browser | null
  context: BrowserContext
  services: Services
  handlers: HandlerTable
  origin: string
  dataDir: string
  /** Root of the repository open now. */
  repoRoot(): string
  /** URLs the app asked the system browser to open. */
  openedUrls: string[]
  /** Events sent main → renderer, in order. */
  emitted: Array<{ event: string; payload: unknown }>
  close(): Promise<void>
}

/** Copies the embedded sample blog to a fresh temp folder (for tests that must not touch the original). */
export async function freshSampleCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-sample-'))
  await cp(SAMPLE_BLOG_DIR, dir, { recursive: true })
  return dir
}

/**
 * A request's `text`, or any string in an answer, of at least this many characters travels by
 * {@link TEXT_PATH} (see below).
 */
const BIG_TEXT = 16 * 1024
/** Where the bridge's big texts go both ways (the harness's static server, same origin). */
const TEXT_PATH = '/__portal/text'
/**
 * An answer whose big strings were left on the server: `{ [TEXTS_OUT]: answer }`, each such
 * string replaced by `{ [TEXT_REF]: id }`.
 */
const TEXTS_OUT = '__portalTextsOut'
const TEXT_REF = '__portalTextRef'

/**
 * The script that builds `window.portal` in the top frame with the preload's own `makeApi`.
 *
 * Requests go through Playwright's binding, which serialises them on the page's main thread and
 * sends them as a DevTools message: 20–65 ms for a 200,000-character post, where Electron's IPC
 * clones it in under a millisecond. So a request with a big `text` (a save, the crash journal, a
 * lint) first hands the text to a worker that uploads it (a clone, as with Electron), and the
 * binding carries only its id. Calls still reach main in the order they were made, as with
 * Electron: once a text is on its way, later calls wait for their turn. Answers go the same way
 * back: main leaves an answer's big strings on the server and the worker downloads them, because
 * a big answer through the binding held the page's main thread (4 s for a 10 MB post). Events
 * from main wait meanwhile, so they still arrive after the answer, as with Electron. The token
 * keeps the texts to this bridge.
 */
function bridgeScript(token: string): string {
  return `(() => {
  if (window.top !== window) return;
  const listeners = new Map();
  const subscribe = (event, listener) => {
    let set = listeners.get(event);
    if (!set) { set = new Set(); listeners.set(event, set); }
    set.add(listener);
    return () => set.delete(listener);
  };
  // Events wait while an answer's texts are on their way (see above), then keep their order.
  let downloading = 0;
  const held = [];
  const deliver = (event, payload) => { for (const l of listeners.get(event) || []) l(payload); };
  const release = () => {
    if (downloading > 0) return;
    // A task of its own, as an IPC message is: the answer's awaiting code runs first.
    setTimeout(() => {
      while (downloading === 0 && held.length > 0) deliver(...held.shift());
    }, 0);
  };
  Object.defineProperty(window, '__portalEmit', {
    value: (event, payload) => {
      if (downloading > 0 || held.length > 0) held.push([event, payload]);
      else deliver(event, payload);
    },
  });
  const call = window.__portalInvoke;
  // The upload runs in a worker: a fetch from the page itself costs its main thread 10–30 ms here,
  // because Playwright's network events copy the request body there.
  const uploader = new Worker(URL.createObjectURL(new Blob([\`
    onmessage = async ({ data }) => {
      try {
        if (data.download !== undefined) {
          const r = await fetch(data.url + '?id=' + encodeURIComponent(data.download), {
            headers: { 'x-portal-bridge': data.token },
          });
          if (!r.ok) throw new Error('harness: text download failed (' + r.status + ')');
          postMessage({ seq: data.seq, text: await r.json() });
          return;
        }
        const r = await fetch(data.url, {
          method: 'POST',
          headers: { 'x-portal-bridge': data.token, 'content-type': 'application/json' },
          // As JSON: a lone surrogate (a broken post) arrives as it is, as with Electron's clone.
          body: JSON.stringify(data.text),
        });
        if (!r.ok) throw new Error('harness: text upload failed (' + r.status + ')');
        postMessage({ seq: data.seq, id: await r.text() });
      } catch (e) {
        postMessage({ seq: data.seq, error: String(e) });
      }
    };
  \`], { type: 'text/javascript' })));
  const uploads = new Map();
  let uploadSeq = 0;
  uploader.onmessage = ({ data }) => {
    const waiting = uploads.get(data.seq);
    uploads.delete(data.seq);
    if (data.error) waiting.reject(new Error(data.error));
    else waiting.resolve('text' in data ? data.text : data.id);
  };
  const toWorker = (message) => new Promise((resolve, reject) => {
    const seq = ++uploadSeq;
    uploads.set(seq, { resolve, reject });
    uploader.postMessage({
      seq,
      ...message,
      url: location.origin + ${JSON.stringify(TEXT_PATH)},
      token: ${JSON.stringify(token)},
    });
  });
  const upload = (text) => toWorker({ text });
  // An answer with its big strings back in place.
  const restore = (value) => {
    if (Array.isArray(value)) return Promise.all(value.map(restore));
    if (value === null || typeof value !== 'object') return Promise.resolve(value);
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === ${JSON.stringify(TEXT_REF)}) {
      return toWorker({ download: value[${JSON.stringify(TEXT_REF)}] });
    }
    return Promise.all(keys.map((k) => restore(value[k]).then((v) => [k, v]))).then(
      Object.fromEntries,
    );
  };
  const callMain = (channel, request) => call(channel, request).then((answer) => {
    if (answer === null || typeof answer !== 'object' || !(${JSON.stringify(TEXTS_OUT)} in answer)) {
      return answer;
    }
    downloading++;
    const done = () => { downloading--; release(); };
    return restore(answer[${JSON.stringify(TEXTS_OUT)}]).then(
      (v) => { done(); return v; },
      (e) => { done(); throw e; },
    );
  });
  let queue = null;
  const invoke = (channel, request) => {
    const big = request !== null && typeof request === 'object' &&
      typeof request.text === 'string' && request.text.length >= ${BIG_TEXT};
    if (!big && queue === null) return callMain(channel, request);
    const before = queue || Promise.resolve();
    const id = big ? upload(request.text) : null;
    let sent;
    const answer = new Promise((resolve, reject) => {
      sent = Promise.all([before, id]).then(([, textId]) => {
        let sentRequest = request;
        if (textId !== null) {
          const { text: _text, ...rest } = request;
          sentRequest = { ...rest, __portalText: textId };
        }
        callMain(channel, sentRequest).then(resolve, reject);
      }, reject);
    });
    const turn = sent.catch(() => undefined);
    queue = turn;
    turn.then(() => { if (queue === turn) queue = null; });
    return answer;
  };
  const makeApi = ${makeApi.toString()};
  const api = makeApi(invoke, subscribe, ${JSON.stringify(apiShape)});
  Object.defineProperty(window, 'portal', { value: api, writable: false, configurable: false });
})();`
}

/** Puts an uploaded text back into its request (see {@link bridgeScript}). */
function withUploadedText(request: unknown, texts: Map<string, string>): unknown {
  if (request === null || typeof request !== 'object' || !('__portalText' in request)) {
    return request
  }
  const { __portalText: id, ...rest } = request as { __portalText: unknown }
  const text = typeof id === 'string' ? texts.get(id) : undefined
  if (text === undefined) throw new Error('harness: an uploaded text is missing')
  texts.delete(id as string)
  return { ...rest, text }
}

/**
 * The answer with each string of {@link BIG_TEXT} characters or more replaced by a reference that
 * `leave` gives (see {@link bridgeScript}); null when the answer has none.
 */
function leaveBigTexts(answer: unknown, leave: (text: string) => string): unknown {
  // Returns the value itself when nothing in it is big: most answers are not copied at all.
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.length < BIG_TEXT ? value : { [TEXT_REF]: leave(value) }
    }
    if (value === null || typeof value !== 'object') return value
    const entries = Object.entries(value)
    const walked = entries.map(([, v]) => walk(v))
    if (walked.every((w, i) => w === entries[i]![1])) return value
    if (Array.isArray(value)) return walked
    return Object.fromEntries(entries.map(([k], i) => [k, walked[i]]))
  }
  const walked = walk(answer)
  return walked === answer ? null : { [TEXTS_OUT]: walked }
}

/** Starts the app in Chromium bound to the real services. See the module comment. */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const rendererDir = join(PROJECT_ROOT, 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      'out/renderer is missing: run "npm run build" first (the harness builds nothing).',
    )
  }
  assertChromium()
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pw-data-')))

  const emitted: LaunchedApp['emitted'] = []
  let page: Page | null = null
  const emit: Emit = (event, payload) => {
    emitted.push({ event, payload })
    void page
      ?.evaluate(
        ([e, p]) =>
          (window as unknown as { __portalEmit?: (e: string, p: unknown) => void }).__portalEmit?.(
            e,
            p,
          ),
        [event, payload] as const,
      )
      .catch(() => undefined)
  }

  const services = await createServices({
    dataDir,
    sampleSourceDir: SAMPLE_BLOG_DIR,
    resourcesDir: join(PROJECT_ROOT, 'resources'),
    emit,
    // The built proofreading worker, as the app runs it.
    proofread: {
      workerFile: join(PROJECT_ROOT, 'out/main/proofread-worker.js'),
      dicPath: join(PROJECT_ROOT, 'node_modules/kuromoji/dict'),
    },
  })
  const openedUrls: string[] = []
  let origin = ''
  const created = createHandlers(services, {
    chooseFolder: options.chooseFolder ?? (async () => null),
    openExternal: async (url) => {
      openedUrls.push(url)
    },
    appInfo: {
      version: 'e2e',
      platform: process.platform,
      get assetBase() {
        return `${origin}/asset/`
      },
      systemLocale: options.locale ?? 'ja',
    },
  })
  const handlers = options.wrapHandlers ? options.wrapHandlers(created) : created
  if (options.repo) {
    const opened = await handlers['repo:open']({ path: options.repo })
    if (opened.kind !== 'ok')
      throw new Error(`Cannot open ${options.repo}: ${JSON.stringify(opened)}`)
  }
  const repoRoot = () => services.repo.current()?.root ?? ''

  const token = randomUUID()
  const uploaded = new Map<string, string>()
  /** Big strings of answers, until the page downloads them. */
  const answerTexts = new Map<string, string>()
  const { server, origin: serverOrigin } = await startStaticServer(
    rendererDir,
    (pathname) => resolveAssetRequest(repoRoot(), pathname),
    CONTENT_SECURITY_POLICY,
    {
      path: TEXT_PATH,
      token,
      receive: (text) => {
        const id = randomUUID()
        uploaded.set(id, text)
        return id
      },
      send: (id) => {
        const text = answerTexts.get(id)
        answerTexts.delete(id)
        return text
      },
    },
  )
  origin = serverOrigin

  const contextOptions = {
    viewport: options.viewport === undefined ? { width: 1440, height: 900 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.browserLocale ?? (options.locale === 'en' ? 'en-US' : 'ja-JP'),
    timezoneId: 'Asia/Tokyo',
  } as const
  let browser: Browser | null = null
  let context: BrowserContext
  let profileDir: string | null = null
  if (options.appWindow) {
    // An app window exists only in a persistent context: it opens with the page already there.
    profileDir = await mkdtemp(join(tmpdir(), 'pw-window-'))
    context = await chromium.launchPersistentContext(profileDir, {
      ...contextOptions,
      executablePath: CHROMIUM_PATH,
      headless: false,
      viewport: null,
      args: [...CHROMIUM_ARGS, ...appWindowArgs(`${origin}/index.html`, options.appWindow)],
    })
  } else {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      args: CHROMIUM_ARGS,
    })
    context = await browser.newContext(contextOptions)
  }
  await context.exposeBinding(
    '__portalInvoke',
    async (source, channel: string, request: unknown) => {
      const answer = await dispatch(
        handlers,
        origin,
        { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
        channel,
        withUploadedText(request, uploaded),
      )
      return (
        leaveBigTexts(answer, (text) => {
          const id = randomUUID()
          answerTexts.set(id, text)
          return id
        }) ?? answer
      )
    },
  )
  await context.addInitScript({ content: bridgeScript(token) })
  page = context.pages()[0] ?? (await context.newPage())
  // An app window loaded its page before the bridge existed: load it again with the bridge.
  await page.goto(`${origin}/index.html`)

  return {
    page,
    browser,
    context,
    services,
    handlers,
    origin,
    dataDir,
    repoRoot,
    openedUrls,
    emitted,
    async close() {
      await (browser ?? context).close().catch(() => undefined)
      if (profileDir) await rm(profileDir, { recursive: true, force: true })
      await new Promise<void>((r) => server.close(() => r()))
      await services.dispose?.()
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
