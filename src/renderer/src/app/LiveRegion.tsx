import { useSyncExternalStore } from 'react'
import type { Announcer } from './announcer'

/**
 * The window's polite live region, present from the start (a region inserted with its text is not
 * reliably read). Each announcement replaces the inner node, so a repeated message is read again.
 */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const now = useSyncExternalStore(announcer.subscribe, announcer.getSnapshot)
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-region"
      data-announcements={now.id}
    >
      {now.text && <span key={now.id}>{now.text}</span>}
    </div>
  )
}
