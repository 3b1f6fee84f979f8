import type { StateCore, Token } from 'markdown-it'
import { findClosing } from './attribute-lists'

const CHECKBOX = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
const CHECKBOX_CHECKED =
  '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />'

/**
 * Core rule: GFM task items (`[ ] `, `[x] `) get kramdown's disabled checkboxes and `task-list`
 * classes.
 */
export function kramdownLists(state: StateCore): void {
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const list = tokens[i]!
    if (list.type !== 'bullet_list_open' && list.type !== 'ordered_list_open') continue
    const close = findClosing(tokens, i)
    let isTaskList = false
    for (let j = i + 1; j < close; j++) {
      const item = tokens[j]!
      if (item.type !== 'list_item_open' || item.level !== list.level + 1) continue
      const para = tokens[j + 1]
      const inline = tokens[j + 2]
      if (para?.type === 'paragraph_open' && inline?.type === 'inline') {
        if (markTask(state, inline)) isTaskList = true
      }
      // kramdown marks every item from the first task item on (a quirk kept on purpose).
      if (isTaskList) item.attrJoin('class', 'task-list-item')
    }
    if (isTaskList) list.attrJoin('class', 'task-list')
  }
}

function markTask(state: StateCore, inline: Token): boolean {
  const children = inline.children
  const first = children?.[0]
  if (!children || !first || first.type !== 'text') return false
  const m = /^\s*\[([ xX])\]\s+/.exec(first.content)
  if (!m) return false
  // The token list may be shared through the inline cache: build a new one, never edit it.
  const box = new state.Token('html_inline', '', 0)
  box.content = m[1] === ' ' ? CHECKBOX : CHECKBOX_CHECKED
  const text = new state.Token('text', '', 0)
  text.content = first.content.slice(m[0].length)
  text.level = first.level
  inline.children = [box, text, ...children.slice(1)]
  return true
}
