import { describe, expect, it } from 'vitest'
import { hatenaCountRequests, parseHatenaCounts } from '../../../../src/shared/card/hatena'

describe('hatenaCountRequests', () => {
  it('asks about 50 URLs a request, each once, encoded', () => {
    const urls = Array.from({ length: 120 }, (_, i) => `https://tech.pepabo.com/2025/01/01/p${i}/`)
    const requests = hatenaCountRequests([...urls, urls[0]!, 'file:///etc/passwd'])
    expect(requests).toHaveLength(3)
    const params = requests.map((r) => new URL(r).searchParams.getAll('url'))
    expect(params.map((p) => p.length)).toEqual([50, 50, 20])
    expect(params.flat()).toEqual(urls)
    expect(requests[0]).toMatch(
      /^https:\/\/bookmark\.hatenaapis\.com\/count\/entries\?url=https%3A%2F%2F/,
    )
  })

  it('makes no request for no URLs', () => {
    expect(hatenaCountRequests([])).toEqual([])
  })
})

describe('parseHatenaCounts', () => {
  it('reads the counts', () => {
    const counts = parseHatenaCounts({ 'https://a/': 2, 'https://b/': 0 })
    expect(counts.get('https://a/')).toBe(2)
    expect(counts.get('https://b/')).toBe(0)
  })

  it.each([null, 'oops', [1, 2], { 'https://a/': -1 }, { 'https://a/': '3' }])(
    'gives nothing for an unexpected answer %j',
    (body) => {
      expect(parseHatenaCounts(body).size).toBe(0)
    },
  )
})
