/** A generated Japanese post of any length (headings, lists, code, tables): what the preview benchmarks and the long-post tests type into. */

const SENTENCES = [
  'この記事では、私たちのチームが取り組んだ改善の流れを、実際に使った道具とあわせて紹介します。',
  '最初に困っていたのは、夜間のバッチ処理が朝まで終わらないことでした。',
  'キューの設計を見直し、処理を小さな単位に分けることで、失敗したときのやり直しも簡単になりました。',
  '数字で見ると、処理時間は約 40% 短くなり、アラートの件数も半分以下になりました。',
  'レビューでは **「なぜこの順番なのか」** を必ず書き残すようにしています。',
  '詳しくは [公式ドキュメント](https://example.com/docs) と `config/queue.yml` を参照してください。',
]

/** A Japanese post of about `chars` characters with headings, lists, code and tables. */
export function generateBenchPost(title: string, date: string, chars: number): string {
  const parts: string[] = [
    '---',
    `title: "${title}"`,
    `date: ${date}`,
    'tags:',
    '  - ベンチマーク',
    'authors:',
    '  - bench',
    '---',
    '',
    '1. 目次',
    '{:toc}',
    '',
  ]
  let size = 0
  let i = 0
  while (size < chars) {
    const section: string[] = [`## 第${i + 1}章 改善の記録`, '']
    for (let p = 0; p < 3; p++) section.push(SENTENCES.slice(p, p + 4).join(''), '')
    section.push(
      `### ${i + 1}.1 手順`,
      '',
      '- 準備をする',
      '- 計測する',
      '  - 本番と同じデータで',
      '- 振り返る',
      '',
    )
    if (i % 3 === 0)
      section.push(
        '```ruby',
        'class QueueJob',
        '  def perform(id)',
        '    Item.find(id).process!',
        '  end',
        'end',
        '```',
        '',
      )
    if (i % 4 === 1)
      section.push(
        '| 項目 | 前 | 後 |',
        '| --- | --- | --- |',
        '| 時間 | 120 分 | 70 分 |',
        '| 失敗 | 12 件 | 3 件 |',
        '',
      )
    const text = section.join('\n')
    parts.push(text)
    size += text.length
    i++
  }
  return parts.join('\n')
}
