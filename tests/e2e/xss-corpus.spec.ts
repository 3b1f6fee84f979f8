/**
 * Fuzz of the preview pipeline (issue 16): a corpus of known XSS and mXSS payloads rendered through
 * the real Markdown pipeline, sanitizer and block patcher in Chromium. No script runs, nothing
 * navigates, and the only requests are images (listed against a loopback beacon server). Also the
 * S5/S9 SVG-link case: a clicked SVG link never takes the preview away, and a frame navigated
 * anyway gets its shell back on the next render.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { MARKDOWN_CORPUS, XSS_CORPUS } from './fixtures/xss-corpus'
import { cursorToEnd, openPost, previewArticle } from './ui-helpers'

const LAST = 'コーパスの終わり。'
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
)

interface Hit {
  path: string
  dest: string
}

let beacon: Server
let B = ''
const hits: Hit[] = []
let app: LaunchedApp
let repo: string

test.beforeAll(async () => {
  beacon = createServer((req, res) => {
    hits.push({ path: req.url ?? '', dest: String(req.headers['sec-fetch-dest'] ?? '') })
    if (req.url?.endsWith('.png')) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
    else res.writeHead(204).end()
  })
  await new Promise<void>((r) => beacon.listen(0, '127.0.0.1', () => r()))
  B = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`
})
test.afterAll(async () => {
  await new Promise<void>((r) => beacon.close(() => r()))
})

/** The corpus in posts of a few payloads each, so one that swallows what follows hides little. */
const CHUNK = 8
const PAYLOADS = [...XSS_CORPUS, ...MARKDOWN_CORPUS]
const CHUNKS = Math.ceil(PAYLOADS.length / CHUNK)
const titleOf = (i: number) => `XSS コーパス ${String(i + 1).padStart(2, '0')}`
const SVG_TITLE = 'SVG リンク'

function postText(title: string, payloads: readonly string[]): string {
  const body = payloads.map((payload) => payload.replaceAll('B/', `${B}/`)).join('\n\n')
  return `---\ntitle: ${title}\ndate: 2026-12-02T10:00:00+09:00\ntags: [security]\n---\n\n本文。\n\n${body}\n\n${LAST}\n`
}

test.beforeEach(async () => {
  hits.length = 0
  repo = await freshSampleCopy()
  for (let i = 0; i < CHUNKS; i++) {
    const payloads = PAYLOADS.slice(i * CHUNK, (i + 1) * CHUNK)
    const file = `source/blog/2026-12-02-xss-${String(i + 1).padStart(2, '0')}.html.md`
    await writeFile(join(repo, file), postText(titleOf(i), payloads))
  }
  const svg = XSS_CORPUS.filter((p) => p.includes('svg') && p.includes(' link<'))
  await writeFile(join(repo, 'source/blog/2026-12-03-svg-link.html.md'), postText(SVG_TITLE, svg))
  app = await launchApp({ repo })
})
test.afterEach(async () => {
  await app.close()
  await rm(repo, { recursive: true, force: true })
})

/** What the preview frame holds now. */
function frameState(app: LaunchedApp) {
  return app.page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')
    const url = (() => {
      try {
        return frame?.contentWindow?.location.href ?? null
      } catch {
        return 'cross-origin'
      }
    })()
    return {
      url,
      article: frame?.contentDocument?.getElementById('pw-article')?.textContent?.length ?? 0,
      pwned: (window as Window & { __pwned?: unknown }).__pwned,
      framePwned: (frame?.contentWindow as (Window & { __pwned?: unknown }) | null)?.__pwned,
    }
  })
}

test('the XSS/mXSS corpus renders inert: no script, no navigation, no request but images', async () => {
  const { page, context } = app
  const requests: Array<{ url: string; type: string }> = []
  context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }))
  const dialogs: string[] = []
  const markers: string[] = []
  const navigations: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (m.text().includes('PWNED')) markers.push(m.text())
  })
  page.on('framenavigated', (f) => navigations.push(f.url()))
  const startUrl = page.url()

  const article = previewArticle(page)
  let clicked = 0
  const comments: string[] = []
  for (let c = 0; c < CHUNKS; c++) {
    await openPost(page, titleOf(c))
    await page.waitForTimeout(300)
    // HTML comments the preview kept (kramdown keeps them).
    comments.push(
      ...(await article.evaluate((el) => {
        const found: string[] = []
        const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_COMMENT)
        while (walker.nextNode()) found.push((walker.currentNode as Comment).data)
        return found
      })),
    )
    // Click every link form in the preview: HTML, SVG (href and xlink:href) and image-map areas.
    const links = article.locator('a, area')
    const count = await links.count()
    for (let i = 0; i < count; i++) {
      clicked++
      await links
        .nth(i)
        .click({ force: true, timeout: 1000 })
        .catch(() => undefined)
    }
    await page.waitForTimeout(200)
    expect(await frameState(app), titleOf(c)).toMatchObject({
      url: 'about:srcdoc',
      pwned: undefined,
      framePwned: undefined,
    })
  }
  expect(clicked).toBeGreaterThan(10)
  // The harmless comment is kept; none that held markup (those are the mXSS vectors) survived.
  expect(comments).toContain(' a harmless note ')
  expect(comments.filter((c) => /<[/\w!]|--!?>/.test(c))).toEqual([])
  expect(page.url()).toBe(startUrl)
  expect(navigations.filter((u) => u !== 'about:srcdoc' && u !== startUrl)).toEqual([])
  expect(context.pages()).toHaveLength(1)
  expect(dialogs).toEqual([])
  expect(markers).toEqual([])
  // Only http(s)/mailto links went to the system browser; nothing else was opened.
  expect(app.openedUrls.every((u) => /^(?:https?|mailto):/.test(u))).toBe(true)

  // Every request the corpus made: images only, and only where <img> would load one.
  const beaconHits = hits.map((h) => `${h.dest} ${h.path}`)
  expect(beaconHits.filter((h) => !/^image \/img-ok\//.test(h))).toEqual([])
  expect(beaconHits).toEqual(expect.arrayContaining(['image /img-ok/plain.png']))
  const foreign = requests.filter(
    (r) => !r.url.startsWith(app.origin) && !r.url.startsWith('data:'),
  )
  expect(foreign.filter((r) => r.type !== 'image' || !r.url.includes('/img-ok/'))).toEqual([])
})

test('S5/S9: a clicked SVG link opens in the browser and the preview stays; a frame taken away comes back', async () => {
  const { page } = app
  await openPost(page, SVG_TITLE)
  const article = previewArticle(page)
  await expect(article).toContainText(LAST)

  await article.getByText('svg xlink link').click()
  await article.getByText('svg href link').click()
  await expect
    .poll(() => app.openedUrls)
    .toEqual(expect.arrayContaining([`${B}/svg-xlink-nav`, `${B}/svg-href-nav`]))
  expect((await frameState(app)).url).toBe('about:srcdoc')
  expect(hits.filter((h) => h.path.includes('nav'))).toEqual([])

  // Something navigates the frame anyway: the next render restores the preview.
  await page.evaluate((url) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!
    frame.contentWindow!.location.href = url
  }, `${B}/forced-away`)
  await page.waitForTimeout(300)
  await cursorToEnd(page)
  await page.keyboard.type('復帰')
  await expect(article).toContainText('復帰')
  expect((await frameState(app)).url).toBe('about:srcdoc')
})
