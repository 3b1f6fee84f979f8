/**
 * Extra sources of findings for `portal-writer check`, each turned on by a switch. The built-in
 * rules always run; a source here adds its producer (src/main/services/check/types.ts) when its
 * switch is given, loading its code only then. `check --proofread` (textlint) is added here.
 */
import { msg, type LocalizedText } from '../shared/localized'
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
export const CHECK_SOURCES: CheckSource[] = [
  {
    flag: 'proofread',
    help: {
      text: msg(
        '文章の校正（textlint。ブログの .textlintrc があればそのルール）も行う',
        "also proofread the prose (textlint, with the blog's .textlintrc when it has one)",
      ),
      example: 'portal-writer check --proofread --changed',
    },
    // textlint and its dictionaries load only when asked for.
    load: async () => (await import('./proofread')).proofreadProducer(),
  },
]
