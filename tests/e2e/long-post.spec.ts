import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { generateBenchPost } from '../helpers/long-post'
import { installPaste, pasteText, type PagePaste } from '../helpers/paste'
import { writeFiles } from '../helpers/temp-repo'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle } from './ui-helpers'

const TITLE = '長い記事 200k'
let app: LaunchedApp
let repo: string

test.beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'pw-long-'))
  await writeFiles(repo, {
    'source/blog/2026-11-10-long.html.md': generateBenchPost(
      TITLE,
      '2026-11-10T10:00:00+09:00',
      200_000,
    ),
  })
  app = await launchApp({ repo })
})
test.afterEach(async () => {
  await app.close()
  await rm(repo, { recursive: true, force: true })
})

/** The chapter number of the first `## 第N章` heading visible at the top of each pane. */
async function topChapters(page: Page): Promise<{ editor: number; preview: number }> {
  const editor = await page.locator('.cm-scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top
    for (const line of Array.from(scroller.querySelectorAll('.cm-line'))) {
      const m = /^## 第(\d+)章/.exec(line.textContent ?? '')
      if (m && line.getBoundingClientRect().top >= top - 2) return Number(m[1])
    }
    return -1
  })
  const preview = await page.locator('iframe.preview-frame').evaluate((f: HTMLIFrameElement) => {
    for (const h of Array.from(f.contentDocument!.querySelectorAll('#pw-article h2'))) {
      const m = /^第(\d+)章/.exec(h.textContent ?? '')
      if (m && h.getBoundingClientRect().top >= -2) return Number(m[1])
    }
    return -1
  })
  return { editor, preview }
}

test('a 200k-character post: far blocks skip layout, scroll sync and typing follow, and typing never moves the editor', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)

  // Deep into the post, the preview shows the chapter the editor shows (±1 heading).
  for (const at of [0.45, 0.8]) {
    await page
      .locator('.cm-scroller')
      .evaluate((el, at) => el.scrollTo(0, el.scrollHeight * at), at)
    await expect
      .poll(async () => {
        const { editor, preview } = await topChapters(page)
        return editor > 10 && Math.abs(editor - preview) <= 1
      })
      .toBe(true)
  }

  // Typing there reaches the preview, and the preview stays on the same chapter.
  const { editor } = await topChapters(page)
  await page
    .locator('.cm-line', { hasText: `## 第${editor}章` })
    .first()
    .click()
  await page.keyboard.press('End')
  await page.keyboard.type('（追記）')
  await expect(previewArticle(page).locator('h2', { hasText: '（追記）' })).toHaveText(
    new RegExp(`^第${editor}章.*（追記）`),
  )
  const after = await topChapters(page)
  expect(Math.abs(after.editor - editor)).toBeLessThanOrEqual(1)
  expect(Math.abs(after.preview - editor)).toBeLessThanOrEqual(1)
})

test('a 10k-character paste into a 200k post shows in full, the last blocks a frame later', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  // The post has filled in: what is pending after the paste is the paste's own.
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  const body = generateBenchPost('貼り付け', '2026-11-10', 10_000).split('---\n').pop()!
  const paste = `${body.slice(0, 10_000)}\n\n貼り付けの最後の段落です。\n`
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2))
  await expect.poll(async () => (await topChapters(page)).editor).toBeGreaterThan(10)
  const { editor } = await topChapters(page)
  await page
    .locator('.cm-line', { hasText: `## 第${editor}章` })
    .first()
    .click()
  await page.keyboard.press('Home')
  await installPaste(page)
  const seen = await page.evaluate((text) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!
    const pending: number[] = []
    window.addEventListener('pw:preview-updated', () =>
      pending.push(frame.contentDocument!.querySelectorAll('.pw-pending').length),
    )
    ;(window as unknown as { __pwPaste: PagePaste }).__pwPaste(text)
    return new Promise<number[]>((resolve) => setTimeout(() => resolve(pending), 3000))
  }, paste)
  await expect(
    previewArticle(page).locator('p', { hasText: '貼り付けの最後の段落です。' }),
  ).toHaveCount(1)
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  // The preview updated more than once for the one paste when it was too big for one frame, and
  // ended with nothing pending.
  expect(seen.at(-1)).toBe(0)
})

