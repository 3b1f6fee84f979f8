#!/usr/bin/env node
// Benchmark: the feed card (excerpt + relative date + URL + og:description) of a 50k-character post.
// The card is derived from the HTML the article preview already rendered (the same parse), so the
// measured figure is `buildCard(text, { html })`; the cost including a render of its own is printed
// alongside as `withRenderMs`. Prints one JSON object on stdout: { name, medianMs, p95Ms, … }.
import { tsImport } from 'tsx/esm/api'

const RUNS = Number(process.env.BENCH_RUNS ?? 300)
const WARMUP = 30

const { buildCard } = await tsImport('../src/shared/card/index.ts', import.meta.url)
const { renderPost } = await tsImport('../src/shared/markdown/index.ts', import.meta.url)
const { DEFAULT_PROFILE } = await tsImport('../src/shared/profile.ts', import.meta.url)

/** A realistic post of about `size` characters: intro, TOC, headings, lists, code, tables, links. */
function generatePost(size) {
  const front = [
    '---',
    'title: ベンチマーク用の長い記事：Kaigi on Rails 2025に参加しました',
    'date: 2025-11-20T10:00:00+09:00',
    'tags:',
    '  - Rails',
    '  - Kaigi',
    'authors:',
    '  - bench',
    'eyecatch: eyecatch.png',
    '---',
    '',
    '今年もペパボは、Kaigi on Rails 2025に参加してきました！登壇・一般参加・運営スタッフなど、それぞれの関わり方で楽しみました。',
    '',
    '1. 目次',
    '{:toc}',
    '',
  ].join('\n')
  const section = (i) =>
    [
      `## 第${i}章 Railsアプリから何を切り出すか`,
      '',
      `発表内容${i}: 13年以上運営されている **minne** では、コアとなるRailsアプリケーションのコードベースの複雑化や`,
      'DBパフォーマンスの悪化といった課題に直面し、様々な機能の分離を検討・実施してきました。[詳しくはこちら](https://example.com/)。',
      '',
      `### ${i}.1 判断軸`,
      '',
      '| 判断軸 | 分離推奨 | 要検討 | 分離回避 |',
      '|---|---|---|---|',
      '| ビジネスロジックとの関連度 | 低 | 中 | 高 |',
      '| インフラ依存 | 弱 | 中 | 強 |',
      '',
      '- 商品管理・注文・決済などのコア機能',
      '  - 複数テーブルと密結合している機能',
      '- 通知やメール配信などの周辺機能',
      '',
      '```ruby',
      'class OrdersController < ApplicationController',
      '  def create',
      '    @order = Order.create!(order_params)',
      '  end',
      'end',
      '```',
      '',
      'Even English paragraphs appear, with `inline code` and a footnote-like remark that goes on for a while.',
      '',
    ].join('\n')
  let text = front
  for (let i = 1; text.length < size; i++) text += section(i)
  return text.slice(0, size)
}

const text = generatePost(50_000)
const now = Date.UTC(2025, 10, 27, 3, 0, 0)
const options = { profile: DEFAULT_PROFILE, now, path: 'source/blog/2025-11-20-bench.html.md' }
const html = renderPost(text, { resolveImage: () => null }).html

function measure(fn) {
  for (let i = 0; i < WARMUP; i++) fn()
  const times = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
  return { medianMs: Number(at(0.5).toFixed(3)), p95Ms: Number(at(0.95).toFixed(3)) }
}

const card = buildCard(text, { ...options, html })
if ([...card.excerpt].length !== 1000)
  throw new Error(`excerpt has ${[...card.excerpt].length} code points, expected 1000`)
const cardOnly = measure(() => buildCard(text, { ...options, html }))
const withRender = measure(() => buildCard(text, options))
process.stdout.write(
  JSON.stringify({
    name: 'card: excerpt + card for a 50k-character post (from the preview’s HTML)',
    medianMs: cardOnly.medianMs,
    p95Ms: cardOnly.p95Ms,
    runs: RUNS,
    chars: text.length,
    targetMs: 5,
    withRenderMedianMs: withRender.medianMs,
    withRenderP95Ms: withRender.p95Ms,
  }) + '\n',
)
