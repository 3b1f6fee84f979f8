import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { freshSampleCopy, launchApp, type LaunchedApp } from './harness/launch-app'
import { expectFocusRing } from './keyboard-helpers'
import { editorContent, openPost, saveScreenshot } from './ui-helpers'

const LOG_POST = {
  title: 'ログ基盤の費用を半分にするために見直していること',
  file: 'source/blog/2026-11-26-log-pipeline-cost.html.md',
}

let app: LaunchedApp | null = null
let copy: string | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
  if (copy) await rm(copy, { recursive: true, force: true })
  copy = null
})

test('the date field shows the UI language’s format, not the computer’s (issue 10)', async () => {
  copy = await freshSampleCopy()
  // A computer set to US English (Chromium's locale) with the writer using the Japanese UI: the
  // reported case, where the field read `11/26/2026, 08:00:00 PM`.
  app = await launchApp({ repo: copy, locale: 'ja', browserLocale: 'en-US' })
  const { page } = app
  await openPost(page, LOG_POST.title)
  const field = page.locator('[data-field="date"]')
  const input = field.getByRole('textbox', { name: '公開日時' })
  await expect(input).toHaveValue('2026/11/26 20:00')
  await expect(field).toContainText('日本時間（+09:00）')
  await saveScreenshot(page, 'metadata-date-ja.png')

  // Typed input (full-width digits from an IME too) writes the same YAML value as before.
  await input.fill('２０２６/１１/２７ ９:０５')
  await expect(editorContent(page)).toContainText('date: 2026-11-27T09:05:00+09:00')

  // Arrow keys change the part under the caret: the day, then the hour with Shift for 10.
  await input.blur()
  await expect(input).toHaveValue('2026/11/27 09:05')
  await input.focus()
  await expectFocusRing(page)
  await input.press('Home')
  for (let i = 0; i < 9; i++) await input.press('ArrowRight') // caret in the day
  await input.press('ArrowUp')
  await expect(input).toHaveValue('2026/11/28 09:05')
  await expect(editorContent(page)).toContainText('date: 2026-11-28T09:05:00+09:00')
  await input.press('End')
  await input.press('ArrowDown') // minutes
  await expect(editorContent(page)).toContainText('date: 2026-11-28T09:04:00+09:00')

  // A bad value: a clear error in the field, the typed text kept, the YAML untouched.
  await input.fill('2026/13/40 25:00')
  const error = field.getByRole('alert')
  await expect(input).toHaveAttribute('aria-invalid', 'true')
  await expect(error).toHaveCount(0) // not said on every keystroke: on Enter or on leaving
  await input.press('Enter')
  await expect(error).toContainText('日時として読めません')
  await expect(input).toHaveAttribute('aria-invalid', 'true')
  await input.blur()
  await expect(input).toHaveValue('2026/13/40 25:00')
  await expect(editorContent(page)).toContainText('date: 2026-11-28T09:04:00+09:00')
  await saveScreenshot(page, 'metadata-date-error.png')
  // Escape gives the saved value back.
  await input.focus()
  await input.press('Escape')
  await expect(input).toHaveValue('2026/11/28 09:04')
  await expect(error).toHaveCount(0)

  await page.keyboard.press('Control+s')
  await expect
    .poll(async () => readFile(join(copy!, LOG_POST.file), 'utf8'))
    .toContain('date: 2026-11-28T09:04:00+09:00\n')

  // The English UI shows the English format, and says the error in English.
  await page.getByRole('button', { name: /English/ }).click()
  const en = field.getByRole('textbox', { name: 'Date' })
  await expect(en).toHaveValue('Nov 28, 2026 09:04')
  await en.fill('Nov 31, 2026 10:00')
  await en.press('Enter')
  await expect(field.getByRole('alert')).toContainText('not a date')
  await en.fill('Dec 1, 2026 10:00')
  await expect(editorContent(page)).toContainText('date: 2026-12-01T10:00:00+09:00')
  await saveScreenshot(page, 'metadata-date-en.png')
})