test('a big paste is painted in the editor first, and the preview follows a frame later', async () => {
  const { page } = app
  await openPost(page, TITLE)
  const body = generateBenchPost('貼り付け', '2026-11-10', 10_000).split('---\n').pop()!
  const paste = `最初に貼り付けた段落です。\n\n${body.slice(0, 10_000)}\n`
  await page.locator('.cm-line', { hasText: '## 第1章 ' }).first().click()
  await page.keyboard.press('Home')
  await installPaste(page)
  const seen = await page.evaluate((text) => {
    const doc = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!.contentDocument!
    const has = () =>
      (doc.getElementById('pw-article')!.textContent ?? '').includes('最初に貼り付けた段落です。')
    ;(window as unknown as { __pwPaste: PagePaste }).__pwPaste(text)
    // The paste's own frame, then every frame until the preview has it.
    return new Promise<boolean[]>((resolve) => {
      const frames: boolean[] = []
      const tick = () => {
        frames.push(has())
        if (frames.at(-1) || frames.length > 120) resolve(frames)
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
  }, paste)
  await expect(page.locator('.cm-content')).toContainText('第1章')
  // Not in the frame that paints the paste in the editor; within a few frames after.
  expect(seen[0]).toBe(false)
  expect(seen.at(-1)).toBe(true)
  expect(seen.length).toBeLessThan(10)
})

test('a short post opened after a long one keeps the exact layout (no skipped blocks)', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  await writeFile(
    join(repo, 'source/blog/2026-11-11-short.html.md'),
    '---\ntitle: 短い記事\ndate: 2026-11-11T10:00:00+09:00\n---\n\n本文です。\n',
  )
  await expect(page.getByRole('option', { name: '短い記事' })).toBeVisible()
  await openPost(page, '短い記事')
  await expect(previewArticle(page).locator(':scope > p')).toHaveText('本文です。')
  await expect(previewArticle(page)).not.toHaveClass(/pw-long/)
})

/**
 * Samples every frame while `action` runs (and `settleMs` after, six frames at least): the blocks
 * of the preview's viewport that are skipped for layout (they would show blank), and how many
 * blocks are skipped in all. Each frame is checked as it is painted: from a resize observer, which
 * runs after every animation-frame callback of the frame (the app's own, which place the window,
 * included) and after layout.
 */
async function watchViewport(
  page: Page,
  action: () => Promise<unknown>,
  settleMs = 600,
): Promise<{ frames: number; blankInView: string[]; skippedAtEnd: number; blocks: number }> {
  await page.evaluate(`(() => {
    const doc = document.querySelector('iframe.preview-frame').contentDocument
    const w = (window.__viewport = { frames: 0, blank: [], on: true })
    const check = () => {
      const height = doc.defaultView.innerHeight
      const blocks = doc.getElementById('pw-article').children
      let lo = 0
      let hi = blocks.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (blocks[mid].getBoundingClientRect().bottom > 0) hi = mid
        else lo = mid + 1
      }
      for (let i = lo; i < blocks.length; i++) {
        const r = blocks[i].getBoundingClientRect()
        if (r.top >= height) break
        if (doc.defaultView.getComputedStyle(blocks[i]).contentVisibility === 'hidden')
          w.blank.push('frame ' + w.frames + ': ' + blocks[i].tagName + ' ' + (blocks[i].textContent || '').slice(0, 20))
      }
    }
    // A 1-px probe resized in every frame: its observer runs once per frame, before the paint.
    const probe = (w.probe = document.createElement('div'))
    probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none'
    document.body.append(probe)
    w.observer = new ResizeObserver(() => {
      if (w.on) check()
    })
    w.observer.observe(probe)
    const tick = () => {
      if (!w.on) return
      w.frames++
      probe.style.width = (w.frames % 2) + 1 + 'px'
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  await action()
  await page.waitForTimeout(settleMs)
  await page.waitForFunction(`window.__viewport.frames > 5`)
  return page.evaluate(`(() => {
    const w = window.__viewport
    w.on = false
    w.observer.disconnect()
    w.probe.remove()
    const doc = document.querySelector('iframe.preview-frame').contentDocument
    const blocks = Array.from(doc.getElementById('pw-article').children)
    const skipped = blocks.filter(
      (b) => doc.defaultView.getComputedStyle(b).contentVisibility === 'hidden',
    ).length
    return { frames: w.frames, blankInView: w.blank, skippedAtEnd: skipped, blocks: blocks.length }
  })()`)
}

test('a 200k-character post: only blocks near the view are laid out, and none in view is ever blank', async () => {
  test.setTimeout(120_000)
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  const results = []
  // Scrolling the editor (the preview follows), typing, a paste and its undo, deep in the post.
  for (const at of [0.3, 0.75, 0.5])
    results.push(
      await watchViewport(page, () =>
        page.locator('.cm-scroller').evaluate((el, at) => el.scrollTo(0, el.scrollHeight * at), at),
      ),
    )
  const { editor } = await topChapters(page)
  await page
    .locator('.cm-line', { hasText: `## 第${editor}章` })
    .first()
    .click()
  await page.keyboard.press('End')
  results.push(await watchViewport(page, () => page.keyboard.type('（追記）\n\n新しい段落。')))
  const paste = generateBenchPost('貼り付け', '2026-11-10', 10_000).split('---\n').pop()!
  results.push(await watchViewport(page, () => pasteText(page, paste.slice(0, 10_000))))
  results.push(await watchViewport(page, () => page.keyboard.press('Control+z')))
  // Scrolling the preview itself, a screen at a time and then far (the writer leads).
  results.push(
    await watchViewport(page, async () => {
      const preview = page.locator('iframe.preview-frame')
      await preview.hover()
      for (let i = 0; i < 6; i++) {
        await page.mouse.wheel(0, 700)
        await page.waitForTimeout(50)
      }
    }),
  )
  // A table-of-contents link (back at the top of the preview) jumps to a chapter near the end.
  await page
    .locator('iframe.preview-frame')
    .evaluate((f: HTMLIFrameElement) => f.contentDocument!.scrollingElement!.scrollTo(0, 0))
  await expect(previewArticle(page).locator('#markdown-toc')).toBeInViewport()
  results.push(
    await watchViewport(page, () =>
      previewArticle(page)
        .locator('#markdown-toc a', { hasText: /^第190章/ })
        .click(),
    ),
  )
  await expect(previewArticle(page).locator('h2', { hasText: /^第190章/ })).toBeInViewport()
  const actions = [
    'scroll 30%',
    'scroll 75%',
    'scroll 50%',
    'type',
    'paste',
    'undo',
    'wheel',
    'toc link',
  ]
  results.forEach((r, i) => {
    expect(r.frames, actions[i]).toBeGreaterThan(5)
    expect(r.blankInView, actions[i]).toEqual([])
    // Most blocks are far from the view and skipped.
    expect(r.skippedAtEnd, actions[i]).toBeGreaterThan(r.blocks / 2)
  })
})

test('a table-of-contents link followed without a pointer (a screen reader) lands there, and the editor follows', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  await expect(previewArticle(page).locator('#markdown-toc')).toBeInViewport()
  // Assistive technology activates a link with a click and no pointer or key before it.
  await previewArticle(page)
    .locator('#markdown-toc a', { hasText: /^第190章/ })
    .evaluate((a: HTMLElement) => a.click())
  const heading = previewArticle(page).locator('h2', { hasText: /^第190章/ })
  await expect(heading).toBeInViewport()
  await expect.poll(() => topChapters(page)).toEqual({ editor: 190, preview: 190 })
  // And it stays: the editor following is not taken for the writer scrolling back.
  await page.waitForTimeout(500)
  expect(await topChapters(page)).toEqual({ editor: 190, preview: 190 })
})

/**
 * Opens the 200k post and follows its table of contents' link to 第190章 while that chapter is
 * still 「レンダリング中…」 (checked and clicked in one task, as a screen reader's click).
 */
async function followWhileRendering(page: Page): Promise<void> {
  await openPost(page, TITLE)
  await expect(
    previewArticle(page).locator('#markdown-toc a', { hasText: /^第190章/ }),
  ).toBeVisible()
  const pending = await previewArticle(page).evaluate((article) => {
    if ([...article.querySelectorAll('h2')].some((h) => h.textContent!.startsWith('第190章')))
      return false
    const link = [...article.querySelectorAll<HTMLElement>('#markdown-toc a')].find((a) =>
      a.textContent!.startsWith('第190章'),
    )!
    link.click()
    return article.querySelector('.pw-pending') !== null
  })
  expect(pending).toBe(true)
}

test('a table-of-contents link to a part still rendering jumps there when it arrives', async () => {
  const { page } = app
  await followWhileRendering(page)
  await expect(previewArticle(page).locator('h2', { hasText: /^第190章/ })).toBeInViewport()
  await expect.poll(() => topChapters(page)).toEqual({ editor: 190, preview: 190 })
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  await page.waitForTimeout(500)
  expect(await topChapters(page)).toEqual({ editor: 190, preview: 190 })
})

test('a jump waiting for its part is dropped when the writer scrolls first', async () => {
  const { page } = app
  await followWhileRendering(page)
  // The writer scrolls the preview on a little instead of waiting.
  await page.locator('iframe.preview-frame').hover()
  await page.mouse.wheel(0, 400)
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  await page.waitForTimeout(500)
  const top = await topChapters(page)
  expect(top.preview).toBeLessThan(10)
  expect(top.editor).toBe(top.preview)
})

test('a footnote link in a long post lands on the footnote, laid out', async () => {
  const { page } = app
  const title = '脚注つきの長い記事'
  const [head, ...rest] = generateBenchPost(title, '2026-11-12T10:00:00+09:00', 200_000).split(
    '\n1. 目次\n',
  )
  await writeFile(
    join(repo, 'source/blog/2026-11-12-footnote.html.md'),
    `${head}\nはじめに補足があります[^note]。\n\n1. 目次\n${rest.join('')}\n[^note]: 最後に置かれた脚注です。\n`,
  )
  await expect(page.getByRole('option', { name: title })).toBeVisible()
  await openPost(page, title)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  await previewArticle(page).locator('sup a[href="#fn:note"]').click()
  const note = previewArticle(page).locator('[id="fn:note"]')
  await expect(note).toBeInViewport()
  expect(await note.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }))).toBe(
    true,
  )
  await expect(note).toContainText('最後に置かれた脚注です。')
})

