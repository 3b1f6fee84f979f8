/**
 * The profile's `check:` key: each rule set to `error`, `warning` or `off`, or to a mapping with a
 * `level` and the rule's options. Unknown rule ids and options are refused, naming the valid ones.
 *
 * ```yaml
 * check:
 *   eyecatch-ratio: off
 *   tags-missing: error
 *   slug-length: { level: warning, max: 60 }
 * ```
 */
import { z } from 'zod'
import { closestName } from '../closest-name'
import { msg, type LocalizedText } from '../localized'
import { isRuleId, RULE_IDS, RULES, type RuleId, type RuleLevel, type RuleOptions } from './rules'

const LEVELS = ['error', 'warning', 'off'] as const

/** The `check:` key as the profile schema accepts it before the rules are looked up. */
export const checkSettingsSchema = z.record(
  z.string(),
  z.union([z.enum(LEVELS), z.record(z.string(), z.unknown())]),
)

/** The `check:` key as written in `.portal-writer.yml`. */
export type CheckSettings = z.infer<typeof checkSettingsSchema>

/** Every rule's level and options, with the profile's settings over the table's defaults. */
export interface CheckConfig {
  levels: Record<RuleId, RuleLevel>
  options: { [R in RuleId]: RuleOptions<R> }
}

/** A problem in the `check:` key: the path of the offending key under `check` and the reason. */
export interface CheckSettingsError {
  path: string[]
  message: LocalizedText
}

/** Result of reading the `check:` key. */
export type CheckConfigParse =
  { kind: 'ok'; config: CheckConfig } | { kind: 'invalid'; error: CheckSettingsError }

function defaults(): CheckConfig {
  const levels = {} as Record<RuleId, RuleLevel>
  const options = {} as Record<RuleId, unknown>
  for (const id of RULE_IDS) {
    levels[id] = RULES[id].level
    options[id] = RULES[id].options.parse({})
  }
  return { levels, options: options as CheckConfig['options'] }
}

/** Every rule at its default level with its default options. */
export const DEFAULT_CHECK_CONFIG: CheckConfig = defaults()

/** Reads the `check:` key over the defaults; refuses unknown rules, levels and options. */
export function parseCheckSettings(settings: unknown): CheckConfigParse {
  if (settings === undefined || settings === null) return { kind: 'ok', config: defaults() }
  const invalid = (path: string[], ja: string, en: string): CheckConfigParse => ({
    kind: 'invalid',
    error: { path, message: msg(ja, en) },
  })
  if (typeof settings !== 'object' || Array.isArray(settings))
    return invalid(
      [],
      'check は「ルール: error・warning・off」の並びで書いてください。',
      'Write check as "rule: error, warning or off" lines.',
    )
  const config = defaults()
  for (const [id, value] of Object.entries(settings)) {
    if (!isRuleId(id)) {
      const near = closestName(id, RULE_IDS)
      return invalid(
        [id],
        `「${id}」という検査ルールはありません。${near ? `${near} のことですか？ ` : ''}使えるルール: ${RULE_IDS.join(', ')}`,
        `There is no check rule "${id}".${near ? ` Did you mean ${near}?` : ''} Valid rules: ${RULE_IDS.join(', ')}`,
      )
    }
    const { level, ...options } =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : { level: value }
    if (level !== undefined) {
      if (!LEVELS.includes(level as RuleLevel))
        return invalid(
          [id],
          `${id} は error・warning・off のどれかにしてください（「${String(level)}」は使えません）。`,
          `Set ${id} to error, warning or off (not "${String(level)}").`,
        )
      config.levels[id] = level as RuleLevel
    }
    const parsed = RULES[id].options.safeParse(options)
    if (!parsed.success) {
      const known = Object.keys(RULES[id].options.shape)
      const issue = parsed.error.issues[0]!
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '')
      const valid = ['level', ...known].join(', ')
      return invalid(
        [id, key],
        issue.code === 'unrecognized_keys'
          ? `${id} に「${key}」という設定はありません。使える設定: ${valid}`
          : `${id} の ${key} が正しくありません（${issue.message}）。`,
        issue.code === 'unrecognized_keys'
          ? `${id} has no option "${key}". Valid options: ${valid}`
          : `${id}.${key} is invalid (${issue.message}).`,
      )
    }
    ;(config.options as Record<RuleId, unknown>)[id] = parsed.data
  }
  return { kind: 'ok', config }
}

/** The config of a profile that already passed validation (defaults for anything unreadable). */
export function checkConfigOf(profile: { check?: CheckSettings | undefined }): CheckConfig {
  const parsed = parseCheckSettings(profile.check)
  return parsed.kind === 'ok' ? parsed.config : DEFAULT_CHECK_CONFIG
}
