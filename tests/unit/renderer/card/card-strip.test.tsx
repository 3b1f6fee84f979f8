// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'
import { CardStrip } from '../../../../src/renderer/src/card/tabs/CardStrip'
import { LocaleProvider } from '../../../../src/renderer/src/i18n/locale'
import { ShellContext, type ShellPorts } from '../../../../src/renderer/src/shell/shell-context'
import { steadyView } from '../../../../src/renderer/src/shell/workspace-view'
import { workspaceView } from '../../../helpers/workspace-view'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** jsdom has no IntersectionObserver: every observed element is on screen. */
class ShownObserver {
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean }>) => void) {}
  observe() {
    this.callback([{ isIntersecting: true }])
  }
  disconnect() {}
}

const hosts: HTMLElement[] = []
afterEach(() => {
  for (const host of hosts.splice(0)) host.remove()
})

describe('CardStrip', () => {
  it('names only a card that is there as what its toggle controls (no post open)', async () => {
    ;(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = ShownObserver
    localStorage.removeItem('portal-writer.card-strip')
    const view = steadyView(null, workspaceView(null))
    const ports = {
      portal: { on: () => () => undefined, bookmarks: { counts: async () => ({}) } },
      workspace: { subscribe: () => () => undefined, getSteadySnapshot: () => view },
      livePost: {
        subscribeShown: () => () => undefined,
        getShown: () => null,
        peekShown: () => null,
      },
      assets: null,
    } as unknown as ShellPorts
    const host = document.createElement('div')
    document.body.append(host)
    hosts.push(host)
    const root = createRoot(host)
    await act(async () =>
      root.render(
        <LocaleProvider initial="ja">
          <ShellContext.Provider value={ports}>
            <CardStrip />
          </ShellContext.Provider>
        </LocaleProvider>,
      ),
    )
    const toggle = host.querySelector('button')!
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    // An expanded toggle whose aria-controls names no element is an invalid ARIA value (axe).
    const controls = toggle.getAttribute('aria-controls')
    if (controls !== null) expect(document.getElementById(controls)).not.toBeNull()
    await act(async () => root.unmount())
  })
})
