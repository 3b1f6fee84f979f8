import type { EntityOutput } from './settings'

/** The few entities the pipeline writes itself, by name: character and code point. */
const ENTITIES: Record<string, number> = { nbsp: 0xa0 }

/** Characters kramdown never writes as themselves (its ESCAPE_MAP), except `"` in `as_char`. */
const ESCAPED = new Set(['&', '<', '>', '"'])

/**
 * How kramdown writes an entity it made itself (no source spelling) under `entity_output`
 * (kramdown's entity_to_str): the character, `&name;` or `&#code;`.
 */
export function entityText(name: string, output: EntityOutput): string {
  const code = ENTITIES[name]!
  const char = String.fromCodePoint(code)
  if (output === 'as_char' && (char === '"' || !ESCAPED.has(char))) return char
  if (output === 'symbolic' || ESCAPED.has(char)) return `&${name};`
  return `&#${code};`
}
