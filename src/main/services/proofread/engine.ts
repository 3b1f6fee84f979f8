import { TextlintKernel, type TextlintKernelRule } from '@textlint/kernel'
import markdownPlugin from '@textlint/textlint-plugin-markdown'
import presetModule from 'textlint-rule-preset-ja-technical-writing'
import prhModule from 'textlint-rule-prh'
import type { RawFinding } from '../../../shared/proofread/incremental'
import { japaneseMessage } from '../../../shared/proofread/messages'
import { isDocumentRule, PRESET_PREFIX, PRH_KEY, type EngineConfig } from './shipped-rules'

/**
 * textlint itself: the kernel, the Markdown plugin and the shipped rules, configured from an
 * {@link EngineConfig}. Runs in the proofreading worker (and in-process for the command line and
 * tests); never on a thread the writer waits on.
 */

/** Which rules a lint runs: block-local ones, document-wide ones, or all. */
export type RuleScope = 'local' | 'document' | 'all'

// CommonJS modules arrive as `{ default }` or as the value itself depending on the loader.
function interop<T>(m: T): T {
  const value = m as { __esModule?: boolean; default?: T }
  return value && value.__esModule && value.default !== undefined ? value.default : m
}

const preset = interop(presetModule)
const prh = interop(prhModule)
const markdown = interop(markdownPlugin)

/** The kernel rules an engine configuration turns on. */
export function kernelRules(config: EngineConfig): TextlintKernelRule[] {
  const rules: TextlintKernelRule[] = []
  if (config.preset) {
    for (const [name, rule] of Object.entries(preset.rules)) {
      const own = config.preset[name]
      const options = own === undefined || own === true ? preset.rulesConfig[name] : own
      if (options === false || options === undefined) continue
      rules.push({
        ruleId: `${PRESET_PREFIX}${name}`,
        rule: rule as TextlintKernelRule['rule'],
        options: options as TextlintKernelRule['options'],
      })
    }
  }
  for (const { name, options } of config.rules) {
    const rule = name === PRH_KEY ? prh : preset.rules[name]
    if (!rule || options === false) continue
    rules.push({
      ruleId: name,
      rule: rule as TextlintKernelRule['rule'],
      options: options as TextlintKernelRule['options'],
    })
  }
  return rules
}

interface KernelMessage {
  ruleId: string
  message: string
  range?: readonly [number, number]
  index: number
  severity: number
  fix?: { range: readonly [number, number]; text: string }
}

/** A textlint message → a finding (offsets into the linted text, message in Japanese). */
export function toRawFinding(m: KernelMessage, textLength: number): RawFinding {
  const from = Math.min(m.range?.[0] ?? m.index, textLength)
  let to = Math.min(Math.max(m.range?.[1] ?? from + 1, from), textLength)
  // Rules like prh point at one character; their fix shows the whole word to underline.
  if (m.fix && m.fix.range[0] === from) to = Math.min(Math.max(to, m.fix.range[1]), textLength)
  return {
    ruleId: m.ruleId,
    message: japaneseMessage(m.message, m.ruleId),
    from,
    to: to === from && from < textLength ? from + 1 : to,
    severity: m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : 'info',
    fix: m.fix ? { from: m.fix.range[0], to: m.fix.range[1], text: m.fix.text } : null,
  }
}

/** textlint with one configuration. */
export class ProofreadEngine {
  private readonly kernel = new TextlintKernel()
  private readonly rules: Record<RuleScope, TextlintKernelRule[]>

  constructor(config: EngineConfig) {
    const all = kernelRules(config)
    this.rules = {
      all,
      local: all.filter((r) => !isDocumentRule(r.ruleId)),
      document: all.filter((r) => isDocumentRule(r.ruleId)),
    }
  }

  /** Lints one Markdown text with the rules of a scope. */
  async lint(text: string, scope: RuleScope = 'all'): Promise<RawFinding[]> {
    const rules = this.rules[scope]
    if (rules.length === 0 || text.trim() === '') return []
    const result = await this.kernel.lintText(text, {
      ext: '.md',
      plugins: [{ pluginId: 'markdown', plugin: markdown }],
      rules,
      filterRules: [],
    })
    return (result.messages as KernelMessage[]).map((m) => toRawFinding(m, text.length))
  }
}
