import { useId, type ReactElement, type ReactNode } from 'react'
import type { Locale } from '../../../shared/localized'
import { useTabKeys } from '../shell/tab-keys'
import { ecText } from './strings'

/** The studio's two ways to make an eyecatch. */
export type StudioTab = 'photo' | 'titleCard'

const TABS: readonly StudioTab[] = ['photo', 'titleCard']

/**
 * The studio's tabs as an ARIA tab pattern: a labelled tab list with a roving tabindex (Left/Right,
 * Home and End select and focus), each tab controlling its panel. Only the chosen panel has content.
 */
export function StudioTabs({
  locale,
  tab,
  onTab,
  children,
}: {
  locale: Locale
  tab: StudioTab
  onTab: (tab: StudioTab) => void
  /** The chosen tab's content. */
  children: ReactNode
}): ReactElement {
  const id = useId()
  const { onKeyDown, tabRef } = useTabKeys(TABS, tab, onTab)
  return (
    <>
      <div
        className="ec-tabs"
        role="tablist"
        aria-label={ecText(locale, 'tabsLabel')}
        onKeyDown={onKeyDown}
      >
        {TABS.map((t) => (
          <button
            key={t}
            ref={tabRef(t)}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => onTab(t)}
          >
            {ecText(locale, t === 'photo' ? 'tabPhoto' : 'tabTitleCard')}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t}
          role="tabpanel"
          id={`${id}-panel-${t}`}
          aria-labelledby={`${id}-tab-${t}`}
          hidden={tab !== t}
        >
          {tab === t ? children : null}
        </div>
      ))}
    </>
  )
}
