import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../../src/main/ipc/sender'
import { makeApi } from '../../../../src/preload/api'
import { apiShape, channels, events } from '../../../../src/shared/ipc/contract'

describe('IPC sender check (S10)', () => {
  it.each([
    [{ url: 'portal://app/index.html', isMainFrame: true }, true],
    [{ url: 'portal://app/index.html#x', isMainFrame: true }, true],
    [{ url: 'portal://app/index.html', isMainFrame: false }, false],
    [{ url: 'about:srcdoc', isMainFrame: false }, false],
    [{ url: 'https://evil.example/', isMainFrame: true }, false],
    [{ url: 'portal://asset/x.html', isMainFrame: true }, false],
    [{ url: '', isMainFrame: true }, false],
  ])('%j trusted: %s', (sender, trusted) => {
    expect(isTrustedSender(sender, 'portal://app')).toBe(trusted)
  })
})

describe('makeApi', () => {
  it('maps every method of the API shape to its contract channel', async () => {
    const calls: Array<[string, unknown]> = []
    const api = makeApi(
      async (channel, request) => {
        calls.push([channel, request])
        return channel
      },
      () => () => {},
      apiShape,
    )
    for (const [group, methods] of Object.entries(apiShape)) {
      for (const [name, channel] of Object.entries(methods)) {
        const fn = (
          api as unknown as Record<string, Record<string, (r?: unknown) => Promise<unknown>>>
        )[group]![name]!
        await expect(fn({ probe: name })).resolves.toBe(channel)
        expect(Object.hasOwn(channels, channel)).toBe(true)
      }
    }
    expect(calls).toContainEqual(['posts:read', { probe: 'read' }])
  })

  it('exposes no raw IPC: only the contract’s groups plus `on`, frozen', () => {
    const api = makeApi(
      async () => null,
      () => () => {},
      apiShape,
    )
    expect(Object.keys(api).sort()).toEqual([...Object.keys(apiShape), 'on'].sort())
    expect(Object.isFrozen(api)).toBe(true)
    expect(() => {
      ;(api as unknown as Record<string, unknown>).posts = {}
    }).toThrow()
  })

  it('subscribes through the given function and returns its unsubscribe', () => {
    const seen: string[] = []
    const api = makeApi(
      async () => null,
      (event) => {
        seen.push(event)
        return () => seen.push(`off:${event}`)
      },
      apiShape,
    )
    const off = api.on('posts:list-changed', () => {})
    off()
    expect(seen).toEqual(['posts:list-changed', 'off:posts:list-changed'])
    expect(Object.keys(events)).toContain('posts:list-changed')
  })

  it('is self-contained, so the e2e harness can inject its source text', () => {
    const rebuilt = new Function(`return (${makeApi.toString()})`)() as typeof makeApi
    const api = rebuilt(
      async (c) => c,
      () => () => {},
      apiShape,
    )
    return expect(api.posts.list()).resolves.toBe('posts:list')
  })
})
