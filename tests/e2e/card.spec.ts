import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Locator, Page } from 'playwright-core'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle, saveScreenshot } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const RAILS_FILE = 'source/blog/2026-11-13-rails-upgrade.html.md'
const FIRST_PARAGRAPH =
  'kojiro です。はこにわのメインアプリケーションを Rails 8.0 から 8.1 に上げました。'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

/** Clicks the start of the editor line holding `text` (its first visual line, left edge). */
async function caretToLineStart(page: Page, text: string): Promise<void> {
  await page
    .locator('.cm-line', { hasText: text })
    .first()
    .click({ position: { x: 1, y: 6 } })
  await page.keyboard.press('Home')
}

/** Clicks the editor line holding `text` and puts the caret at its end. */
async function caretToLineEnd(page: Page, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click()
  await page.keyboard.press('End')
}

/** Gives the side panel most of the window (for screenshots of the feed and share views). */
async function widenSidePanel(page: Page): Promise<void> {
  await page.getByRole('separator', { name: '記事一覧の幅' }).focus()
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.getByRole('separator', { name: 'エディタとプレビューの境界' }).focus()
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
}

/** What the card and the article showed in one frame. */
interface FrameSample {
  h1: string
  card: string
  /** Sampled right after a preview render (the frame that paints it), not only at a frame. */
  afterRender: boolean
}

/**
 * Samples the card strip's title and the article's h1 in every animation frame (and in the frame
 * after each preview render) until `expectAgreed`, which asserts they never disagreed and that
 * the title did change while watched.
 */
async function watchCardAgainstArticle(page: Page): Promise<{ expectAgreed(): Promise<void> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: FrameSample[]; __watching: boolean }
    w.__frames = []
    w.__watching = true
    const sample = (afterRender: boolean) => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')
      const h1 = frame?.contentDocument?.querySelector('h1')?.textContent ?? ''
      const card =
        document.querySelector('[data-testid="card-strip"] [data-testid="card-title"]')
          ?.textContent ?? ''
      w.__frames.push({ h1, card, afterRender })
    }
    const everyFrame = () => {
      if (!w.__watching) return
      sample(false)
      requestAnimationFrame(everyFrame)
    }
    requestAnimationFrame(everyFrame)
    window.addEventListener('pw:preview-updated', () =>
      requestAnimationFrame(() => {
        if (w.__watching) sample(true)
      }),
    )
  })
  return {
    async expectAgreed() {
      const frames = await page.evaluate(() => {
        const w = window as unknown as { __frames: FrameSample[]; __watching: boolean }
        w.__watching = false
        return w.__frames
      })
      expect(frames.filter((f) => f.afterRender).length).toBeGreaterThan(1)
      expect(new Set(frames.map((f) => f.h1)).size).toBeGreaterThan(1)
      const disagreed = frames.filter((f) => f.card !== f.h1)
      expect(disagreed, `${disagreed.length} of ${frames.length} frames`).toEqual([])
    },
  }
}

/** Launches the app on the sample blog with the Rails post open; its card strip shows its title. */
async function openRailsWithStrip(): Promise<{
  launched: LaunchedApp
  page: Page
  strip: Locator
}> {
  const launched = await launchApp()
  app = launched
  const { page } = launched
  await openPost(page, RAILS)
  const strip = page.getByTestId('card-strip')
  await expect(strip.getByTestId('card-title')).toHaveText(RAILS)
  return { launched, page, strip }
}

/**
 * A machine `rate` times slower (Chromium's CPU throttling): the preview's renders get slow, so it
 * renders after the keystroke's frame or waits for a pause. Returns how to end it.
 */
async function slowMachine(page: Page, rate = 12): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  }
}

function sideTab(page: Page, name: string) {
  return page.getByRole('tab', { name, exact: true })
}

