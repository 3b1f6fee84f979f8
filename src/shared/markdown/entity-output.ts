import type { Token } from 'markdown-it'
import { entityOfCode, entityOfName, type KramdownEntity } from './kramdown-entities'
import type { EntityOutput } from './settings'

/** Characters kramdown never writes as themselves (its ESCAPE_MAP), except `"` in `as_char`. */
const ESCAPED: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }

/**
 * How kramdown writes an entity under `entity_output` (kramdown's entity_to_str): the character,
 * the source's spelling (`original`, for entities typed in the source), `&name;` or `&#code;`.
 */
export function spellEntity(
  entity: KramdownEntity,
  output: EntityOutput,
  original?: string,
): string {
  const char = String.fromCodePoint(entity.code)
  if (output === 'as_char' && (char === '"' || !(char in ESCAPED))) return char
  if ((output === 'as_input' || output === 'as_char') && original) return original
  if ((output === 'symbolic' || char in ESCAPED) && entity.name) return `&${entity.name};`
  return `&#${entity.code};`
}

/** How kramdown writes an entity it made itself (no source spelling), by name (`nbsp`, `rsquo`). */
export function entityText(name: string, output: EntityOutput): string {
  return spellEntity(entityByName(name), output)
}

/** The entity an entity name stands for (`#39` and `#x27` are code points), for names kramdown makes. */
export function entityByName(name: string): KramdownEntity {
  const numeric = /^#(x?)([0-9a-fA-F]+)$/.exec(name)
  if (numeric) return entityOfCode(parseInt(numeric[2]!, numeric[1] ? 16 : 10))
  return entityOfName(name) ?? { code: 0xfffd, name: undefined }
}

/** The entity kramdown reads from an entity typed in the source (`&copy;`, `&#169;`), if any. */
export function sourceEntity(original: string): KramdownEntity | undefined {
  const m = /^&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([\w:][-\w.:]*));$/.exec(original)
  if (!m) return undefined
  if (m[3] !== undefined) return entityOfName(m[3])
  return entityOfCode(m[1] !== undefined ? Number(m[1]) : parseInt(m[2]!, 16))
}

/** Escapes text the way kramdown writes text and code (`<`, `>`, `&`; quotes stay as typed). */
export function escapeText(s: string): string {
  if (!/[&<>]/.test(s)) return s
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** REXML's REFERENCE_RE: what kramdown's escaping leaves alone as an entity already. */
const REFERENCE = /^&(?:[\w:][-\w.:]*;|#\d+;|#x[0-9a-fA-F]+;)/

/** Escapes the characters `pattern` finds, except an `&` that starts an entity reference. */
function escapeKeepingReferences(s: string, pattern: RegExp): string {
  return s.replace(pattern, (c: string, i: number) => {
    if (c === '&') return REFERENCE.test(s.slice(i, i + 40)) ? '&' : '&amp;'
    return c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
  })
}

/**
 * Escapes an attribute value as kramdown does (`escape_html(v, :attribute)`): `<`, `>`, `"` and
 * every `&` that does not start an entity reference.
 */
export function escapeAttribute(s: string): string {
  return /[&<>"]/.test(s) ? escapeKeepingReferences(s, /[&<>"]/g) : s
}

/** Escapes raw HTML's text as kramdown does (`escape_html(v, :text)`): quotes and entities stay. */
export function escapeRawText(s: string): string {
  return /[&<>]/.test(s) ? escapeKeepingReferences(s, /[&<>]/g) : s
}

/**
 * An entity token: the character for everything that reads text, the entity for rendering, and
 * the source's spelling (if typed) in `markup`.
 */
export function isEntityToken(token: Token): boolean {
  return token.type === 'text_special' && token.info === 'entity'
}
