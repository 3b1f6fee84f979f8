import { DEFAULT_PRH_DICTIONARY } from './default-dictionary'
import { PRH_KEY, type EngineConfig } from './shipped-rules'

/**
 * The built-in default: the technical-writing preset tuned for blog prose (sentences up to 120
 * characters, exclamation marks allowed) and prh with the shipped dictionary of tech names.
 */
export function defaultEngineConfig(): EngineConfig {
  return {
    preset: {
      'sentence-length': { max: 120 },
      'no-exclamation-question-mark': {
        allowHalfWidthExclamation: true,
        allowFullWidthExclamation: true,
      },
    },
    rules: [{ name: PRH_KEY, options: { ruleContents: [DEFAULT_PRH_DICTIONARY] } }],
  }
}
