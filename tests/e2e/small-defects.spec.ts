import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Locator } from 'playwright-core'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { editorContent, openPost, saveScreenshot } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'
const A11Y_FILE = 'source/blog/2026-11-05-accessibility-audit.html.md'

let app: LaunchedApp | null = null
let copy: string | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
  if (copy) await rm(copy, { recursive: true, force: true })
  copy = null
})

/** Whether two boxes overlap. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!]
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height
}

test('the author field’s suggestions never cover its own error', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  // An author nobody knows: the field shows its warning.
  const line = page.locator('.cm-line', { hasText: '  - kojiro' })
  await line.click()
  await page.keyboard.press('End')
  await page.keyboard.type('x')
  await expect(editorContent(page)).toContainText('- kojirox')
  const field = page.locator('[data-field="authors"]')
  const problem = field.locator('.pwm-problem').first()
  await expect(problem).toBeVisible()
  await field.getByRole('combobox').click()
  await field.getByRole('combobox').fill('k')
  const options = field.getByRole('listbox')
  await expect(options).toBeVisible()
  expect(await overlap(options, problem)).toBe(false)
  await saveScreenshot(page, 'metadata-author-error.png')
})

test('a field’s suggestions are scrolled into sight, not cut off by the metadata panel', async () => {
  app = await launchApp()
  const { page } = app
  await openPost(page, RAILS)
  const tags = page.locator('[data-field="tags"]').getByRole('combobox')
  await tags.click()
  await tags.fill('sr')
  const options = page.locator('[data-field="tags"]').getByRole('listbox')
  await expect(options).toBeVisible()
  // The nearest scrolling ancestor must show the whole list (it used to show one clipped row).
  await expect
    .poll(() =>
      options.evaluate((list) => {
        let box: HTMLElement | null = list.parentElement
        while (box && !/(auto|scroll|hidden)/.test(getComputedStyle(box).overflowY))
          box = box.parentElement
        const outer = box!.getBoundingClientRect()
        const inner = list.getBoundingClientRect()
        return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1
      }),
    )
    .toBe(true)
  await saveScreenshot(page, 'metadata-tag-suggestions.png')
})

test('a post’s tags in the list wrap instead of being cut off', async () => {
  copy = await freshSampleCopy()
  app = await launchApp({ repo: copy })
  const { page } = app
  const row = page.getByRole('option', { name: /ショップ管理画面のアクセシビリティ/ })
  const tags = row.locator('.post-tags')
  await expect(tags).toBeVisible()
  const text = (await readFile(join(copy, A11Y_FILE), 'utf8')).match(/^ {2}- (.+)$/gm) ?? []
  expect(text.length).toBeGreaterThan(2)
  // Every tag is shown whole: nothing is hidden past the row's edge.
  const clipped = await tags.evaluate((el) => el.scrollWidth > el.clientWidth + 1)
  expect(clipped).toBe(false)
  await expect(tags).toContainText('#WCAG')
  const last = (await tags.textContent())!.trim().split(' ').pop()!
  expect(last.startsWith('#')).toBe(true)
})

test('a post clicked while the app is still starting stays open (start-up never overrides it)', async () => {
  // Start-up's last steps (the look for restored drafts, then opening a post by itself) run while
  // the writer's click is still reading its post: both are held until the test lets them go.
  let releaseStartup: () => void = () => undefined
  let releaseRead: () => void = () => undefined
  const startup = new Promise<void>((resolve) => (releaseStartup = resolve))
  const read = new Promise<void>((resolve) => (releaseRead = resolve))
  app = await launchApp({
    wrapHandlers: (table) => ({
      ...table,
      'recovery:list': async (...args: Parameters<(typeof table)['recovery:list']>) => {
        await startup
        return table['recovery:list'](...args)
      },
      'posts:read': async (...args: Parameters<(typeof table)['posts:read']>) => {
        if (JSON.stringify(args).includes('rails-upgrade')) await read
        return table['posts:read'](...args)
      },
    }),
  })
  const { page } = app
  const option = page.getByRole('listbox').getByRole('option', { name: new RegExp(RAILS) })
  await option.click()
  releaseStartup()
  await page.waitForTimeout(500)
  releaseRead()
  // The writer's post is the one shown, in the list and in the editor.
  await expect(editorContent(page)).toContainText(`title: ${RAILS}`)
  await page.waitForTimeout(1000)
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await expect(editorContent(page)).toContainText(`title: ${RAILS}`)
})