test('a post opened after another was scrolled far starts at its top; going back finds the old place', async () => {
  const { page } = app
  const other = '二つめの長い記事'
  await writeFile(
    join(repo, 'source/blog/2026-11-09-other.html.md'),
    generateBenchPost(other, '2026-11-09T10:00:00+09:00', 50_000),
  )
  await expect(page.getByRole('option', { name: other })).toBeVisible()
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  const scroller = page.locator('.cm-scroller')
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.8))
  await expect.poll(() => topChapters(page).then((t) => t.preview)).toBeGreaterThan(100)
  const left = (await topChapters(page)).editor

  await openPost(page, other)
  await expect(page.locator('.cm-line').first()).toHaveText('---')
  const frame = page.locator('iframe.preview-frame')
  const tops = async () => ({
    editor: await scroller.evaluate((el) => el.scrollTop),
    preview: await frame.evaluate(
      (f: HTMLIFrameElement) => f.contentDocument!.scrollingElement!.scrollTop,
    ),
  })
  await expect.poll(tops).toEqual({ editor: 0, preview: 0 })
  // And it stays there (no late restore of the other post's place).
  await page.waitForTimeout(500)
  expect(await tops()).toEqual({ editor: 0, preview: 0 })

  // Back to the first post: where the writer left it (the same chapter at the top; its pixel
  // offset depends on how many lines above were measured), and the preview follows.
  await openPost(page, TITLE)
  await expect.poll(() => topChapters(page)).toEqual({ editor: left, preview: left })
})

