/**
 * Which textlint rules the app ships, by name, without loading them (the engine loads them in its
 * worker). A `.textlintrc` naming anything else gets a notice, never a crash.
 */

/** The preset's key in `.textlintrc` (`textlint-rule-` prefix removed). */
export const PRESET_KEY = 'preset-ja-technical-writing'
/** How textlint prefixes the ids of the preset's rules in its reports. */
export const PRESET_PREFIX = 'ja-technical-writing/'
/** prh's key in `.textlintrc`. */
export const PRH_KEY = 'prh'

/** The rules of textlint-rule-preset-ja-technical-writing 12 (each also usable on its own). */
export const PRESET_RULE_NAMES = [
  'sentence-length',
  'max-comma',
  'max-ten',
  'max-kanji-continuous-len',
  'no-mix-dearu-desumasu',
  'ja-no-mixed-period',
  'arabic-kanji-numbers',
  'no-doubled-conjunction',
  'no-doubled-conjunctive-particle-ga',
  'no-double-negative-ja',
  'no-doubled-joshi',
  'no-dropping-the-ra',
  'no-nfd',
  'no-exclamation-question-mark',
  'no-hankaku-kana',
  'no-invalid-control-character',
  'ja-no-weak-phrase',
  'ja-no-successive-word',
  'ja-no-abusage',
  'ja-no-redundant-expression',
  'ja-unnatural-alphabet',
  'no-unmatched-pair',
  'no-zero-width-spaces',
] as const

/** Rules that look at the whole post rather than one block: run when typing pauses. */
const DOCUMENT_RULE_NAMES = new Set(['no-mix-dearu-desumasu'])

/** Whether a reported rule id (`ja-technical-writing/no-mix-dearu-desumasu`, `prh`…) is document-wide. */
export function isDocumentRule(ruleId: string): boolean {
  return DOCUMENT_RULE_NAMES.has(ruleId.slice(ruleId.lastIndexOf('/') + 1))
}

/** A rule or preset key as `.textlintrc` may spell it → the short form (`textlint-rule-x` → `x`). */
export function normalizeRuleKey(key: string): string {
  return key
    .trim()
    .replace(/^@textlint-rule\//, '')
    .replace(/^textlint-rule-/, '')
}

/** One rule for the engine: a shipped rule's short name and its options. */
export interface EngineRule {
  /** A name of {@link PRESET_RULE_NAMES} or {@link PRH_KEY}. */
  name: string
  options: unknown
}

/**
 * What the engine lints with: plain data, so it crosses to the worker. `preset` holds the
 * preset's per-rule settings as `.textlintrc` gives them (a rule set to false is off; anything else
 * replaces the preset's own setting for that rule); null when the preset is not used.
 */
export interface EngineConfig {
  preset: Record<string, unknown> | null
  rules: EngineRule[]
}
