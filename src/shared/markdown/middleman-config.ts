import { msg, type LocalizedText } from '../localized'

/** The file a Middleman blog states its markdown options in, at the repository root. */
export const MIDDLEMAN_CONFIG_FILE = 'config.rb'

/** What `config.rb` says about markdown: the options it could read, and what it could not. */
export interface MiddlemanMarkdownConfig {
  /** kramdown options by name; values as Ruby literals read into plain values. */
  options: Record<string, unknown>
  /** Values that are not plain literals (method calls, constants…), skipped. */
  notes: LocalizedText[]
  /** 1-based line of the `set :markdown` statement, or null when there is none. */
  line: number | null
}

/** A Ruby range literal such as `2..3`, kept as text so the settings reader parses it once. Symbols read as their names. */
const RANGE = /^(\d+)(\.\.\.?)(\d+)/

class Unreadable extends Error {}

/**
 * A reader of Ruby literals (strings, symbols, numbers, ranges, true/false/nil, arrays, `%w[]`,
 * `%i[]`, hashes with `key:` or `:key =>` keys). It never evaluates anything: whatever is not a
 * literal is reported as unreadable.
 */
class LiteralReader {
  pos: number

  constructor(
    private readonly src: string,
    start: number,
  ) {
    this.pos = start
  }

