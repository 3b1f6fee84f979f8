import { Text } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { problemsToDiagnostics } from '../../../src/renderer/src/metadata/lint'
import { splitPost } from '../../../src/shared/front-matter'
import { validatePost } from '../../../src/shared/metadata/validate'
import { quoteValueEdit } from '../../../src/shared/yaml-explain'

const post = (yaml: string) => `---\n${yaml}\n---\n\n本文\n`

describe('YAML errors in plain words, with the line and the fix', () => {
  it('a ": " inside the title: the Japanese and English say so, name the line, offer quoting', () => {
    const { error } = splitPost(post('date: 2025-01-01\ntitle: Kubernetes: はじめての運用'))
    expect(error?.line).toBe(3)
    expect(error?.message.ja).toContain(
      'タイトルに「: 」が入っています。値を引用符で囲んでください',
    )
    expect(error?.message.ja).toContain('3 行目（title: Kubernetes: はじめての運用）')
    expect(error?.message.en).toContain('The title contains ": ". Put the value in quotes')
    // The parser's own words stay as a detail.
    expect(error?.message.en).toContain('Nested mappings are not allowed')
    expect(error?.quote).toBe(true)
  })

  it('the one-click fix quotes the value and the YAML then reads the intended title', () => {
    const text = post('title: Kubernetes: "はじめて"の運用\ntags: [a]')
    const edit = quoteValueEdit(text, 2)!
    const fixed = text.slice(0, edit.from) + edit.insert + text.slice(edit.to)
    const split = splitPost(fixed)
    expect(split.error).toBeNull()
    expect(split.data.title).toBe('Kubernetes: "はじめて"の運用')
    expect(split.data.tags).toEqual(['a'])
  })

  it.each([
    ['title: @hoge', '「@」で始まっています', true],
    ['title: "abc', '引用符（" または \'）が閉じていません', false],
    ['tags:\n\t- a', 'タブ', false],
    ['title: a\ntitle: b', 'キー「title」が 2 回書かれています', false],
    ['tags:\n  - a\n - b', '字下げ', false],
  ])('%j → %s', (yaml, words, quote) => {
    const { error } = splitPost(post(yaml))
    expect(error?.message.ja).toContain(words)
    expect(error?.quote ?? false).toBe(quote)
  })

  it('the editor gutter offers the quoting fix as an action', () => {
    const text = post('title: Kubernetes: はじめての運用')
    const problems = validatePost(text)
    expect(problems[0]).toMatchObject({ code: 'yaml', fix: 'quote', line: 2 })
    const [diagnostic] = problemsToDiagnostics(Text.of(text.split('\n')), problems, 'ja')
    expect(diagnostic?.actions?.map((a) => a.name)).toEqual(['引用符で囲む'])
  })
})
