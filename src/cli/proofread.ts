import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { LocalizedText } from '../shared/localized'
import { finalizeFindings } from '../shared/proofread/incremental'
import { maskNonProse } from '../shared/proofread/mask'
import { decodeText } from '../main/services/post-bytes'
import { scanPostFiles } from '../main/services/post-list'
import { loadProofreadConfig } from '../main/services/proofread/config'
import { readRepoProfile } from '../main/services/repo'
import type { Finding } from './output'
import { toPosix } from './post-context'

/**
 * `check --proofread`: textlint over every post with the same configuration, masking and message
 * translation as the editor, so the app and CI report the same findings.
 */

/** One proofreading finding of a post file. */
export interface ProofreadFileFinding {
  /** The file as shown (relative to `cwd`). */
  file: string
  line: number
  column: number
  ruleId: string
  message: string
  severity: 'error' | 'warning' | 'info'
}

/** What proofreading a repository found, and notes about its configuration (said once). */
export interface ProofreadReport {
  findings: ProofreadFileFinding[]
  notices: LocalizedText[]
  /** The `.textlintrc*` used, or null for the built-in rules. */
  configFile: string | null
}

/** Proofreads every post of a repository (a full textlint run per post, in this process). */
export async function proofreadRepository(root: string, cwd: string): Promise<ProofreadReport> {
  const config = await loadProofreadConfig(root)
  // textlint and its rules load only when proofreading is asked for: other commands start fast.
  const { ProofreadEngine } = await import('../main/services/proofread/engine')
  const engine = new ProofreadEngine(config.engine)
  const { profile } = await readRepoProfile(root)
  const { files } = await scanPostFiles(root, profile.postPath)
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0))
  const findings: ProofreadFileFinding[] = []
  for (const file of files) {
    const decoded = decodeText(await readFile(join(root, ...file.relPath.split('/'))))
    if (!decoded.validUtf8) continue // `check` reports the encoding itself
    const mask = maskNonProse(decoded.text)
    const raw = await engine.lint(mask.text, 'all')
    const shown = toPosix(relative(cwd, join(root, ...file.relPath.split('/'))))
    for (const f of finalizeFindings(decoded.text, raw, { excluded: mask.excluded })) {
      findings.push({
        file: shown,
        line: f.line,
        column: f.column,
        ruleId: f.ruleId,
        message: f.message,
        severity: f.severity,
      })
    }
  }
  return { findings, notices: config.notices, configFile: config.file }
}

/** A proofreading finding as a `check` finding (textlint's rule messages are Japanese only). */
export function toCheckFinding(f: ProofreadFileFinding): Finding {
  return {
    file: f.file,
    line: f.line,
    severity: f.severity === 'error' ? 'error' : 'warning',
    message: {
      ja: `${f.message.split('\n')[0]}（${f.column} 桁目、${f.ruleId}）`,
      en: `textlint ${f.ruleId}, column ${f.column}`,
    },
  }
}
