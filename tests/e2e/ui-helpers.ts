/** Helpers shared by the E2E specs (not a spec itself): locating the UI parts a writer sees. */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import type { Locator, Page } from 'playwright-core'
import { PROJECT_ROOT } from './harness/launch-app'

/** Where the README's screenshots live. */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'docs/screenshots')

/** The sample blog's Rails post, the one most journeys open. */
export const RAILS_POST = {
  title: 'はこにわを Rails 8.1 に上げるまでの3週間',
  file: 'source/blog/2026-11-13-rails-upgrade.html.md',
  assetDir: 'source/blog/2026-11-13-rails-upgrade',
} as const

/** Saves a screenshot of the whole window into docs/screenshots/. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, name) })
}

/** The article inside the sandboxed preview frame. */
export function previewArticle(page: Page): Locator {
  return page.frameLocator('iframe.preview-frame').locator('#pw-article')
}

/** The CodeMirror editing surface. */
export function editorContent(page: Page): Locator {
  return page.locator('.cm-content')
}

/** The toolbar's save state. */
export function saveState(page: Page): Locator {
  return page.getByTestId('save-state')
}

/** The preview's render counter (`data-preview-version` on <html>). */
export async function previewVersion(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.documentElement.dataset.previewVersion ?? '0'))
}

/** Opens a post by clicking its row in the list, and waits for its text in the editor. */
export async function openPost(page: Page, title: string): Promise<void> {
  await page.getByRole('listbox').getByRole('option', { name: title }).click()
  await expect(page.getByRole('option', { name: title })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.editor-pane .pane-meta')).toHaveText(title)
  await expect(previewArticle(page).locator('h1').first()).toHaveText(title)
}

/** Puts the cursor at the very end of the editor's text. */
export async function cursorToEnd(page: Page): Promise<void> {
  await editorContent(page).click()
  await page.keyboard.press('Control+End')
}

/** Dispatches a real DOM drop of one file at the middle of `target`. */
export async function dropFile(
  target: Locator,
  bytes: Buffer,
  name: string,
  type: string,
): Promise<void> {
  const box = (await target.boundingBox())!
  await target.evaluate(
    (el, { b64, name, type, x, y }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([data], name, { type }))
      for (const kind of ['dragenter', 'dragover', 'drop'])
        el.dispatchEvent(
          new DragEvent(kind, {
            bubbles: true,
            cancelable: true,
            dataTransfer: dt,
            clientX: x,
            clientY: y,
          }),
        )
    },
    {
      b64: bytes.toString('base64'),
      name,
      type,
      x: box.x + Math.min(40, box.width / 2),
      y: box.y + box.height / 2,
    },
  )
}
