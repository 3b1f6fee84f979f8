import { expect, test } from '@playwright/test'
import { launchApp, type LaunchedApp } from './harness/launch-app'
import { cursorToEnd, openPost } from './ui-helpers'

const RAILS = 'はこにわを Rails 8.1 に上げるまでの3週間'

let app: LaunchedApp | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('a long lint gives way to typing: its next part is asked for only when typing pauses', async () => {
  // Main answers every request with part of the post (as for a long post's first full lint) while
  // `unfinished` is set; each answer takes 40 ms of "work". The lint requests' start times are logged.
  let unfinished = false
  const asked: number[] = []
  app = await launchApp({
    wrapHandlers: (table) => ({
      ...table,
      'proofread:lint': async (...args: Parameters<(typeof table)['proofread:lint']>) => {
        asked.push(Date.now())
        const result = await table['proofread:lint'](...args)
        await new Promise((resolve) => setTimeout(resolve, 40))
        return unfinished && result.kind === 'ok' ? { ...result, complete: false } : result
      },
    }),
  })
  const { page } = app
  await openPost(page, RAILS)
  await page.getByRole('tab', { name: '校正' }).click()
  const status = page.locator('.proofread-status')
  await expect(status).toHaveText('')
  await cursorToEnd(page)
  unfinished = true
  // A lint is running when the burst begins: the Enter is linted, and that lint is unfinished.
  const before = asked.length
  await page.keyboard.press('Enter')
  await expect.poll(() => asked.length, { intervals: [10] }).toBeGreaterThan(before)

  // A burst of typing, a key every 40 ms for about two seconds. The page logs when each keystroke
  // happened (the same clock as the request log: both are this machine's Date.now()).
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] }
    w.__keys = []
    document.addEventListener('beforeinput', () => w.__keys.push(Date.now()), { capture: true })
  })
  for (let i = 0; i < 40; i++) {
    await page.keyboard.insertText('あ')
    await page.waitForTimeout(40)
  }
  const to = Date.now()
  const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys)
  expect(keys).toHaveLength(40)
  // Nothing new is asked while the writer types: a request in the burst only ever follows a real
  // pause (the editor's is 120 ms; a loaded machine can make one between two keys). Before, the
  // unfinished lint asked again at once, every time, keys or not (one request every ~60 ms).
  // A request is logged here when it reaches main, up to IN_TRANSIT ms after the page made it; a
  // key typed meanwhile is allowed when the pause that led to the request ended just before it.
  const IN_TRANSIT = 150
  const PAUSE = 100
  const tooSoon = asked
    .filter((t) => t > keys[0]! && t < to)
    .flatMap((t) => {
      const before = keys.filter((k) => k <= t)
      const sinceKey = t - before.at(-1)!
      if (sinceKey >= PAUSE) return []
      const pauseEnded = before.some(
        (k, i) => i > 0 && k >= t - IN_TRANSIT && k - before[i - 1]! >= PAUSE,
      )
      return pauseEnded ? [] : [sinceKey]
    })
  expect(tooSoon).toEqual([])

  // In the pause the lint goes on by itself, part after part.
  await expect.poll(() => asked.filter((t) => t > to).length, { timeout: 5000 }).toBeGreaterThan(2)
  // Once main has linted everything, the editor stops asking and the panel says it is done.
  unfinished = false
  await expect(status).toHaveText('', { timeout: 10_000 })
  const settled = asked.length
  await page.waitForTimeout(1500)
  // The document-wide rules run once after the pause; then nothing more is asked.
  expect(asked.length - settled).toBeLessThanOrEqual(1)
})
