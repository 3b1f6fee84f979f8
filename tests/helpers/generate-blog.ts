/**
 * A generated blog like a real one of some 600 posts (tests and bench/check.bench.ts): every post
 * displays correctly, with the flaws a published blog really has — eyecatches under 600×315 or
 * 16:9, a 92-character slug, posts without tags, excerpts that start with the table of contents,
 * dates without seconds, remote images, code blocks.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import sharp from 'sharp'

/** How many posts of the blog have each flaw (for assertions). */
export interface GeneratedBlog {
  posts: number
  smallEyecatches: number
  wideEyecatches: number
  withoutTags: number
  tocExcerpts: number
  longSlugs: number
}

const image = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer()

const TAGS = ['Rails', 'Go', 'Kubernetes', 'デザイン', 'SRE', 'React', 'イベント', 'minne']
const AUTHORS = ['yukyan', 'pyama', 'hsbt', 'akiko', 'takumi', 'shiro']

/** Writes a blog of `count` posts under `root` (the default profile's layout). */
export async function generateBlog(root: string, count = 600): Promise<GeneratedBlog> {
  const [good, wide, small, figure] = await Promise.all([
    image(1200, 630, '#3388cc'),
    image(1280, 720, '#cc8833'),
    image(400, 210, '#33cc88'),
    image(800, 600, '#888888'),
  ])
  const stats: GeneratedBlog = {
    posts: count,
    smallEyecatches: 0,
    wideEyecatches: 0,
    withoutTags: 0,
    tocExcerpts: 0,
    longSlugs: 0,
  }
  const files: Array<[string, string | Buffer]> = []
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 4 * 86_400_000)
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()].map((n) =>
      String(n).padStart(2, '0'),
    )
    let slug = `post-${i}-${TAGS[i % TAGS.length]!.toLowerCase().replace(/[^a-z]/g, '') || 'jp'}`
    if (i === 137) {
      slug = `how-we-migrated-the-payment-platform-to-kubernetes-without-downtime-and-what-we-learned-${i}`
      stats.longSlugs++
    }
    const base = `source/blog/${y}-${m}-${d}-${slug}`
    const tags = i % 41 === 0 ? [] : [TAGS[i % TAGS.length]!, TAGS[(i + 3) % TAGS.length]!]
    if (tags.length === 0) stats.withoutTags++
    const eyecatch = i % 7 === 6 ? null : 'eyecatch.png'
    if (eyecatch) {
      const kind = i % 19 === 0 ? 'small' : i % 3 === 0 ? 'wide' : 'good'
      if (kind === 'small') stats.smallEyecatches++
      if (kind === 'wide') stats.wideEyecatches++
      files.push([`${base}/eyecatch.png`, kind === 'small' ? small : kind === 'wide' ? wide : good])
    }
    const toc = i % 23 === 0
    if (toc) stats.tocExcerpts++
    // Older posts wrote dates without seconds; all carry the +09:00 offset the site expects.
    const time = i % 2 ? `${y}-${m}-${d}T10:00:00+09:00` : `${y}-${m}-${d}T10:00+09:00`
    const front = [
      '---',
      `title: "${TAGS[i % TAGS.length]} の記事 ${i}: 運用で学んだこと"`,
      `date: ${time}`,
      tags.length ? `tags:\n${tags.map((t) => `  - ${t}`).join('\n')}` : 'tags: []',
      `authors:\n  - ${AUTHORS[i % AUTHORS.length]}`,
      ...(eyecatch ? [`eyecatch: ${eyecatch}`] : []),
      '---',
      '',
    ]
    const intro = toc
      ? ['* 目次', '{:toc}', '']
      : [
          'こんにちは。この記事では、チームで取り組んだ改善について紹介します。',
          '',
          '* 目次',
          '{:toc}',
          '',
        ]
    const sections = Array.from({ length: 4 }, (_, s) => [
      `## ${s + 1}. 取り組み ${s + 1}`,
      '',
      `本文の段落です。**強調**や[リンク](https://example.com/${i}/${s})、\`code\` を含みます。`.repeat(
        3,
      ),
      '',
      ...(s === 1 ? ['![構成図](figure.png)', ''] : []),
      ...(s === 2 ? ['![外部の画像](https://example.com/image.png)', ''] : []),
      ...(s === 3 && i % 2 ? ['```ruby', 'class Post < ApplicationRecord', 'end', '```', ''] : []),
      '- 項目 1',
      '- 項目 2',
      '',
    ])
    if (!toc) files.push([`${base}/figure.png`, figure])
    const body = toc ? sections.map((s) => s.filter((l) => !l.includes('figure.png'))) : sections
    files.push([`${base}.html.md`, [...front, ...intro, ...body.flat()].join('\n')])
  }
  for (const [rel, content] of files) {
    const path = join(root, ...rel.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, content)
  }
  return stats
}
