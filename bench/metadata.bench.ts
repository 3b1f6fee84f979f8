/**
 * Metadata benchmarks. Run: `npx tsx bench/metadata.bench.ts` (no build needed).
 * Prints one JSON line per measurement: `{ name, medianMs, p95Ms, runs, targetMs, targetOn }`.
 *
 * - form-edit-50k: one form edit of a 50k-character post reaching everything the writer sees:
 *   `applyFieldEdit` (the YAML), `readFields` + `validateFrontMatter` (the form and its problems),
 *   `renderPost` (the preview) and `buildCard` from that HTML (the card). Target p95 ≤ 16 ms.
 * - form-edit-50k-preview-reused-when-body-unmoved: the same, when the preview keeps its last
 *   render because `bodyUnaffected` says the body and its line numbers did not change (title,
 *   draft toggle); edits that add or remove lines still re-render.
 * - form-edit-yaml-only: just `applyFieldEdit` on that post.
 * - render-post-50k-reference: `renderPost` alone on that post (not metadata code; for scale).
 * - suggestions-build-2000: a fresh suggestion index over a generated 2,000-post repository
 *   (files in the OS cache, as after the post list has been shown). Target ≤ 300 ms.
 * - suggestions-update-one: the incremental update after one post was saved.
 * - suggestions-rescan-2000: a rescan after `invalidate()` where one file changed.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SuggestionIndex } from '../src/main/services/metadata/suggestions'
import { buildCard } from '../src/shared/card'
import { renderPost } from '../src/shared/markdown'
import { applyFieldEdit, bodyUnaffected, readFields } from '../src/shared/metadata/round-trip'
import { DEFAULT_FIELDS } from '../src/shared/metadata/schema'
import { validateFrontMatter } from '../src/shared/metadata/validate'
import { DEFAULT_PROFILE } from '../src/shared/profile'
import { stats } from './stats'

function report(
  name: string,
  samples: number[],
  targetMs: number | null,
  targetOn: 'median' | 'p95' = 'median',
): void {
  console.log(JSON.stringify({ name, ...stats(samples), targetMs, targetOn }))
}

const FRONT = [
  '---',
  '# 記事の情報',
  'title: ベンチマーク用の長い記事：Kaigi on Rails 2025に参加しました',
  'date: 2025-11-20T10:00:00+09:00',
  'categories:',
  '  - 技術',
  'tags:',
  '  - Rails # 言語',
  '  - Kaigi',
  'authors:',
  '  - bench',
  'eyecatch: eyecatch.png',
  'custom: kept',
  '---',
  '',
].join('\n')

/** A realistic post of about `size` characters: headings, lists, a table, code, links. */
function generatePost(size: number): string {
  const section = (i: number) =>
    [
      `## 第${i}章 Railsアプリから何を切り出すか`,
      '',
      `発表内容${i}: 13年以上運営されている **minne** では、コアとなるRailsアプリケーションのコードベースの複雑化や`,
      'DBパフォーマンスの悪化といった課題に直面し、様々な機能の分離を検討・実施してきました。[詳しくはこちら](https://example.com/)。',
      '',
      '| 判断軸 | 分離推奨 | 要検討 |',
      '|---|---|---|',
      '| ビジネスロジックとの関連度 | 低 | 中 |',
      '',
      '- 商品管理・注文・決済などのコア機能',
      '  - 複数テーブルと密結合している機能',
      '',
      '```ruby',
      'class OrdersController < ApplicationController',
      '  def create',
      '    @order = Order.create!(order_params)',
      '  end',
      'end',
      '```',
      '',
    ].join('\n')
  let body = '今年もペパボは、Kaigi on Rails 2025に参加してきました！\n\n1. 目次\n{:toc}\n\n'
  for (let i = 1; body.length < size; i++) body += section(i)
  return FRONT + body
}

/** The kinds of form edit, in turn: typing in the title, a chip, the draft toggle. */
function formEdit(i: number): [string, string | boolean | string[]] {
  const tags = ['Rails', 'Kaigi', 'Ruby', 'minne']
  if (i % 3 === 0) return ['title', `ベンチマーク用の長い記事 ${i}`]
  if (i % 3 === 1) return ['tags', tags.slice(0, 1 + (i % 4))]
  return ['published', i % 2 === 0]
}