test('the card follows typing in the same frame as the article, without saving', async () => {
  const { launched, page, strip } = await openRailsWithStrip()
  await expect(strip.getByTestId('card-excerpt')).toHaveText(new RegExp(`^${FIRST_PARAGRAPH}`))

  // Hold every save, so what the card shows can only come from the editor's buffer.
  const saves: Array<() => void> = []
  const realSave = launched.handlers['posts:save']
  launched.handlers['posts:save'] = (request) =>
    new Promise((resolve) => saves.push(() => void realSave(request).then(resolve)))

  const watch = await watchCardAgainstArticle(page)
  await caretToLineEnd(page, `title: ${RAILS}`)
  await page.keyboard.type(' 改訂版')
  await caretToLineStart(page, FIRST_PARAGRAPH)
  await page.keyboard.insertText('【追記あり】')

  await expect(strip.getByTestId('card-title')).toHaveText(`${RAILS} 改訂版`)
  await expect(strip.getByTestId('card-excerpt')).toHaveText(
    new RegExp(`^【追記あり】${FIRST_PARAGRAPH}`),
  )
  await expect(previewArticle(page).locator('h1')).toHaveText(`${RAILS} 改訂版`)
  await watch.expectAgreed()

  // Nothing was written: the file on disk still has the old title and paragraph.
  const disk = await readFile(join(launched.repoRoot(), RAILS_FILE), 'utf8')
  expect(disk).toContain(`title: ${RAILS}\n`)
  expect(disk).not.toContain('【追記あり】')

  // The other tabs show the same live card.
  await sideTab(page, 'カード').click()
  await expect(page.getByTestId('card-panel').getByTestId('card-title')).toHaveText(
    `${RAILS} 改訂版`,
  )
  await expect(page.getByTestId('excerpt-full')).toHaveText(/^【追記あり】kojiro です。/)

  // Folding the strip is remembered.
  await sideTab(page, '記事').click()
  await strip.getByRole('button', { name: 'フィードのカード' }).click()
  await expect(strip.getByTestId('card-title')).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('card-strip').getByRole('button')).toHaveAttribute(
    'aria-expanded',
    'false',
  )
  for (const release of saves.splice(0)) release()
})

test('on a slow machine the card and the article still change in the same frame', async () => {
  const { page, strip } = await openRailsWithStrip()
  // The preview renders after the keystroke's frame (or waits for a pause), and the card must
  // wait with it rather than run ahead.
  const restore = await slowMachine(page)
  const watch = await watchCardAgainstArticle(page)
  await caretToLineEnd(page, `title: ${RAILS}`)
  // Two bursts, the second after the first is shown: at least two renders are watched however
  // the slow renders coalesce the keystrokes of a burst (each keystroke renders once).
  await page.keyboard.type(' 改訂', { delay: 30 })
  await expect(previewArticle(page).locator('h1')).toHaveText(`${RAILS} 改訂`)
  await page.keyboard.type('版です', { delay: 30 })
  await expect(strip.getByTestId('card-title')).toHaveText(`${RAILS} 改訂版です`)
  await expect(previewArticle(page).locator('h1')).toHaveText(`${RAILS} 改訂版です`)
  await watch.expectAgreed()
  await restore()
})

test('switching posts on a slow machine: in every frame the card is the one of the post the article shows', async () => {
  const OTHER = 'デザインシステム「Tsumiki」のトークンを3層に整理した話'
  const { page, strip } = await openRailsWithStrip()
  const restore = await slowMachine(page)
  // Some typing first: the preview's renders are slow now and it renders after the frame.
  await caretToLineEnd(page, `title: ${RAILS}`)
  await page.keyboard.type('!', { delay: 30 })
  await expect(strip.getByTestId('card-title')).toHaveText(`${RAILS}!`)
  const watch = await watchCardAgainstArticle(page)
  for (const title of [OTHER, `${RAILS}!`, OTHER]) {
    await page.getByRole('listbox').getByRole('option', { name: title }).click()
    await expect(previewArticle(page).locator('h1').first()).toHaveText(title)
    await expect(strip.getByTestId('card-title')).toHaveText(title)
  }
  await watch.expectAgreed()
  await restore()
})

test('the "as of" control shows how the card reads at publication, a week and a month later', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  await sideTab(page, 'カード').click()
  const panel = page.getByTestId('card-panel')
  const date = panel.getByTestId('card-date')
  await expect(date).toHaveAttribute('title', '2026-11-13 17:00:00')

  await panel.getByText('1 週間後').click()
  await expect(date).toHaveText('7日前')
  await expect(panel.getByTestId('card-as-of')).toHaveText('2026-11-20 17:00:00 JST 時点の表示')
  await panel.getByText('公開時').click()
  await expect(date).toHaveText('数秒前')
  await panel.getByText('1 か月後').click()
  await expect(date).toHaveText('1ヶ月前')
  await panel.getByText('日時を指定').click()
  await panel.getByLabel('表示する日時').fill('2026-11-12T17:00')
  await expect(date).toHaveText('1日後')

  // The inspector holds the whole excerpt and marks what the 2-line clamp shows.
  const inspector = page.getByTestId('excerpt-inspector')
  await expect(inspector).toContainText('1000 / 1000 文字')
  await expect(inspector.locator('.is-visible').first()).toHaveText(/^kojiro です。/)

  await panel.getByText('1 週間後').click()
  await expect(date).toHaveText('7日前')
  await expect(panel.locator('.pwc-card__image img')).toHaveJSProperty('complete', true)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'card.png')

  // The date in the editor drives the card.
  await caretToLineEnd(page, 'date: 2026-11-13T17:00:00+09:00')
  for (let i = 0; i < '13T17:00:00+09:00'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('01T09:00:00+09:00')
  await panel.getByText('1 週間後').click()
  await expect(date).toHaveAttribute('title', '2026-11-01 09:00:00')
  await expect(date).toHaveText('7日前')
  await expect(panel.getByTestId('card-as-of')).toHaveText('2026-11-08 09:00:00 JST 時点の表示')

  // English labels; the card itself stays as the (Japanese) feed shows it.
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click()
  await expect(panel.getByText('A week later')).toBeVisible()
  await expect(date).toHaveText('7日前')
})

