import type { PortalApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** The narrow bridge to main, built by `makeApi` in the preload. */
    portal: PortalApi
  }
}

export {}
