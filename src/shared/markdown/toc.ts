import type { RendererRule, StateCore, Token } from 'markdown-it'
import { findClosing } from './attribute-lists'
import { escapeHtml } from './code-blocks'
import { HEADING_ENTRIES, type HeadingEntry } from './headings'
import type { PipelineEnv } from './types'

/** Inline tokens kept in a TOC entry: text and Markdown formatting, never raw HTML (S7). */
const TOC_INLINE = new Set([
  'text',
  'text_special',
  'code_inline',
  'softbreak',
  'em_open',
  'em_close',
  'strong_open',
  'strong_close',
  's_open',
  's_close',
])

/** Rendered TOC entries by heading content (the token lists are reused while the text is unchanged). */
const entryHtml = new WeakMap<Token[], string>()

interface TocNode {
  level: number
  id: string
  html: string
  children: TocNode[]
}

/** Nests entries the way kramdown's generate_toc_tree does (a deeper heading goes under the last shallower one). */
function buildTree(entries: Array<Omit<TocNode, 'children'>>): TocNode[] {
  const root: TocNode[] = []
  const stack: TocNode[] = []
  for (const entry of entries) {
    const node: TocNode = { ...entry, children: [] }
    for (;;) {
      const top = stack[stack.length - 1]
      if (!top) {
        root.push(node)
        stack.push(node)
        break
      }
      if (top.level < node.level) {
        top.children.push(node)
        stack.push(node)
        break
      }
      stack.pop()
    }
  }
  return root
}

function renderTree(nodes: TocNode[], tag: string, listId: string): string {
  let out = ''
  for (const node of nodes) {
    const id = escapeHtml(node.id)
    out += `<li><a href="#${id}" id="${escapeHtml(listId)}-${id}">${node.html}</a>`
    if (node.children.length > 0)
      out += `\n<${tag}>\n${renderTree(node.children, tag, listId)}</${tag}>\n`
    out += '</li>\n'
  }
  return out
}

/**
 * Core rule: the first list marked `{:toc}` becomes the table of contents, with the headings of
 * the whole post (`toc_levels`; kramdown's behaviour: links `#id`, ids `markdown-toc-<id>`, the marker's list type).
 * Later `{:toc}` lists stay ordinary lists, as in kramdown.
 */
export function buildTableOfContents(state: StateCore): void {
  const tokens = state.tokens
  const index = tokens.findIndex(
    (t) =>
      (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') &&
      ((t.meta?.ialRefs as string[] | undefined) ?? []).includes('toc'),
  )
  if (index < 0) return
  const open = tokens[index]!
  const close = findClosing(tokens, index)
  if (close < 0) return
  const env = state.env as PipelineEnv
  const levels = env.markdown.tocLevels
  const entries = ((env[HEADING_ENTRIES] as HeadingEntry[] | undefined) ?? []).filter(
    (h) => !h.inFootnote && levels.includes(h.level),
  )
  const tree = buildTree(
    entries.map((h) => {
      let html = entryHtml.get(h.children)
      if (html === undefined) {
        const kept = h.children.filter((c) => TOC_INLINE.has(c.type))
        html = state.md.renderer.renderInline(kept, state.md.options, env)
        entryHtml.set(h.children, html)
      }
      return { level: h.level, id: h.id, html }
    }),
  )
  const toc = new state.Token('kramdown_toc', open.tag, 0)
  toc.block = true
  toc.level = open.level
  toc.map = open.map
  toc.attrs = (open.attrs ?? []).filter(([name]) => name !== 'start')
  if (toc.attrGet('id') === null) toc.attrSet('id', 'markdown-toc')
  toc.content = tree.length > 0 ? renderTree(tree, open.tag, String(toc.attrGet('id'))) : ''
  tokens.splice(index, close - index + 1, toc)
}

/** Renders the table of contents; an empty one renders nothing, as in kramdown. */
export const renderTableOfContents: RendererRule = (tokens, idx, _options, _env, self) => {
  const token: Token = tokens[idx]!
  if (token.content === '') return ''
  return `<${token.tag}${self.renderAttrs(token)}>\n${token.content}</${token.tag}>\n`
}
