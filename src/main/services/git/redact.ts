/**
 * Removing secrets from anything git prints before it reaches a message or a log (G3, G8). The
 * rule itself is the app's one redactor, `shared/redact.ts`; this adds what only the git layer needs.
 */
import { redact } from '../../../shared/redact'

export {
  hasEmbeddedCredentials,
  looksLikeToken,
  redact,
  redactRemoteUrl,
  REDACTED,
  removeSecrets,
} from '../../../shared/redact'

/** Redacts each command-line argument (URLs may carry credentials). */
export function redactArgs(args: readonly string[], secrets: readonly string[] = []): string[] {
  return args.map((a) => redact(a, secrets))
}
