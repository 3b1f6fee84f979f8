import { yamlLanguage } from '@codemirror/lang-yaml'
import { MountedTree, NodeProp, Tree, type NodeType } from '@lezer/common'
import { tags } from '@lezer/highlight'
import type { BlockContext, Element, MarkdownConfig } from '@lezer/markdown'
import { FRONT_MATTER_LIMITS } from '../../../shared/front-matter'
import { isClosingFence } from '../../../shared/front-matter-fence'

const OPEN = /^---(?:ya?ml)?[ \t]*$/

/**
 * A Markdown parser extension for YAML front matter at the very start of a post: the block becomes
 * `FrontMatter` (fences `FrontMatterMark`, body `FrontMatterContent` parsed as YAML). Unlike a
 * wrapper grammar around the whole file, it keeps Markdown's incremental parsing, so a keystroke
 * in a long post re-parses only what changed. An unclosed front matter runs to the end of the file,
 * as the blog (and `splitPost`) read it.
 *
 * The YAML is parsed when the block is, and mounted on `FrontMatterContent` as a mixed parse would
 * mount it. A `parseMixed` wrapper did the same, but walked every top-level node of the post on
 * each keystroke to look for it (a hundred kilobytes of garbage a key in a 200k post).
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
        const yaml: string[] = []
        while (cx.nextLine()) {
          if (!isClosingFence(line.text)) {
            yaml.push(line.text)
            continue
          }
          if (cx.lineStart - 1 > contentFrom)
            children.push(yamlContent(cx, contentFrom, cx.lineStart - 1, yaml))
          const end = cx.lineStart + line.text.length
          children.push(cx.elt('FrontMatterMark', cx.lineStart, end))
          cx.nextLine()
          cx.addElement(cx.elt('FrontMatter', start, end, children))
          return true
        }
        const end = Math.max(contentFrom - 1, cx.prevLineEnd())
        if (end > contentFrom) children.push(yamlContent(cx, contentFrom, end, yaml))
        cx.addElement(cx.elt('FrontMatter', start, end, children))
        return true
      },
    },
  ],
}

const contentTypes = new WeakMap<BlockContext['parser'], NodeType>()

/** `FrontMatterContent` from `from` to `to` (the `lines` between the fences), its YAML mounted. */
function yamlContent(cx: BlockContext, from: number, to: number, lines: string[]): Element {
  let type = contentTypes.get(cx.parser)
  if (!type) {
    type = cx.parser.nodeSet.types.find((t) => t.name === 'FrontMatterContent')!
    contentTypes.set(cx.parser, type)
  }
  // Past the blog's limit it is no front matter the blog reads (and an unclosed fence in a 10 MB
  // post must not be parsed as YAML in one go): shown unhighlighted.
  if (to - from > FRONT_MATTER_LIMITS.bytes) return cx.elt('FrontMatterContent', from, to)
  // An unclosed front matter ends before the blank lines at the end of the file.
  const text = lines.join('\n').slice(0, to - from)
  const mount = new MountedTree(yamlLanguage.parser.parse(text), null, yamlLanguage.parser)
  return cx.elt(new Tree(type, [], [], to - from, [[NodeProp.mounted, mount]]), from)
}
