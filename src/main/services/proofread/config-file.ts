import { parse, YAMLParseError } from 'yaml'
import { yamlTooDeep } from '../../../shared/front-matter'

/**
 * Reading a `.textlintrc` in any of its forms as plain data. JSON (with comments), YAML and
 * JavaScript files are all read as data: a `.textlintrc.js` whose export is a literal object is
 * read; one that computes its settings (require, functions, spreads) is refused with its line,
 * because the app never runs code from the repository.
 */

/** The forms textlint accepts, in the order it looks for them. */
export const CONFIG_FILE_NAMES = [
  '.textlintrc',
  '.textlintrc.json',
  '.textlintrc.yml',
  '.textlintrc.yaml',
  '.textlintrc.js',
  '.textlintrc.cjs',
] as const

/** A configuration file read as data, or why it could not be. */
export type ConfigFileResult =
  | { kind: 'ok'; value: unknown }
  | { kind: 'error'; line: number; reason: { ja: string; en: string } }

/** Replaces `//` and `/* *\/` comments outside strings with spaces (line breaks kept). */
export function stripComments(source: string): string {
  let out = ''
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      while (j < source.length && source[j] !== c && source[j] !== '\n')
        j += source[j] === '\\' ? 2 : 1
      out += source.slice(i, j + 1)
      i = j + 1
    } else if (c === '/' && source[i + 1] === '/') {
      let j = i
      while (j < source.length && source[j] !== '\n') j++
      out += ' '.repeat(j - i)
      i = j
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2)
      const j = end < 0 ? source.length : end + 2
      out += source.slice(i, j).replace(/[^\n]/g, ' ')
      i = j
    } else {
      out += c
      i++
    }
  }
  return out
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}

function parseData(text: string, lineOffset: number): ConfigFileResult {
  // The YAML library recurses once per level: deep nesting is refused before it runs (S12).
  const deep = yamlTooDeep(text)
  if (deep) return { kind: 'error', line: 1 + lineOffset, reason: deep }
  try {
    const value: unknown = parse(text, { prettyErrors: true, uniqueKeys: false })
    return { kind: 'ok', value: value ?? {} }
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 1) : 1
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    return {
      kind: 'error',
      line: line + lineOffset,
      reason: {
        ja: `書式が正しくありません（${detail}）`,
        en: `The syntax is not valid (${detail})`,
      },
    }
  }
}

// Anything that makes a JavaScript configuration a program rather than a literal.
const CODE = /\brequire\s*\(|\bimport\s*\(|=>|\bfunction\b|\.\.\.|\bprocess\.|\b__dirname\b|`/

function parseJavaScript(source: string): ConfigFileResult {
  const code = stripComments(source)
  const start = /\bmodule\.exports\s*=|\bexport\s+default\b/.exec(code)
  if (!start) {
    return {
      kind: 'error',
      line: 1,
      reason: {
        ja: '`module.exports = { … }` の形で書かれていません',
        en: 'It is not written as `module.exports = { … }`',
      },
    }
  }
  const body = code.slice(start.index + start[0].length).replace(/;\s*$/, '')
  const program = CODE.exec(body)
  if (program) {
    return {
      kind: 'error',
      line: lineAt(code, start.index + start[0].length + program.index),
      reason: {
        ja: '値だけでなくプログラムで書かれているため、アプリでは実行しません。値だけの .textlintrc.json にしてください',
        en: 'It computes its settings with code, which the app never runs. Use a plain .textlintrc.json',
      },
    }
  }
  return parseData(body, lineAt(code, start.index + start[0].length) - 1)
}

/** Reads a configuration file's text as data, by its name's form. */
export function parseConfigFile(name: string, source: string): ConfigFileResult {
  if (name.endsWith('.js') || name.endsWith('.cjs')) return parseJavaScript(source)
  // JSON is YAML too; JSON files may carry comments. `.textlintrc` is JSON when it starts with `{`.
  const json =
    name.endsWith('.json') || (name === '.textlintrc' && source.trimStart().startsWith('{'))
  if (!json) return parseData(source, 0)
  const text = stripComments(source)
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown }
  } catch (error) {
    // Trailing commas and unquoted keys (JSON5-style) are read as YAML flow; a real mistake is
    // reported where JSON itself stopped.
    const relaxed = parseData(text, 0)
    if (relaxed.kind === 'ok') return relaxed
    const at = /position (\d+)/.exec(String(error))
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!
    return {
      kind: 'error',
      line: at ? lineAt(text, Number(at[1])) : relaxed.line,
      reason: {
        ja: `書式が正しくありません（${detail}）`,
        en: `The syntax is not valid (${detail})`,
      },
    }
  }
}
