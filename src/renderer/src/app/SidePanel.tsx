import { Activity, useCallback, useState, type ReactNode } from 'react'
import { useTabKeys } from '../shell/tab-keys'

/** One tab of the side panel. */
export interface SideTab {
  id: string
  label: string
  content: ReactNode
  /**
   * While hidden, its updates wait until the window is idle (React's `Activity`), and its effects
   * and subscriptions pause: for views derived from the post that nothing else relies on (the
   * card, the feed, the share previews). A change of the whole window (a save's state, the first
   * edit of a post) re-rendered them in the keystroke's task, half of that task's 40 ms.
   */
  defer?: boolean
}

const STORAGE_KEY = 'portal-writer.side-tab'

/**
 * The right-hand pane: the article preview and the views derived from the same text (card, feed,
 * share previews, publishing) as tabs. Every panel stays mounted, so switching tabs never reloads
 * the preview frame or loses a panel's scroll. Arrow keys, Home and End move between tabs.
 */
export function SidePanel({ tabs, label }: { tabs: SideTab[]; label: string }) {
  const [active, setActive] = useState(() => {
    const saved = localStorage.getItem(STORAGE_KEY)
    return tabs.some((t) => t.id === saved) ? saved! : tabs[0]!.id
  })
  const select = useCallback((id: string) => {
    setActive(id)
    localStorage.setItem(STORAGE_KEY, id)
  }, [])
  const { onKeyDown, tabRef } = useTabKeys(
    tabs.map((t) => t.id),
    active,
    select,
  )

  return (
    <div className="side-panel">
      <div
        className="pane-header side-tabs"
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={tabRef(tab.id)}
            type="button"
            role="tab"
            id={`side-tab-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`side-panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            className="side-tab"
            onClick={() => select(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`side-panel-${tab.id}`}
          aria-labelledby={`side-tab-${tab.id}`}
          className="side-tabpanel"
          // A panel that scrolls must be reachable by keyboard (the share previews have no control).
          tabIndex={0}
          hidden={tab.id !== active}
        >
          {tab.defer ? (
            <Activity mode={tab.id === active ? 'visible' : 'hidden'}>{tab.content}</Activity>
          ) : (
            tab.content
          )}
        </div>
      ))}
    </div>
  )
}
