/**
 * The one redactor: removing credentials from anything git prints and from remote addresses before
 * they reach a message, a log or the screen (RELIABILITY.md G3, G8). Shared, so the git layer in
 * main and the renderer's view of a remote address apply the same rule for token shapes.
 */

/** What replaces a secret. */
export const REDACTED = '***'

/** Prefixes of tokens issued by the big hosts (GitHub, GitLab, Bitbucket, Atlassian). */
const TOKEN_PREFIX = /^(gh[pousr]_|github_pat_|glpat-|gloas-|ATBB|ATCTT)/

/**
 * Whether a URL's user name is really a secret: a known token prefix, or long and opaque (30+
 * characters with a digit). The one rule for token shapes: messages, logs and remote addresses
 * (G3, G8) all use it, raw or percent-encoded.
 */
export function looksLikeToken(user: string): boolean {
  let decoded = user
  try {
    decoded = decodeURIComponent(user)
  } catch {
    // Not percent-encoded after all: judge it as written.
  }
  return [user, decoded].some(
    (u) => TOKEN_PREFIX.test(u) || (/^[A-Za-z0-9_%-]{30,}$/.test(u) && /\d/.test(u)),
  )
}

/**
 * Removes credentials from text: every `scheme://user:password@` becomes `scheme://***@`, a token
 * used as the user name goes too, and every known secret string is replaced wherever it appears.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  const out = text.replace(
    /([a-z][a-z0-9+.-]*:\/\/)([^@\s/'"]*)@/gi,
    (_m, scheme: string, userinfo: string) =>
      userinfo.includes(':') || looksLikeToken(userinfo)
        ? `${scheme}${REDACTED}@`
        : `${scheme}${userinfo}@`,
  )
  return removeSecrets(out, secrets)
}

/** Replaces every occurrence of the known secrets (also URL-encoded) and nothing else. */
export function removeSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    // Very short strings would blank out ordinary words; real tokens are long.
    if (secret.length < 6) continue
    out = out.split(secret).join(REDACTED)
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret) out = out.split(encoded).join(REDACTED)
  }
  return out
}

/** Whether an address carries a password or a token as its user name (G8). */
export function hasEmbeddedCredentials(url: string): boolean {
  return redact(url) !== url
}

/** A remote address safe to print: any `user:password@` or token user name becomes `***@` (G8). */
export function redactRemoteUrl(url: string): string {
  return redact(url)
}