test('a keystroke deep in a long post renders the preview once and leaves the card alone; typing in the excerpt changes the card', async () => {
  const { page } = app
  await openPost(page, TITLE)
  await expect(previewArticle(page)).toHaveClass(/pw-long/)
  // The post has filled in (it does so in steps of a few milliseconds each, after its header shows):
  // from here on, only the keystrokes change the preview.
  await expect(previewArticle(page).locator('.pw-pending')).toHaveCount(0)
  const card = page.getByTestId('card-strip').getByTestId('card-excerpt')
  await expect(card).not.toBeEmpty()
  // Counts the preview's renders and the card's builds (both are user-timing hooks of the app), and
  // the card's DOM changes.
  await page.evaluate(() => {
    const w = window as unknown as { __count: { updates: number; builds: number; cardDom: number } }
    w.__count = { updates: 0, builds: 0, cardDom: 0 }
    window.addEventListener('pw:preview-updated', () => w.__count.updates++)
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'pw:card') w.__count.builds++
    }).observe({ entryTypes: ['measure'] })
    new MutationObserver((records) => (w.__count.cardDom += records.length)).observe(
      document.querySelector('[data-testid="card-strip"]')!,
      { subtree: true, childList: true, characterData: true, attributes: true },
    )
  })
  const counts = () =>
    page.evaluate(
      () =>
        (window as unknown as { __count: { updates: number; builds: number; cardDom: number } })
          .__count,
    )
  const reset = () =>
    page.evaluate(() => {
      const c = (window as unknown as { __count: Record<string, number> }).__count
      for (const k of Object.keys(c)) c[k] = 0
    })

  // Deep in the post (chapter 120 of about 250): far past the excerpt's 1000 characters.
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.5))
  await expect.poll(async () => (await topChapters(page)).editor).toBeGreaterThan(50)
  const chapter = (await topChapters(page)).editor
  const line = page.locator('.cm-line', { hasText: new RegExp(`^## 第${chapter}章`) })
  // A paragraph of that chapter (its heading would change the table of contents at the top).
  await line.click()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Home')
  await page.waitForTimeout(500)
  const excerpt = await card.textContent()
  let typed = ''
  for (const ch of '深い所') {
    await reset()
    await page.keyboard.insertText(ch)
    typed += ch
    await expect(previewArticle(page).locator('p', { hasText: typed })).toHaveCount(1)
    // Whatever else follows a keystroke (the card, the metadata form, the lint) asks nothing more
    // of the preview, and the card is neither rebuilt nor touched.
    await page.waitForTimeout(400)
    expect(await counts()).toEqual({ updates: 1, builds: 0, cardDom: 0 })
  }
  await expect(card).toHaveText(excerpt!)

  // The first chapter's heading is in the excerpt (the table of contents comes first): the card
  // is built again and changes.
  await page.locator('.cm-scroller').evaluate((el) => el.scrollTo(0, 0))
  await page.locator('.cm-line', { hasText: /^## 第1章/ }).click()
  await page.keyboard.press('End')
  await reset()
  await page.keyboard.insertText('冒頭')
  await expect(card).toContainText('第1章 改善の記録冒頭')
  await expect(previewArticle(page).locator('h2', { hasText: '改善の記録冒頭' })).toHaveCount(1)
  await page.waitForTimeout(400)
  const after = await counts()
  expect(after.updates).toBe(1)
  expect(after.builds).toBe(1)
  expect(after.cardDom).toBeGreaterThan(0)
})