async function benchFormEdit(runs: number): Promise<void> {
  const order = DEFAULT_FIELDS.map((f) => f.key)
  const path = 'source/blog/2025-11-20-bench.html.md'
  const now = Date.UTC(2025, 11, 1)
  const measure = (reusePreview: boolean) => {
    let text = generatePost(50_000)
    let lastHtml = renderPost(text).html
    const total: number[] = []
    const yamlOnly: number[] = []
    for (let i = 0; i < runs + 20; i++) {
      const [field, value] = formEdit(i)
      const started = performance.now()
      const edited = applyFieldEdit(text, field, value, { order })
      const afterYaml = performance.now()
      if (edited.kind !== 'ok') throw new Error(`edit refused: ${edited.message.en}`)
      const before = text
      text = edited.text
      // The form and its problems.
      validateFrontMatter(readFields(text), { assetFiles: ['eyecatch.png'] })
      // The preview (kept when the body and its line numbers did not move) and the card.
      const html =
        reusePreview && bodyUnaffected(before, edited.changes) ? lastHtml : renderPost(text).html
      buildCard(text, { profile: DEFAULT_PROFILE, now, path, html })
      lastHtml = html
      if (i >= 20) {
        total.push(performance.now() - started)
        yamlOnly.push(afterYaml - started)
      }
    }
    return { total, yamlOnly }
  }
  // For reference: the preview's render alone, which the full path includes.
  const text = generatePost(50_000)
  const render: number[] = []
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now()
    renderPost(text.replace('title: ', `title: ${i}`))
    if (i >= 20) render.push(performance.now() - started)
  }
  report('render-post-50k-reference', render, null)
  const full = measure(false)
  report('form-edit-50k', full.total, 16, 'p95')
  report('form-edit-50k-preview-reused-when-body-unmoved', measure(true).total, 16, 'p95')
  report('form-edit-yaml-only', full.yamlOnly, null)
}

async function makeRepo(posts: number): Promise<{ root: string; paths: string[] }> {
  const root = await mkdtemp(join(tmpdir(), 'pw-bench-meta-'))
  const dir = join(root, 'source', 'blog')
  await mkdir(dir, { recursive: true })
  const tagPool = [
    'Ruby',
    'Rails',
    'Go',
    'Kubernetes',
    'インフラ',
    'デザイン',
    'セキュリティ',
    'AWS',
    'EKS',
    'minne',
    'SUZURI',
    'カラーミーショップ',
  ]
  const authorPool = Array.from({ length: 120 }, (_, i) => `author${i}`)
  const body = 'ペパボのエンジニアが書いた記事の本文です。'.repeat(200)
  const paths: string[] = []
  const writes: Promise<void>[] = []
  for (let i = 0; i < posts; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')
    const year = 2010 + Math.floor(i / 336)
    const name = `${year}-${month}-${day}-post-${i}.html.md`
    paths.push(`source/blog/${name}`)
    const tags = [
      tagPool[i % tagPool.length],
      tagPool[(i * 7) % tagPool.length],
      `topic-${i % 300}`,
    ]
    const text = [
      '---',
      `title: 記事 ${i}`,
      `date: ${year}-${month}-${day}T10:00:00+09:00`,
      'categories:',
      `  - ${i % 5 === 0 ? 'お知らせ' : '技術'}`,
      'tags:',
      ...tags.map((t) => `  - ${t}`),
      `authors: [${authorPool[i % authorPool.length]}]`,
      'published: true',
      '---',
      '',
      body,
      '',
    ].join('\n')
    writes.push(writeFile(join(dir, name), text))
  }
  await Promise.all(writes)
  return { root, paths }
}

async function benchSuggestions(runs: number): Promise<void> {
  const { root, paths } = await makeRepo(2000)
  const repo = { root, profile: DEFAULT_PROFILE }
  try {
    const build: number[] = []
    for (let i = 0; i < runs + 2; i++) {
      const index = new SuggestionIndex({ repo: () => repo })
      const started = performance.now()
      const s = await index.suggestions()
      const elapsed = performance.now() - started
      if (s.posts !== 2000) throw new Error(`counted ${s.posts} posts`)
      if (i >= 2) build.push(elapsed) // the first runs warm the OS cache and the JIT
    }
    report('suggestions-build-2000', build, 300)

    const index = new SuggestionIndex({ repo: () => repo })
    await index.suggestions()
    const update: number[] = []
    const rescan: number[] = []
    for (let i = 0; i < runs; i++) {
      const path = paths[i * 37]!
      await writeFile(
        join(root, ...path.split('/')),
        `---\ntitle: changed ${i}\ntags: [changed-${i}, Ruby]\nauthors: [someone]\n---\n\nbody\n`,
      )
      let started = performance.now()
      await index.updatePost(path)
      await index.suggestions()
      update.push(performance.now() - started)
      await writeFile(
        join(root, ...paths[i * 41 + 1]!.split('/')),
        `---\ntitle: again ${i}\ntags: [again-${i}]\n---\n`,
      )
      started = performance.now()
      index.invalidate()
      await index.suggestions()
      rescan.push(performance.now() - started)
    }
    report('suggestions-update-one', update, null)
    report('suggestions-rescan-2000', rescan, null)
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

await benchFormEdit(Number(process.env.BENCH_RUNS ?? 300))
await benchSuggestions(Number(process.env.BENCH_SUGGEST_RUNS ?? 15))
