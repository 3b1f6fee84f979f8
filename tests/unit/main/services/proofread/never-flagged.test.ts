import { beforeAll, describe, expect, it } from 'vitest'
import { finalizeFindings } from '../../../../../src/shared/proofread/incremental'
import { maskNonProse } from '../../../../../src/shared/proofread/mask'
import { defaultEngineConfig } from '../../../../../src/main/services/proofread/config'
import { DEFAULT_PRH_TERMS } from '../../../../../src/main/services/proofread/default-dictionary'
import { ProofreadEngine } from '../../../../../src/main/services/proofread/engine'

let engine: ProofreadEngine

async function proofread(text: string) {
  const mask = maskNonProse(text)
  return finalizeFindings(text, await engine.lint(mask.text), { excluded: mask.excluded })
}

// Each line would be flagged as prose: "javascript" (prh) and 「することができます」 (redundant).
const BAD = 'javascriptで使用することができます'

describe('what proofreading never flags', () => {
  beforeAll(async () => {
    engine = new ProofreadEngine(defaultEngineConfig())
    await engine.lint('準備です。')
  }, 120_000)

  it('flags the phrase in prose, so the cases below are real', async () => {
    const found = await proofread(`${BAD}。\n`)
    expect(found.map((f) => f.ruleId).sort()).toEqual([
      'ja-technical-writing/ja-no-redundant-expression',
      'prh',
    ])
    expect(found.find((f) => f.ruleId === 'prh')).toMatchObject({
      line: 1,
      column: 1,
      from: 0,
      to: 10,
    })
  })

  const cases: Array<[string, string]> = [
    ['front matter', `---\ntitle: ${BAD}\ntags: [javascript]\n---\n\n本文です。\n`],
    ['a fenced code block', `本文です。\n\n\`\`\`js\n// ${BAD}\n\n// ${BAD}\n\`\`\`\n`],
    ['a tilde code block', `~~~\n${BAD}\n~~~\n`],
    ['inline code', `設定は \`${BAD}\` です。\n`],
    ['a raw HTML block', `<div class="note">\n${BAD}\n</div>\n\n本文です。\n`],
    ['an HTML comment', `<!--\n${BAD}\n-->\n`],
    ['an inline HTML tag', `本文の<span title="${BAD}">強調</span>です。\n`],
    ['a bare URL', '詳細は https://github.com/foo/javascript-tools を見てください。\n'],
    ['a link destination', '[資料](https://example.com/javascript)を見てください。\n'],
    ['a table of contents', `* ${BAD}\n{:toc}\n`],
    ['a block attribute list', `本文です。\n{: .${BAD} #javascript}\n`],
    ['a span attribute list', `*強調*{: .javascript}です。\n`],
    ['a header id', '## 見出し {#javascript-guide}\n'],
    [
      'a kramdown extension',
      `{::comment}\n${BAD}\n{:/comment}\n\n{::options parse_block_html="true" /}\n`,
    ],
    ['a math block', `$$\n${BAD}\n$$\n`],
  ]
  for (const [name, text] of cases) {
    it(`never flags ${name}`, async () => {
      expect(await proofread(text)).toEqual([])
    })
  }

  it('keeps offsets, lines and columns of the post in the masked text', () => {
    const text = '---\ntitle: x\n---\n\n```\ncode\n```\n本文 https://a.example/ です {#id}\n'
    const mask = maskNonProse(text)
    expect(mask.text).toHaveLength(text.length)
    expect(mask.text.split('\n')).toHaveLength(text.split('\n').length)
    expect(mask.text.split('\n')[7]).toBe(`本文${' '.repeat(20)}です${' '.repeat(6)}`)
  })

  it('blanks overlapping ranges once, keeping CRLF line breaks and surrogate pairs’ length', () => {
    // An autolink holding a `{:…}` piece: two masked ranges overlap. An emoji is two UTF-16 units.
    const text = '😀 <https://a.example/{:x}/b> 本文\r\n{: .note}\r\n次の行'
    const mask = maskNonProse(text)
    expect(mask.text).toHaveLength(text.length)
    expect(mask.text).toBe(`😀 ${' '.repeat(26)} 本文\r\n${' '.repeat(9)}\r\n次の行`)
  })

  it('knows the usual spellings of the built-in dictionary and leaves them, file names and paths alone', async () => {
    const wrong = [
      'javascript',
      'Github',
      'ruby on rails',
      'kubernates',
      'postgres sql',
      'nodejs',
      'Typescript',
      'MacOS',
      'IOS',
    ]
    for (const w of wrong) {
      const found = await proofread(`これは${w}の話です。\n`)
      expect(
        found.map((f) => f.ruleId),
        w,
      ).toContain('prh')
    }
    for (const term of DEFAULT_PRH_TERMS) {
      const found = await proofread(`これは${term}の話です。\n`)
      expect(
        found.filter((f) => f.ruleId === 'prh'),
        term,
      ).toEqual([])
    }
    const files = await proofread(
      'package.json と ~/.kube/config と @github/docs と GitHub Actions を見ます。\n',
    )
    expect(files.filter((f) => f.ruleId === 'prh')).toEqual([])
  })
})
