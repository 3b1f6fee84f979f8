/** Helpers for the keyboard-only journeys (not a spec): moving focus with keys and checking it. */
import { expect } from '@playwright/test'
import type { Locator, Page } from 'playwright-core'

/**
 * Presses Tab (Shift+Tab with `back`) until `target` has focus; fails when it is not reached in
 * `max` presses, i.e. the keyboard cannot get there.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { back = false, max = 60 }: { back?: boolean; max?: number } = {},
): Promise<void> {
  const handle = await target.elementHandle()
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${String(target)} was not reached with ${back ? 'Shift+' : ''}Tab`)
}

/** True when the focused element is inside `container`. */
export async function focusInside(page: Page, container: Locator): Promise<boolean> {
  return container.evaluate((el) => el.contains(document.activeElement))
}

/**
 * The focus ring a writer sees: an outline of at least 2 px (not `none`, not transparent) on the
 * focused element, on the option a listbox points at, or on the field box wrapping an input.
 */
export async function expectFocusRing(page: Page): Promise<void> {
  // CodeMirror marks its editor focused in its next update, a frame after the focus event.
  await expect
    .poll(
      async () => {
        const [ring, what] = await page.evaluate(() => {
          let el = document.activeElement as HTMLElement | null
          // Focus inside the preview frame (same origin): the ring is drawn in the frame's document.
          while (el instanceof HTMLIFrameElement && el.contentDocument?.activeElement)
            el = el.contentDocument.activeElement as HTMLElement
          const what = el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing'
          const active = el?.getAttribute('aria-activedescendant')
          if (active) el = document.getElementById(active)
          for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
            const cs = el.ownerDocument.defaultView!.getComputedStyle(el)
            const width = parseFloat(cs.outlineWidth)
            if (cs.outlineStyle !== 'none' && width >= 2 && !cs.outlineColor.endsWith(', 0)'))
              return [`${el.tagName.toLowerCase()} ${cs.outlineStyle} ${width}px`, what]
          }
          return [null, what]
        })
        return ring ?? `no ring on ${what}`
      },
      { message: 'the focused element shows a focus ring', timeout: 2000 },
    )
    .toMatch(/^\w+ \w+ [\d.]+px$/)
}