test('dark theme card tab (screenshot)', async () => {
  app = await launchApp({ colorScheme: 'dark' })
  const { page } = app
  await openPost(page, RAILS)
  await sideTab(page, 'カード').click()
  const panel = page.getByTestId('card-panel')
  await panel.getByText('1 週間後').click()
  await expect(panel.getByTestId('card-date')).toHaveText('7日前')
  const color = await panel
    .getByTestId('card-title')
    .evaluate((el) => getComputedStyle(el).color.match(/\d+/g)!.map(Number))
  // Light text on the dark page.
  expect(Math.min(...color.slice(0, 3))).toBeGreaterThan(180)
  await expect(panel.locator('.pwc-card__image img')).toHaveJSProperty('complete', true)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'card-dark.png')
})

test('the feed view places the draft by date among the other published posts', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  await sideTab(page, 'フィード').click()
  const feed = page.getByTestId('feed-view')
  await expect(feed.locator('.pwc-feed__site')).toHaveText('Pepabo Tech Portal')
  await expect(feed.locator('.pwc-feed__url')).toHaveText('https://tech.pepabo.com/')
  await expect(feed.locator('.pwc-feed__heading')).toHaveText('フィード')
  const titles = feed.locator('.pwc-feed__cell [data-testid="card-title"]')
  const published = [
    '入社して1か月、はじめてのプルリクエストがマージされるまで',
    RAILS,
    'ショップ管理画面のアクセシビリティを自分たちで監査してみた',
    'Web Craft Conference 2026 に参加しました',
    'オンコールを続けられる仕組みにするために変えた5つのこと',
    'デザインシステム「Tsumiki」のトークンを3層に整理した話',
    'ジョブキューを Resque から Solid Queue へ移した半年間',
  ]
  // Newest first; the post marked `published: false` is not in the feed.
  await expect(titles).toHaveText(published)
  await expect(feed.locator('[data-draft] [data-testid="card-title"]')).toHaveText(RAILS)
  await expect(feed.locator('[data-draft] .pwc-feed__badge')).toHaveText('この記事')
  // Counts are off by default: no bookmark icon anywhere.
  await expect(feed.locator('img[alt="はてなブックマークアイコン"]')).toHaveCount(0)
  await expect(
    page.getByRole('checkbox', { name: 'はてなブックマーク数を表示する' }),
  ).not.toBeChecked()

  // Moving the draft's date moves its card, live.
  await caretToLineEnd(page, 'date: 2026-11-13T17:00:00+09:00')
  for (let i = 0; i < '11-13T17:00:00+09:00'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('09-01T10:00:00+09:00')
  await expect(titles).toHaveText([published[0]!, ...published.slice(2, 6), RAILS, published[6]!])
  for (let i = 0; i < '09-01T10:00:00+09:00'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('11-13T17:00:00+09:00')
  await expect(titles).toHaveText(published)

  await expect(page.getByTestId('save-state')).toHaveText('保存済み')
  await widenSidePanel(page)
  await expect(
    feed.locator('.pwc-feed__cell img[alt="記事のアイキャッチ画像"]').nth(1),
  ).toHaveJSProperty('complete', true)
  await saveScreenshot(page, 'feed.png')
})

test('share previews: page title, the 117-character og:description, eyecatch facts and warnings', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  // The excerpt the card shows, read while the card tab is shown (a hidden tab catches up when the
  // window is idle, so its DOM may still be of the post shown before).
  await sideTab(page, 'カード').click()
  const full = page.getByTestId('card-tab').getByTestId('excerpt-full')
  await expect(full).toContainText(FIRST_PARAGRAPH)
  const excerpt = await full.textContent()
  await sideTab(page, 'シェア').click()
  const share = page.getByTestId('share-previews')
  await expect(share.getByTestId('share-page-title')).toHaveText(`${RAILS} - Pepabo Tech Portal`)
  const og = await share.getByTestId('share-og-description').textContent()
  expect([...og!]).toHaveLength(120)
  expect(og!.endsWith('...')).toBe(true)
  expect(og!.startsWith(FIRST_PARAGRAPH)).toBe(true)
  // The first 117 characters of the very excerpt the card shows.
  expect(og).toBe(`${[...excerpt!].slice(0, 117).join('')}...`)
  await expect(share.locator('[data-service="facebook"] .pws-fb__description')).toHaveText(og!)
  await expect(share.locator('[data-service="slack"] .pws-slack__description')).toHaveText(og!)
  // Size, weight and format of the file, read by main.
  await expect(share).toContainText('1200×630 · 52 KB · PNG')
  await expect(share.getByTestId('share-warnings')).toHaveCount(0)

  await widenSidePanel(page)
  await expect(share.locator('.pws-x__media img')).toHaveJSProperty('complete', true)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await saveScreenshot(page, 'share.png')

  // A wide image: the ratio warning, and X's crop loses the left and right.
  await caretToLineEnd(page, 'eyecatch: eyecatch.png')
  for (let i = 0; i < 'eyecatch.png'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('upgrade-timeline.png')
  await expect(share).toContainText('1200×520')
  await expect(share.getByTestId('share-warnings').locator('[data-warning="ratio"]')).toContainText(
    '2.31:1',
  )
  await expect(share.locator('[data-service="x"] [data-testid="crop-caption"]')).toContainText(
    '左右',
  )
  // A file that is not there: main says so.
  await page.keyboard.type('x')
  await expect(page.getByTestId('share-probe-problem')).toContainText('見つかりません')
})

test('Hatena Bookmark counts: off by default, then shown only when above 0', async () => {
  const asked: string[] = []
  const counts = new Map([
    ['https://tech.pepabo.com/2026/11/20/first-month/', 12],
    ['https://tech.pepabo.com/2026/11/13/rails-upgrade/', 3],
    ['https://tech.pepabo.com/2026/11/05/accessibility-audit/', 0],
  ])
  // Stands in for bookmark.hatenaapis.com on 127.0.0.1: nothing leaves this machine.
  const server: Server = createServer((req, res) => {
    const urls = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.getAll('url')
    asked.push(...urls)
    const body = Object.fromEntries(
      urls.filter((u) => counts.has(u)).map((u) => [u, counts.get(u)]),
    )
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  process.env.PORTAL_WRITER_HATENA_ENDPOINT = `http://127.0.0.1:${port}/count/entries`
  try {
    app = await launchApp()
    const { page } = app
    await openPost(page, RAILS)
    await sideTab(page, 'フィード').click()
    const feed = page.getByTestId('feed-view')
    await expect(feed.locator('.pwc-feed__cell')).toHaveCount(7)
    expect(asked).toEqual([])

    await page.getByRole('checkbox', { name: 'はてなブックマーク数を表示する' }).check()
    const cell = (title: string) =>
      feed.locator('.pwc-feed__cell').filter({ has: page.getByText(title, { exact: true }) })
    await expect(
      cell('入社して1か月、はじめてのプルリクエストがマージされるまで').locator(
        '.pwc-card__hatena',
      ),
    ).toHaveText('12')
    await expect(cell(RAILS).locator('.pwc-card__hatena')).toHaveText('3')
    // 0 and unknown counts show nothing at all.
    await expect(feed.locator('img[alt="はてなブックマークアイコン"]')).toHaveCount(2)
    await expect(
      cell('ショップ管理画面のアクセシビリティを自分たちで監査してみた').locator(
        '.pwc-card__hatena',
      ),
    ).toHaveCount(0)
    // The draft's own card elsewhere shows its count too.
    await sideTab(page, '記事').click()
    await expect(page.getByTestId('card-strip').locator('.pwc-card__hatena')).toHaveText('3')
    // The unpublished post's URL never left the app.
    expect(asked.some((u) => u.includes('log-pipeline-cost'))).toBe(false)
    expect(asked).toContain('https://tech.pepabo.com/2026/08/21/job-queue-migration/')
    // The choice is remembered in the data folder.
    const saved = JSON.parse(await readFile(join(app.dataDir, 'hatena-bookmarks.json'), 'utf8'))
    expect(saved.enabled).toBe(true)
  } finally {
    delete process.env.PORTAL_WRITER_HATENA_ENDPOINT
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
