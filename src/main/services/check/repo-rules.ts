/** The table's rules that need the whole blog: slug collisions and files that are not posts. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { datePartsOf } from '../../../shared/dates'
import { msg } from '../../../shared/localized'
import { patternRoot } from '../../../shared/profile'
import { resolveInRepo } from '../fs/paths'
import { readPostHead, summarizePost, type PostFile } from '../posts/post-list'
import type { CheckRun, FindingProducer, RawFinding } from './types'

/** The day a post is published on: its front-matter date's, else its file name's. */
async function publishedDay(root: string, file: PostFile): Promise<string> {
  // Through the real-path check (D11): a link out of the repository is not read.
  const resolved = await resolveInRepo(root, file.relPath)
  const head =
    resolved.kind === 'ok' ? await readPostHead(resolved.realPath).catch(() => null) : null
  const date = head ? summarizePost(file.relPath, file.key, head).date : null
  const parts = date === null ? null : datePartsOf(date)
  const { year, month, day } = parts ?? file.key
  return `${year}-${month}-${day}`
}

/**
 * Two posts on the same day with the same slug have the same URL (an error); the same slug on
 * different days shares the publishing branch name (a warning, on every post but the first).
 */
async function slugFindings(run: CheckRun): Promise<RawFinding[]> {
  if (!run.isOn('slug-collision') && !run.isOn('slug-reuse')) return []
  const bySlug = new Map<string, Array<{ file: PostFile; day: string }>>()
  for (const file of run.allPosts) {
    const list = bySlug.get(file.key.slug) ?? []
    list.push({ file, day: '' })
    bySlug.set(file.key.slug, list)
  }
  const out: RawFinding[] = []
  for (const [slug, posts] of bySlug) {
    if (posts.length < 2 || !posts.some((p) => run.checked.has(p.file.relPath))) continue
    for (const p of posts) p.day = await publishedDay(run.root, p.file)
    posts.forEach((p, index) => {
      if (!run.checked.has(p.file.relPath)) return
      const sameDay = posts.filter((o) => o !== p && o.day === p.day)
      if (sameDay.length > 0) {
        const others = sameDay.map((o) => o.file.relPath).join(', ')
        out.push({
          rule: 'slug-collision',
          relPath: p.file.relPath,
          line: 1,
          message: msg(
            `${others} と同じ日付（${p.day}）・同じスラッグ「${slug}」なので、公開される URL が重なります。どちらかのスラッグを変えてください。`,
            `${others} has the same date (${p.day}) and slug "${slug}", so both would be published at one URL. Change one slug.`,
          ),
        })
      } else if (index > 0) {
        const first = posts[0]!.file.relPath
        out.push({
          rule: 'slug-reuse',
          relPath: p.file.relPath,
          line: 1,
          message: msg(
            `スラッグ「${slug}」は ${first} と同じです。公開用のブランチ名が重なるので、別のスラッグがおすすめです。`,
            `The slug "${slug}" is also used by ${first}; publishing branch names would collide. Choose another slug.`,
          ),
        })
      }
    })
  }
  return out
}

/** Markdown files in the posts folder that the profile's `postPath` does not match. */
async function strayFindings(run: CheckRun): Promise<RawFinding[]> {
  if (!run.whole || !run.isOn('stray-file')) return []
  const { postPath } = run.profile
  const dir = patternRoot(postPath)
  // Only a flat layout (`source/blog/{...}.html.md`) can be listed without guessing.
  if (dir.split('/').filter(Boolean).length !== postPath.split('/').length - 1) return []
  const entries = await readdir(join(run.root, ...dir.split('/').filter(Boolean)), {
    withFileTypes: true,
  }).catch(() => [])
  const matched = new Set(run.allPosts.map((f) => f.relPath))
  return entries
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name) && !/^readme\./i.test(e.name))
    .map((e) => (dir ? `${dir}/${e.name}` : e.name))
    .filter((rel) => !matched.has(rel))
    .sort()
    .map((relPath) => ({
      rule: 'stray-file',
      relPath,
      line: 1,
      message: msg(
        `ファイル名が記事の規則（${postPath}）に合わないため、記事として扱われません。`,
        `The file name does not follow the post rule (${postPath}), so it is not treated as a post.`,
      ),
    }))
}

/** The built-in rules that look at the whole blog. */
export const repositoryRules: FindingProducer = {
  id: 'repository-rules',
  async repository(run) {
    return [...(await slugFindings(run)), ...(await strayFindings(run))]
  },
}
