import { markdownLanguage } from '@codemirror/lang-markdown'
import { IterMode, type Tree } from '@lezer/common'
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
  })
})
