import { markdownLanguage } from '@codemirror/lang-markdown'
import { IterMode, NodeProp, TreeFragment, type Tree } from '@lezer/common'
import type { MarkdownParser } from '@lezer/markdown'
import { describe, expect, it } from 'vitest'
import { frontMatter } from '../../../../src/renderer/src/editor/front-matter'

const parser = (markdownLanguage.parser as MarkdownParser).configure([frontMatter])

/** Node names with their text, in document order, for the nodes we care about. */
function nodes(
  tree: Tree,
  text: string,
  names: string[],
  mode?: IterMode,
): Array<[string, string]> {
  const out: Array<[string, string]> = []
  tree.iterate({
    mode,
    enter: (n) => {
      if (names.includes(n.name)) out.push([n.name, text.slice(n.from, n.to)])
    },
  })
  return out
}

describe('front-matter aware Markdown language (editor highlighting)', () => {
  it('parses the front matter block, its YAML, and the Markdown after it', () => {
    const text = '---\ntitle: 記事\ntags:\n  - a\n---\n\n## 見出し\n\n本文 **強調**\n'
    const tree = parser.parse(text)
    expect(
      nodes(
        tree,
        text,
        ['FrontMatter', 'FrontMatterMark', 'FrontMatterContent'],
        IterMode.IgnoreMounts,
      ),
    ).toEqual([
      ['FrontMatter', '---\ntitle: 記事\ntags:\n  - a\n---'],
      ['FrontMatterMark', '---'],
      ['FrontMatterContent', 'title: 記事\ntags:\n  - a'],
      ['FrontMatterMark', '---'],
    ])
    // The YAML inside is parsed as YAML (keys are YAML nodes), the rest as Markdown.
    expect(nodes(tree, text, ['Key']).map(([, t]) => t)).toEqual(['title', 'tags'])
    expect(nodes(tree, text, ['ATXHeading2', 'StrongEmphasis']).map(([n]) => n)).toEqual([
      'ATXHeading2',
      'StrongEmphasis',
    ])
    // The closing fence is not a horizontal rule or a setext heading.
    expect(nodes(tree, text, ['HorizontalRule', 'SetextHeading2'])).toEqual([])
  })

  it('keeps the YAML tree of the front matter while the body is typed in, and parses it again when it changes', () => {
    const head = '---\ntitle: 記事\n---\n\n'
    const body = Array.from({ length: 400 }, (_, i) => `段落${i}の本文です。\n`).join('\n')
    const text = head + body
    const tree = parser.parse(text)
    const yamlOf = (t: Tree) => {
      let found: Tree | null = null
      t.iterate({
        mode: IterMode.IgnoreMounts,
        enter: (n) => {
          if (n.name === 'FrontMatterContent')
            found = n.node.tree?.prop(NodeProp.mounted)?.tree ?? null
        },
      })
      return found
    }
    const mounted = yamlOf(tree)
    expect(mounted).not.toBeNull()
    // Typing in the body: the front matter block and its YAML are reused as they were.
    const at = text.length - 10
    const typed = `${text.slice(0, at)}あ${text.slice(at)}`
    const reparse = (from: Tree, a: number, b: number, inserted: number, next: string) =>
      parser.parse(
        next,
        TreeFragment.applyChanges(TreeFragment.addTree(from), [
          { fromA: a, toA: b, fromB: a, toB: a + inserted },
        ]),
      )
    const afterBody = reparse(tree, at, at, 1, typed)
    expect(yamlOf(afterBody)).toBe(mounted)
    // Typing in the front matter: its YAML is parsed again, with the new key.
    const keyAt = typed.indexOf('title')
    const edited = `${typed.slice(0, keyAt)}tags: [a]\n${typed.slice(keyAt)}`
    const afterHead = reparse(afterBody, keyAt, keyAt, 'tags: [a]\n'.length, edited)
    expect(nodes(afterHead, edited, ['Key']).map(([, t]) => t)).toEqual(['tags', 'title'])
    expect(afterHead.toString()).toBe(parser.parse(edited).toString())
  })

  it('only treats a fence on the very first line as front matter', () => {
    const text = 'intro\n\n---\n\nafter\n'
    const tree = parser.parse(text)
    expect(nodes(tree, text, ['FrontMatter'])).toEqual([])
    expect(nodes(tree, text, ['HorizontalRule'])).toHaveLength(1)
  })

  it('runs an unclosed front matter to the end of the file', () => {
    const text = '---\ntitle: "unclosed\n\n# not a heading\n'
    const tree = parser.parse(text)
    expect(nodes(tree, text, ['FrontMatter'])[0]?.[1]).toContain('# not a heading')
    expect(nodes(tree, text, ['ATXHeading1'])).toEqual([])
    expect(nodes(tree, text, ['String', 'Key']).length).toBeGreaterThan(0)
    // An unclosed fence in a huge post is not parsed as YAML in one go.
    const huge = `---\n${'key: value\n'.repeat(100_000)}`
    const started = performance.now()
    const big = parser.parse(huge)
    expect(nodes(big, huge, ['FrontMatterContent'], IterMode.IgnoreMounts)).toHaveLength(1)
    expect(nodes(big, huge, ['Key'])).toEqual([])
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
