import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml'
import { msg, type LocalizedText } from '../../../shared/localized'
import { yamlTooDeep } from '../../../shared/front-matter'
import { resolveInRepo } from '../fs/paths'

/**
 * prh dictionaries named by a `.textlintrc`, read in main: imports followed, every pattern checked
 * (a bad regular expression is reported with its file and line, and that dictionary is left out),
 * and the result handed to prh as contents, so the engine never reads files itself.
 */

/** Dictionaries read for prh. */
export interface PrhDictionaries {
  /** YAML of each usable dictionary (imports flattened, `imports` removed). */
  contents: string[]
  notices: LocalizedText[]
  /** Every file read (absolute), so a change reloads the configuration. */
  files: string[]
}

const REGEX_LITERAL = /^\/(.*)\/([dgimsuy]*)$/s
const MAX_IMPORT_DEPTH = 8

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

function checkPatterns(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
): { line: number; pattern: string; error: string } | null {
  const rules = doc.get('rules', true)
  if (!isSeq(rules)) return null
  for (const rule of rules.items) {
    if (!isMap(rule)) continue
    for (const key of ['pattern', 'patterns']) {
      const node = rule.get(key, true) as Node | undefined
      const scalars = isSeq(node) ? node.items : node ? [node] : []
      for (const s of scalars) {
        if (!isScalar(s) || typeof s.value !== 'string') continue
        const literal = REGEX_LITERAL.exec(s.value)
        if (!literal) continue
        try {
          new RegExp(literal[1]!, literal[2])
        } catch (error) {
          const line = s.range ? lines.linePos(s.range[0]).line : 1
          return {
            line,
            pattern: s.value,
            error: error instanceof Error ? error.message : String(error),
          }
        }
      }
    }
  }
  return null
}

/** Reads the prh dictionaries of `rulePaths` (relative to `baseDir`, inside `root`). */
export async function readPrhDictionaries(
  root: string,
  baseDir: string,
  rulePaths: readonly string[],
): Promise<PrhDictionaries> {
  const out: PrhDictionaries = { contents: [], notices: [], files: [] }
  const seen = new Set<string>()

  const readOne = async (file: string, depth: number): Promise<void> => {
    const shown = relative(root, file)
    if (seen.has(file) || depth > MAX_IMPORT_DEPTH) return
    seen.add(file)
    if (!isInside(root, file)) {
      out.notices.push(
        msg(
          `prh の辞書「${shown}」はリポジトリの外にあるため使いません。`,
          `The prh dictionary "${shown}" is outside the repository and is not used.`,
        ),
      )
      return
    }
    // Where the name really leads is checked like every other file the app reads (D11): a link
    // out of the repository or into .git is not read, so its text never reaches the findings.
    const resolved = await resolveInRepo(root, shown.split(sep).join('/'))
    if (resolved.kind === 'refused') {
      out.notices.push(
        msg(
          `prh の辞書「${shown}」は使いません。${resolved.reason.ja}`,
          `The prh dictionary "${shown}" is not used. ${resolved.reason.en}`,
        ),
      )
      return
    }
    let source: string
    try {
      source = await readFile(resolved.realPath, 'utf8')
    } catch {
      out.notices.push(
        msg(
          `prh の辞書「${shown}」が見つからないため使いません。`,
          `The prh dictionary "${shown}" was not found and is not used.`,
        ),
      )
      return
    }
    out.files.push(file)
    // The YAML library recurses once per level: deep nesting is refused before it runs (S12).
    const deep = yamlTooDeep(source)
    if (deep) {
      out.notices.push(
        msg(
          `prh の辞書「${shown}」は${deep.ja}。この辞書は使いません。`,
          `The prh dictionary "${shown}" is not used: ${deep.en}.`,
        ),
      )
      return
    }
    const lines = new LineCounter()
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true })
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!
      const line = e.linePos?.[0].line ?? 1
      out.notices.push(
        msg(
          `prh の辞書「${shown}」の ${line} 行目が読めません（${e.message.split('\n')[0]}）。この辞書は使いません。`,
          `Line ${line} of the prh dictionary "${shown}" cannot be read (${e.message.split('\n')[0]}). The dictionary is not used.`,
        ),
      )
      return
    }
    const bad = checkPatterns(doc, lines)
    if (bad) {
      out.notices.push(
        msg(
          `prh の辞書「${shown}」の ${bad.line} 行目の正規表現 ${bad.pattern} が正しくありません（${bad.error}）。この辞書は使いません。`,
          `The regular expression ${bad.pattern} on line ${bad.line} of the prh dictionary "${shown}" is not valid (${bad.error}). The dictionary is not used.`,
        ),
      )
      return
    }
    const data = (doc.toJS() ?? {}) as { imports?: unknown; [key: string]: unknown }
    const imports = Array.isArray(data.imports) ? data.imports : data.imports ? [data.imports] : []
    delete data.imports
    for (const imp of imports) {
      const path = typeof imp === 'string' ? imp : (imp as { path?: unknown })?.path
      if (typeof path === 'string') await readOne(resolve(dirname(file), path), depth + 1)
    }
    if (Array.isArray(data.rules) && data.rules.length > 0) {
      out.contents.push(stringify({ version: 1, ...data }))
    }
  }

  for (const p of rulePaths) await readOne(resolve(baseDir, p), 0)
  return out
}
