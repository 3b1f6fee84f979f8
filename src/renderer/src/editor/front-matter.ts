import { yamlLanguage } from '@codemirror/lang-yaml'
import { parseMixed } from '@lezer/common'
import { tags } from '@lezer/highlight'
import type { MarkdownConfig } from '@lezer/markdown'
import { isClosingFence } from '../../../shared/front-matter-fence'

const OPEN = /^---(?:ya?ml)?[ \t]*$/

/**
 * A Markdown parser extension for YAML front matter at the very start of a post: the block becomes
 * `FrontMatter` (fences `FrontMatterMark`, body `FrontMatterContent` parsed as YAML). Unlike a
 * wrapper grammar around the whole file, it keeps Markdown's incremental parsing, so a keystroke
 * in a long post re-parses only what changed. An unclosed front matter runs to the end of the file,
 * as the blog (and `splitPost`) read it.
 */
export const frontMatter: MarkdownConfig = {
  defineNodes: [
    { name: 'FrontMatter', block: true },
    { name: 'FrontMatterMark', style: tags.processingInstruction },
    { name: 'FrontMatterContent' },
  ],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || cx.parentType().name !== 'Document' || !OPEN.test(line.text))
          return false
        const start = cx.lineStart
        const children = [cx.elt('FrontMatterMark', start, start + line.text.length)]
        const contentFrom = start + line.text.length + 1
        while (cx.nextLine()) {
          if (!isClosingFence(line.text)) continue
          if (cx.lineStart - 1 > contentFrom)
            children.push(cx.elt('FrontMatterContent', contentFrom, cx.lineStart - 1))
          const end = cx.lineStart + line.text.length
          children.push(cx.elt('FrontMatterMark', cx.lineStart, end))
          cx.nextLine()
          cx.addElement(cx.elt('FrontMatter', start, end, children))
          return true
        }
        const end = Math.max(contentFrom - 1, cx.prevLineEnd())
        if (end > contentFrom) children.push(cx.elt('FrontMatterContent', contentFrom, end))
        cx.addElement(cx.elt('FrontMatter', start, end, children))
        return true
      },
    },
  ],
  wrap: parseMixed((node) =>
    node.name === 'FrontMatterContent' ? { parser: yamlLanguage.parser } : null,
  ),
}