  /** Skips spaces, comments and (inside brackets) line breaks. */
  skip(newlines: boolean): void {
    for (;;) {
      const c = this.src[this.pos]
      if (c === ' ' || c === '\t' || c === '\r') this.pos++
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2
      else if (c === '\n' && newlines) this.pos++
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++
      } else return
    }
  }

  peek(): string {
    return this.src[this.pos] ?? ''
  }

  eat(text: string, newlines: boolean): boolean {
    this.skip(newlines)
    if (!this.src.startsWith(text, this.pos)) return false
    this.pos += text.length
    return true
  }

  string(quote: string): string {
    let out = ''
    this.pos++
    while (this.pos < this.src.length) {
      const c = this.src[this.pos++]!
      if (c === quote) return out
      if (c === '\\') {
        const next = this.src[this.pos++] ?? ''
        if (quote === "'") out += next === "'" || next === '\\' ? next : `\\${next}`
        else out += next === 'n' ? '\n' : next === 't' ? '\t' : next
      } else if (quote === '"' && c === '#' && this.src[this.pos] === '{') {
        throw new Unreadable('interpolation')
      } else out += c
    }
    throw new Unreadable('unterminated string')
  }

  /** A `%w[...]` / `%i(...)` word list. */
  words(): string[] {
    const open = this.src[this.pos + 2]!
    const close = { '[': ']', '(': ')', '{': '}', '<': '>' }[open] ?? open
    const end = this.src.indexOf(close, this.pos + 3)
    if (end < 0) throw new Unreadable('unterminated word list')
    const words = this.src
      .slice(this.pos + 3, end)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
    this.pos = end + 1
    return words
  }

  value(): unknown {
    this.skip(true)
    const rest = this.src.slice(this.pos, this.pos + 40)
    const c = this.peek()
    if (c === "'" || c === '"') return this.string(c)
    if (/^%[wi][[({<]/.test(rest)) return this.words()
    if (c === '[') return this.array()
    if (c === '{') return this.hash('}')
    const range = RANGE.exec(rest)
    if (range) {
      this.pos += range[0].length
      return range[0]
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(rest)
    if (number) {
      this.pos += number[0].length
      return Number(number[0])
    }
    const symbol = /^:([A-Za-z_]\w*[?!]?)/.exec(rest)
    if (symbol) {
      this.pos += symbol[0].length
      return symbol[1]
    }
    const word = /^(true|false|nil)\b/.exec(rest)
    if (word) {
      this.pos += word[0].length
      return word[1] === 'nil' ? null : word[1] === 'true'
    }
    throw new Unreadable(rest.split('\n')[0]!.trim())
  }

  array(): unknown[] {
    this.pos++
    const out: unknown[] = []
    if (this.eat(']', true)) return out
    for (;;) {
      out.push(this.value())
      const comma = this.eat(',', true)
      if (this.eat(']', true)) return out
      if (!comma) throw new Unreadable('array')
    }
  }

  /** A key (`name:`, `:name =>`, `'name' =>`), or null at the end of the hash. */
  key(): string | null {
    this.skip(true)
    const rest = this.src.slice(this.pos, this.pos + 60)
    const label = /^([A-Za-z_]\w*):(?!:)/.exec(rest)
    if (label) {
      this.pos += label[0].length
      return label[1]!
    }
    const rocket = /^(?::([A-Za-z_]\w*)|'([^']*)'|"([^"]*)")\s*=>/.exec(rest)
    if (rocket) {
      this.pos += rocket[0].length
      return rocket[1] ?? rocket[2] ?? rocket[3]!
    }
    return null
  }

  /**
   * Hash entries up to `close` (`}` or `)`, or '' for a bare hash ending with the line). An entry
   * whose value is not a literal is recorded in `skipped` and the reader moves on to the next one.
   */
  hash(close: string, skipped: string[] = []): Record<string, unknown> {
    if (close === '}') this.pos++
    const out: Record<string, unknown> = {}
    for (;;) {
      if (close && this.eat(close, true)) return out
      const key = this.key()
      if (key === null) {
        if (close) throw new Unreadable('hash')
        return out
      }
      try {
        out[key] = this.value()
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e
        skipped.push(key)
        this.skipValue()
      }
      if (!this.eat(',', Boolean(close))) {
        if (close && this.eat(close, true)) return out
        if (close) throw new Unreadable('hash')
        return out
      }
    }
  }

  /** Moves past a value it cannot read: up to the next `,` or closing bracket at its depth. */
  skipValue(): void {
    let depth = 0
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!
      if ('([{'.includes(c)) depth++
      else if (')]}'.includes(c)) {
        if (depth === 0) return
        depth--
      } else if ((c === ',' || c === '\n') && depth === 0) return
      else if (c === "'" || c === '"') {
        this.string(c)
        continue
      }
      this.pos++
    }
  }
}

/** Offsets of `set :markdown` statements that are code (not in a comment line). */
const SET_MARKDOWN = /^[ \t]*(?:config\.)?set[ \t]*(\(?)[ \t]*:markdown[ \t]*,/gm

/**
 * Reads the kramdown options a Middleman `config.rb` sets with `set :markdown, …` (the last such
 * statement wins, as when Ruby runs it). The hash is read as literals only; never evaluated.
 */
export function readMiddlemanMarkdown(text: string): MiddlemanMarkdownConfig {
  const matches = [...text.matchAll(SET_MARKDOWN)]
  const last = matches[matches.length - 1]
  if (!last) return { options: {}, notes: [], line: null }
  const line = text.slice(0, last.index).split('\n').length
  const reader = new LiteralReader(text, last.index + last[0].length)
  const skipped: string[] = []
  const notes: LocalizedText[] = []
  let options: Record<string, unknown> = {}
  try {
    reader.skip(false)
    const braced = reader.peek() === '{'
    const close = last[1] === '(' ? ')' : ''
    options = braced ? reader.hash('}', skipped) : reader.hash(close, skipped)
  } catch (e) {
    if (!(e instanceof Unreadable)) throw e
    notes.push(
      msg(
        `config.rb ${line} 行目の set :markdown を読めませんでした（値はリテラルで書いてください）。`,
        `config.rb line ${line}: set :markdown could not be read (write its values as literals).`,
      ),
    )
  }
  for (const key of skipped)
    notes.push(
      msg(
        `config.rb ${line} 行目の ${key} はリテラルでないため読みません。`,
        `config.rb line ${line}: ${key} is not a literal value, so it is not read.`,
      ),
    )
  return { options, notes, line }
}
