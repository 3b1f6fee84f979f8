import type { StateCore } from 'markdown-it'
import type { PipelineEnv } from './types'

const TOP_LEVEL_BLOCKS = new Set([
  'paragraph_open',
  'heading_open',
  'bullet_list_open',
  'ordered_list_open',
  'blockquote_open',
  'table_open',
  'hr',
  'code_block',
  'fence',
  'html_block',
  'kramdown_toc',
])

/**
 * Core rule: every top-level block (and every list item) carries `data-line`, its 0-based line in
 * the whole file, for scroll sync.
 */
export function addSourceLines(state: StateCore): void {
  const offset = (state.env as PipelineEnv).lineOffset
  for (const token of state.tokens) {
    if (!token.map) continue
    if (
      (token.level === 0 && TOP_LEVEL_BLOCKS.has(token.type)) ||
      token.type === 'list_item_open'
    ) {
      token.attrSet('data-line', String(token.map[0] + offset))
    }
  }
}
