/** Removing secrets from anything git prints before it reaches a message or a log (G3, G8). */

/** What replaces a secret. */
export const REDACTED = '***'

/**
 * Removes credentials from text: every `scheme://user:password@` becomes `scheme://***@`, a token
 * used as the user name goes too, and every known secret string is replaced wherever it appears.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  const out = text.replace(
    /([a-z][a-z0-9+.-]*:\/\/)([^@\s/'"]*)@/gi,
    (_m, scheme: string, userinfo: string) =>
      userinfo.includes(':') || looksSecret(userinfo)
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

/** A user name that is really a token (known prefixes, or long and opaque). */
function looksSecret(user: string): boolean {
  return (
    /^(gh[pousr]_|github_pat_|glpat-|gloas-)/.test(user) ||
    (/^[A-Za-z0-9_%-]{30,}$/.test(user) && /\d/.test(user))
  )
}

/** Redacts each command-line argument (URLs may carry credentials). */
export function redactArgs(args: readonly string[], secrets: readonly string[] = []): string[] {
  return args.map((a) => redact(a, secrets))
}
