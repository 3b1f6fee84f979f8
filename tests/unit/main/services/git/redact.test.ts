import { describe, expect, it } from 'vitest'
import { describeRemote } from '../../../../../src/main/services/git/remote'
import { looksLikeToken, redact } from '../../../../../src/main/services/git/redact'
import * as sharedRemote from '../../../../../src/shared/publish/remote-url'

/**
 * One rule for token shapes: what a log line hides and what a remote address is warned about
 * (G3, G8) are decided by the same function, so they can no longer disagree.
 */
describe('one token-shape rule for logs and remote addresses', () => {
  const atlassian = `ATBB${'x'.repeat(28)}`
  const encoded = encodeURIComponent(`ab%cd${'0'.repeat(30)}`)
  it.each([
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', true],
    ['github_pat_11AAAAAAA0123456789', true],
    ['glpat-abcdefghij', true],
    [atlassian, true],
    ['ATCTT3xFfGN0abc', true],
    [encoded, true],
    ['alice', false],
    ['x-access-token', false],
    ['git', false],
  ])('%s → %s', (user, secret) => {
    expect(looksLikeToken(user)).toBe(secret)
    const url = `https://${user}@example.com/o/r.git`
    const shown = describeRemote('origin', url)
    expect(shown.hasEmbeddedCredentials).toBe(secret)
    expect(shown.displayUrl).toBe(secret ? 'https://***@example.com/o/r.git' : url)
    expect(redact(`fatal: unable to access '${url}/'`)).toBe(
      `fatal: unable to access '${shown.displayUrl}/'`,
    )
    // The renderer's view of the same address (shared code) says the same: one redactor.
    expect(sharedRemote.parseRemoteUrl(url)?.hasCredentials).toBe(secret)
    expect(sharedRemote.redactRemoteUrl(url)).toBe(shown.displayUrl)
  })

  it('a password is always credentials; an address without a user is not', () => {
    expect(describeRemote('o', 'https://me:pw@example.com/r').hasEmbeddedCredentials).toBe(true)
    expect(describeRemote('o', 'https://example.com/r')).toMatchObject({
      displayUrl: 'https://example.com/r',
      hasEmbeddedCredentials: false,
      tokenHost: 'example.com',
    })
    expect(describeRemote('o', 'git@github.com:o/r.git').hasEmbeddedCredentials).toBe(false)
  })
})
