// @vitest-environment jsdom
import { act } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { SidePanel } from '../../../../src/renderer/src/app/SidePanel'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** A tab's content that counts its renders and shows the value it was given. */
function Counted({ name, value, renders }: { name: string; value: number; renders: string[] }) {
  renders.push(`${name}:${value}`)
  return <p data-testid={name}>{value}</p>
}

function panel(value: number, renders: string[]) {
  return (
    <SidePanel
      label="side"
      tabs={[
        {
          id: 'article',
          label: '記事',
          content: <Counted name="article" value={value} renders={renders} />,
        },
        {
          id: 'card',
          label: 'カード',
          defer: true,
          content: <Counted name="card" value={value} renders={renders} />,
        },
        {
          id: 'publish',
          label: '送信',
          content: <Counted name="publish" value={value} renders={renders} />,
        },
      ]}
    />
  )
}

describe('SidePanel', () => {
  it('renders a hidden derived view after the urgent update, never in its task, and shows it up to date', async () => {
    localStorage.clear()
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    const renders: string[] = []
    await act(async () => root.render(panel(1, renders)))
    expect(host.querySelector('[data-testid="card"]')?.textContent).toBe('1')

    // An urgent update of the whole window (a keystroke's, a save state's): the shown tab and the
    // hidden tab that is not deferred render in it; the hidden card view does not.
    renders.length = 0
    let urgent: string[] = []
    act(() => {
      flushSync(() => root.render(panel(2, renders)))
      urgent = [...renders]
    })
    expect(urgent).toContain('article:2')
    expect(urgent).toContain('publish:2')
    expect(urgent).not.toContain('card:2')

    // It catches up when the window is idle, and is current when shown.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(host.querySelector('[data-testid="card"]')?.textContent).toBe('2')
    await act(async () => (host.querySelector('#side-tab-card') as HTMLButtonElement).click())
    expect(host.querySelector('#side-panel-card')?.hasAttribute('hidden')).toBe(false)
    expect(host.querySelector('[data-testid="card"]')?.textContent).toBe('2')

    // Shown, it is as urgent as the rest.
    renders.length = 0
    act(() => {
      flushSync(() => root.render(panel(3, renders)))
      urgent = [...renders]
    })
    expect(urgent).toContain('card:3')
    act(() => root.unmount())
    host.remove()
  })
})
