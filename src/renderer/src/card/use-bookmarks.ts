import { useEffect, useSyncExternalStore } from 'react'
import { useShell } from '../shell/shell-context'
import { bookmarkStoreFor, type BookmarkStore, type BookmarkView } from './bookmark-store'

/** Bookmark counts for `urls` (asked for once each) and the on/off setting. */
export function useBookmarks(urls: readonly string[]): BookmarkView & { store: BookmarkStore } {
  const { portal } = useShell()
  const store = bookmarkStoreFor(portal)
  const key = urls.join('\n')
  useEffect(() => {
    store.want(key === '' ? [] : key.split('\n'))
  }, [store, key])
  const view = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { ...view, store }
}
