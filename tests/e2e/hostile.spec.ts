import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { openPost, previewArticle } from './ui-helpers'

const TITLE = '危険な記事のテスト'

// Every payload tries to set window.__pwned (in the page or its top) or log a marker.
const HOSTILE = `---
title: ${TITLE}
date: 2026-12-01T10:00:00+09:00
tags: [security]
---

本文の始まり。

<img src=x onerror="window.top.__pwned=1;window.__pwned=1;console.log('PWNED-img')">

<svg onload="window.top.__pwned=2;console.log('PWNED-svg')"><circle r="5"/><foreignObject><img src=x onerror="window.top.__pwned=22"></foreignObject></svg>

[クリックしてね](javascript:window.top.__pwned=3)

[タブ入り](jav&#x09;ascript:window.top.__pwned=4)

<a href="JaVaScRiPt:window.top.__pwned=5" id="mixed-case">mixed case</a>

<iframe srcdoc="<script>parent.__pwned=6;top.__pwned=6</script>"></iframe>

<meta http-equiv="refresh" content="0;url=https://example.com/">

<base href="https://evil.example/">

<form action="https://example.com/steal"><input name="q" value="x"><button id="pw-submit">送信</button></form>

<object data="x.swf"></object><embed src="x.swf">

<script>window.top.__pwned=7;console.log('PWNED-script')</script>

<details open ontoggle="window.top.__pwned=8"><summary>開く</summary>中身</details>

<a href="https://example.com/safe" target="_blank" id="safe-link">安全なリンク</a>

<a href="file:///etc/passwd" id="file-link">file link</a>

<a href="smb://host/share" id="smb-link">smb link</a>

\`\`\`<style/onload=window.top.__pwned=9>
code
\`\`\`

最後の段落。
`

let app: LaunchedApp
let repo: string
test.beforeEach(async () => {
  repo = await freshSampleCopy()
  await writeFile(join(repo, 'source/blog/2026-12-01-hostile.html.md'), HOSTILE)
  app = await launchApp({ repo })
})
test.afterEach(async () => {
  await app.close()
  await rm(repo, { recursive: true, force: true })
})

test('a hostile post renders inert: nothing runs, nothing navigates, only http(s) links leave (S1–S9)', async () => {
  const { page } = app
  const dialogs: string[] = []
  const markers: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (m.text().includes('PWNED')) markers.push(m.text())
  })
  const startUrl = page.url()

  await openPost(page, TITLE)
  const article = previewArticle(page)
  await expect(article).toContainText('最後の段落。')
  await page.waitForTimeout(500)

  const pwned = await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame')!
    const w = frame.contentWindow as (Window & { __pwned?: unknown; portal?: unknown }) | null
    return {
      top: (window as Window & { __pwned?: unknown }).__pwned,
      frame: w?.__pwned,
      framePortal: w?.portal,
      frameUrl: w?.location.href,
      sandbox: frame.getAttribute('sandbox'),
    }
  })
  expect(pwned).toEqual({
    top: undefined,
    frame: undefined,
    framePortal: undefined,
    frameUrl: 'about:srcdoc',
    sandbox: 'allow-same-origin',
  })

  const dangerous = await article.evaluate((el) => ({
    elements: Array.from(
      el.querySelectorAll('script, iframe, object, embed, meta, base, form, foreignObject, style'),
    ).map((e) => e.tagName),
    handlers: Array.from(el.querySelectorAll('*')).flatMap((e) =>
      Array.from(e.attributes)
        .filter((a) => a.name.toLowerCase().startsWith('on'))
        .map((a) => a.name),
    ),
    jsLinks: Array.from(el.querySelectorAll('[href]'))
      .map((e) => e.getAttribute('href') ?? '')
      .filter((h) =>
        /^javascript:/i.test(
          Array.from(h)
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join(''),
        ),
      ),
  }))
  expect(dangerous).toEqual({ elements: [], handlers: [], jsLinks: [] })
  // The code fence's info string is text, not an element (S6).
  await expect(article.locator('pre')).toContainText('code')

  // Clicking the javascript:, file: and smb: links does nothing; the https link goes to the browser.
  for (const text of ['クリックしてね', 'タブ入り', 'mixed case', 'file link', 'smb link']) {
    const link = article.getByText(text, { exact: true })
    if ((await link.count()) > 0) await link.first().click()
  }
  expect(app.openedUrls).toEqual([])
  await article.getByText('安全なリンク').click()
  await expect.poll(() => app.openedUrls).toEqual(['https://example.com/safe'])

  await page.waitForTimeout(300)
  expect(page.url()).toBe(startUrl)
  expect(page.context().pages()).toHaveLength(1)
  expect(
    await page.evaluate(
      () =>
        document.querySelector<HTMLIFrameElement>('iframe.preview-frame')?.contentWindow?.location
          .href,
    ),
  ).toBe('about:srcdoc')
  expect(
    await page.evaluate(() => (window as Window & { __pwned?: unknown }).__pwned),
  ).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(markers).toEqual([])
})
