/**
 * Extra sources of findings for `portal-writer check`, each turned on by a switch. The built-in
 * rules always run; a source here adds its producer (src/main/services/check/types.ts) when its
 * switch is given, loading its code only then. `check --proofread` (textlint) is added here.
 */
import type { LocalizedText } from '../shared/localized'
import type { FindingProducer } from '../main/services/check/types'

/** One optional source of findings. */
export interface CheckSource {
  /** The switch without dashes (`proofread` for `--proofread`). */
  flag: string
  /** One line for `check --help`, and an example. */
  help: { text: LocalizedText; example: string }
  /** The producer, loaded only when the switch is given. */
  load(): Promise<FindingProducer>
}

/** The optional sources `check` knows. */
export const CHECK_SOURCES: CheckSource[] = []
