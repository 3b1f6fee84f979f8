import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import { resolveInRepo } from '../fs/paths'
import { CONFIG_FILE_NAMES, parseConfigFile } from './config-file'
import { defaultEngineConfig } from './default-config'
import { readPrhDictionaries } from './prh-dictionary'

export { defaultEngineConfig }
import {
  normalizeRuleKey,
  PRESET_KEY,
  PRESET_RULE_NAMES,
  PRH_KEY,
  type EngineConfig,
  type EngineRule,
} from './shipped-rules'

/**
 * The proofreading configuration of a repository: the blog's own `.textlintrc` (any form) with the
 * rules the app ships, or the built-in default. Problems become notices (said once per load),
 * never exceptions.
 */

/** The configuration to lint a repository's posts with. */
export interface ProofreadConfig {
  /** The `.textlintrc*` used (repository-relative), or null for the built-in default. */
  file: string | null
  engine: EngineConfig
  notices: LocalizedText[]
  /** Files whose change means the configuration must be read again (absolute). */
  files: string[]
}

const SHIPPED = new Set<string>(PRESET_RULE_NAMES)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function notShipped(kind: 'rule' | 'filter' | 'plugin', name: string): LocalizedText {
  const ja = { rule: 'ルール', filter: 'フィルター', plugin: 'プラグイン' }[kind]
  const en = { rule: 'Rule', filter: 'Filter', plugin: 'Plugin' }[kind]
  return msg(
    `${ja} ${name} はこのアプリに含まれていないため使いません。`,
    `${en} ${name} is not included in this app and is not used.`,
  )
}

/** Turns a parsed `.textlintrc` into an engine configuration (prh dictionaries read from disk). */
async function fromRc(
  root: string,
  rc: unknown,
): Promise<{ engine: EngineConfig; notices: LocalizedText[]; files: string[] }> {
  const notices: LocalizedText[] = []
  const files: string[] = []
  const engine: EngineConfig = { preset: null, rules: [] }
  const data = isRecord(rc) ? rc : {}
  const rules = isRecord(data.rules) ? data.rules : {}
  for (const [key, value] of Object.entries(rules)) {
    const name = normalizeRuleKey(key)
    if (value === false) continue
    if (name === PRESET_KEY) {
      engine.preset = isRecord(value) ? value : {}
    } else if (name === PRH_KEY) {
      const options = isRecord(value) ? value : {}
      const paths = Array.isArray(options.rulePaths)
        ? options.rulePaths.filter((p): p is string => typeof p === 'string')
        : []
      const read = await readPrhDictionaries(root, root, paths)
      notices.push(...read.notices)
      files.push(...read.files)
      const contents = [
        ...read.contents,
        ...(Array.isArray(options.ruleContents)
          ? options.ruleContents.filter((c): c is string => typeof c === 'string')
          : []),
      ]
      if (contents.length > 0) {
        const { rulePaths: _paths, ruleContents: _contents, ...rest } = options
        engine.rules.push({ name: PRH_KEY, options: { ...rest, ruleContents: contents } })
      }
    } else if (SHIPPED.has(name)) {
      engine.rules.push({ name, options: value } satisfies EngineRule)
    } else {
      notices.push(notShipped('rule', key))
    }
  }
  const filters = isRecord(data.filters) ? Object.keys(data.filters) : []
  for (const f of filters)
    if (data.filters && (data.filters as Record<string, unknown>)[f] !== false)
      notices.push(notShipped('filter', f))
  const plugins = Array.isArray(data.plugins)
    ? data.plugins.filter((p): p is string => typeof p === 'string')
    : isRecord(data.plugins)
      ? Object.keys(data.plugins)
      : []
  for (const p of plugins) {
    if (!/^(@textlint\/)?(textlint-plugin-)?markdown$/.test(p))
      notices.push(notShipped('plugin', p))
  }
  return { engine, notices, files }
}

/**
 * A configuration file that cannot be used (refused or broken): the built-in rules, with a notice
 * that says what is wrong and that they apply until it is fixed; the file is still watched.
 */
function builtInUntilFixed(name: string, path: string, problem: LocalizedText): ProofreadConfig {
  return {
    file: name,
    engine: defaultEngineConfig(),
    files: [path],
    notices: [
      msg(
        `${problem.ja}直るまで内蔵の設定で校正します。`,
        `${problem.en} The built-in rules are used until it is fixed.`,
      ),
    ],
  }
}

/** Reads the repository's proofreading configuration (see the module comment). */
export async function loadProofreadConfig(root: string): Promise<ProofreadConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(root, name)
    // Checked on its real path like every file the app reads (D11): a link out of the repository
    // or into .git is refused with the reason, and none of it is read.
    const resolved = await resolveInRepo(root, name)
    if (resolved.kind === 'refused') {
      return builtInUntilFixed(name, path, {
        ja: `${name}: ${resolved.reason.ja}`,
        en: `${name}: ${resolved.reason.en}`,
      })
    }
    let source: string
    try {
      source = await readFile(resolved.realPath, 'utf8')
    } catch {
      continue
    }
    const parsed = parseConfigFile(name, source)
    if (parsed.kind === 'error') {
      return builtInUntilFixed(name, path, {
        ja: `${name} の ${parsed.line} 行目: ${parsed.reason.ja}。`,
        en: `${name}, line ${parsed.line}: ${parsed.reason.en}.`,
      })
    }
    const { engine, notices, files } = await fromRc(root, parsed.value)
    return { file: name, engine, notices, files: [path, ...files] }
  }
  return { file: null, engine: defaultEngineConfig(), notices: [], files: [] }
}
