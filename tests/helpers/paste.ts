import type { Page } from 'playwright-core'

/**
 * Pastes text the way the clipboard does (a `paste` event with the text, which CodeMirror turns into
 * one transaction). Playwright's `insertText` of 10k characters with newlines instead makes Chromium
 * build the lines in the contenteditable one by one, which no writer's paste does.
 */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document
      .querySelector('.cm-content')!
      .dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
  }, text)
}
