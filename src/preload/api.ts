import type { apiShape as ApiShapeValue, PortalApi } from '../shared/ipc/contract'

/** Calls a channel in main. */
export type Invoke = (channel: string, request: unknown) => Promise<unknown>
/** Subscribes to a main → renderer event; returns the unsubscribe function. */
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void

/**
 * Builds `window.portal` from the contract's API shape.
 * It must stay self-contained (no imports used at run time, no outer variables): the e2e harness
 * injects this very function into the page with `Function.prototype.toString`.
 */
export function makeApi(
  invoke: Invoke,
  subscribe: Subscribe,
  shape: typeof ApiShapeValue,
): PortalApi {
  const api: Record<string, unknown> = {}
  for (const group of Object.keys(shape)) {
    const methods: Record<string, (request?: unknown) => Promise<unknown>> = {}
    const table = shape[group as keyof typeof shape] as Record<string, string>
    for (const name of Object.keys(table)) {
      const channel = table[name]!
      methods[name] = (request?: unknown) => invoke(channel, request)
    }
    api[group] = Object.freeze(methods)
  }
  api.on = (event: string, listener: (payload: unknown) => void) => subscribe(event, listener)
  return Object.freeze(api) as unknown as PortalApi
}
