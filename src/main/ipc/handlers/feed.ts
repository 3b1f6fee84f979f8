import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerServices } from './types'

/** Hatena Bookmark counts for the feed view. */
export function createBookmarksHandlers(
  services: Pick<HandlerServices, 'bookmarks'>,
): Pick<HandlerTable, 'bookmarks:counts' | 'bookmarks:setEnabled'> {
  return {
    'bookmarks:counts': ({ urls }) => services.bookmarks.counts(urls),
    'bookmarks:setEnabled': ({ enabled }) => services.bookmarks.setEnabled(enabled),
  }
}
