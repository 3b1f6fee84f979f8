import type { Page } from 'playwright-core'

/**
 * Defines `window.__pwPaste(text)` in the page: pastes text the way the clipboard does (a `paste`
 * event with the text, which CodeMirror turns into one transaction). Playwright's `insertText` of
 * 10k characters with newlines instead makes Chromium build the lines in the contenteditable one
 * by one, which no writer's paste does. A string, so page code can call it in its own task (a test
 * that must watch the paste's frame from the same task as the paste).
 */
const PAGE_PASTE = `window.__pwPaste = (text) => {
  const data = new DataTransfer()
  data.setData('text/plain', text)
  document
    .querySelector('.cm-content')
    .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
}`

/** The page's paste function, for code running in the page (see {@link installPaste}). */
export type PagePaste = (text: string) => void

/** Defines `window.__pwPaste` in the page (again after a reload). */
export async function installPaste(page: Page): Promise<void> {
  await page.evaluate(PAGE_PASTE)
}

/** Pastes text the way the clipboard does. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await installPaste(page)
  await page.evaluate(
    (text) => (window as unknown as { __pwPaste: PagePaste }).__pwPaste(text),
    text,
  )
}
