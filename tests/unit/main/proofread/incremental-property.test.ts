import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  anchorFindings,
  assembleFindings,
  ChunkCache,
  chunkLintText,
  finalizeFindings,
  planLint,
  splitChunks,
  type AnchoredFinding,
} from '../../../../src/shared/proofread/incremental'
import { maskNonProse } from '../../../../src/shared/proofread/mask'
import type { ProofFinding } from '../../../../src/shared/ipc/proofread'
import { ProofreadEngine } from '../../../../src/main/services/proofread/engine'
import { defaultEngineConfig } from '../../../../src/main/services/proofread/config'

// Pieces of posts, most with a known finding, and the Markdown that is easy to cut wrongly: lists
// with continuations, footnotes and reference links, code, kramdown syntax, a `---` in the body.
const BLOCKS = [
  'この機能を使用することができます。',
  'javascriptで書きました。ですます調で書いています。',
  'これは問題である。',
  'この画面は誰でも見れる。',
  '私は、今日、会社で、新しい、仕組みを、作りました。',
  '明日は晴れるかもしれない。',
  '材料不足で代替素材で製品を作った。',
  '設定ファイルを更新しました。テストも追加しました。',
  '```js\nconst a = 1 // javascriptで書くことができます\n\n// 空行の後\n```',
  '詳細は `javascript` と https://github.com/foo/javascript を参照してください。',
  '* 目次\n{:toc}',
  '## 見出しを書くことができます {#intro}',
  '本文です。\n{: .note}',
  '- 項目を追加することができます\n- githubで管理します\n\n    続きの段落で使用することができます。',
  '注釈があります[^1]。\n\n[^1]: 注釈の本文で使用することができます。',
  '[参照][ref]を見ることができます。\n\n[ref]: https://example.com/',
  '---\nこれは区切りの後の文である。\n---',
  '<div class="box">\nHTMLの中で使用することができます。\n</div>',
  '> 引用の中でjavascriptを使用することができます。',
  'とても長い文です、'.repeat(16) + '終わりです。',
  'すごい！本当に便利です？',
]
const FRONT = '---\ntitle: "javascriptのテスト"\ntags: [javascript]\n---\n'

let engine: ProofreadEngine

const key = (f: ProofFinding) =>
  `${f.from}-${f.to} ${f.line}:${f.column} ${f.ruleId} ${f.message} ${JSON.stringify(f.fix)}`

async function fullRun(text: string): Promise<string[]> {
  const mask = maskNonProse(text)
  const raw = await engine.lint(mask.text, 'all')
  return finalizeFindings(text, raw, { excluded: mask.excluded }).map(key)
}

/** The incremental path exactly as the service takes it, with one cache across edits. */
function incremental() {
  const cache = new ChunkCache()
  let anchored: AnchoredFinding[] = []
  let linted = 0
  return {
    get linted() {
      return linted
    },
    async run(text: string): Promise<string[]> {
      const mask = maskNonProse(text)
      const plan = planLint(mask.text, cache)
      for (const c of plan.missing) {
        const [r] = [await engine.lint(chunkLintText(c, plan.appendix), 'local')]
        cache.set(c, plan.appendix, r)
        linted++
      }
      cache.retain(plan)
      anchored = anchorFindings(plan, await engine.lint(mask.text, 'document'))
      return finalizeFindings(text, assembleFindings(plan, cache, anchored), {
        excluded: mask.excluded,
      }).map(key)
    },
  }
}

type Edit =
  | { kind: 'insert'; at: number; block: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'type'; at: number; text: string }

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * (text.length + 1))
  switch (edit.kind) {
    case 'insert':
      return `${text.slice(0, at)}\n\n${BLOCKS[edit.block]}\n\n${text.slice(at)}`
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length)
    case 'type':
      return text.slice(0, at) + edit.text + text.slice(at)
  }
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    block: fc.nat(BLOCKS.length - 1),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom(
      '\n',
      '\n\n',
      'することができます',
      'javascript',
      '、',
      '。',
      '`',
      '- ',
      '    ',
      '---',
      '[^1]',
    ),
  }),
)

describe('incremental proofreading', () => {
  beforeAll(async () => {
    engine = new ProofreadEngine(defaultEngineConfig())
    await engine.lint('準備です。', 'all') // loads the morphological dictionary once
  }, 120_000)

  it('cuts a post at blank lines, keeping indented continuations with their block', () => {
    const chunks = splitChunks('a\n\n- b\n\n    c\n\n\nd\n')
    expect(chunks.map((c) => c.text)).toEqual(['a', '- b\n\n    c', 'd'])
    expect(chunks.map((c) => c.from)).toEqual([0, 3, 16])
  })

  it('finds what a full run finds on a sample post, and relints only the edited paragraph', async () => {
    const text = FRONT + BLOCKS.join('\n\n') + '\n'
    const inc = incremental()
    const full = await fullRun(text)
    expect(full.length).toBeGreaterThan(10)
    expect(await inc.run(text)).toEqual(full)
    const before = inc.linted
    const edited = text.replace('これは問題である。', 'これは問題ですが、javascriptで直せます。')
    expect(await inc.run(edited)).toEqual(await fullRun(edited))
    expect(inc.linted - before).toBe(1)
  }, 120_000)

  it('finds what a full run finds after random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(BLOCKS.length - 1), { minLength: 2, maxLength: 7 }),
        fc.array(editArb, { minLength: 1, maxLength: 5 }),
        async (blocks, edits) => {
          let text = FRONT + blocks.map((b) => BLOCKS[b]).join('\n\n') + '\n'
          const inc = incremental()
          expect(await inc.run(text)).toEqual(await fullRun(text))
          for (const edit of edits) {
            text = applyEdit(text, edit)
            expect(await inc.run(text)).toEqual(await fullRun(text))
          }
        },
      ),
      { numRuns: 30 },
    )
  }, 600_000)
})
