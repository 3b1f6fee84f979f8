/**
 * `check --proofread`: textlint as one more source of findings for `portal-writer check`, with the
 * same configuration, masking and message translation as the editor, so the app and CI report
 * the same findings (in every output format of `check`).
 */
import type { FindingProducer, RawFinding } from '../main/services/check/types'
import { loadProofreadConfig, type ProofreadConfig } from '../main/services/proofread/config'
import { ProofreadEngine } from '../main/services/proofread/engine'
import { finalizeFindings } from '../shared/proofread/incremental'
import { maskNonProse } from '../shared/proofread/mask'

/** The textlint producer: loads the blog's configuration once per run, lints each checked post. */
export function proofreadProducer(): FindingProducer {
  let loaded: Promise<{ config: ProofreadConfig; engine: ProofreadEngine }> | null = null
  const ready = (root: string) =>
    (loaded ??= loadProofreadConfig(root).then((config) => ({
      config,
      engine: new ProofreadEngine(config.engine),
    })))
  return {
    id: 'textlint',
    async post(post, run) {
      const { engine } = await ready(run.root)
      const mask = maskNonProse(post.text)
      const raw = await engine.lint(mask.text, 'all')
      return finalizeFindings(post.text, raw, { excluded: mask.excluded }).map((f): RawFinding => {
        const first = f.message.split('\n')[0]!
        return {
          rule: `textlint/${f.ruleId}`,
          relPath: post.file.relPath,
          line: f.line,
          column: f.column,
          // textlint's rule messages are Japanese; the English line names the rule.
          message: { ja: first, en: `${first} (textlint ${f.ruleId})` },
          severity: f.severity === 'error' ? 'error' : 'warning',
        }
      })
    },
    async repository(run) {
      const { config } = await ready(run.root)
      // Said once per run: rules the blog names that the app does not ship, a broken file…
      return config.notices.map((message) => ({
        rule: 'textlint/config',
        relPath: config.file ?? '.textlintrc',
        line: 1,
        message,
        severity: 'warning' as const,
      }))
    },
  }
}
