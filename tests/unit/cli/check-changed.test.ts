/** `check --changed`: only the posts a branch changed, against a real base branch in real git. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, makeTempRepo, removeTempDirs, runGit } from '../../helpers/temp-repo'
import { png } from './run-cli'
import { runMain } from './run-main'

const P = 'source/blog'
const post = (date: string, extra = '', body = '導入です。\n') =>
  `---\ntitle: 記事\ndate: ${date}T10:00:00+09:00\ntags: [Go]\nauthors: [a]\n${extra}---\n\n${body}`
const EN = { LANG: 'en' }

let origin: string
let clone: string

beforeAll(async () => {
  // The base branch: three good posts, one with an eyecatch, one old post without its image.
  origin = await makeTempRepo(
    {
      [`${P}/2025-01-01-old.html.md`]: post('2025-01-01', '', '![](gone.png)\n'),
      [`${P}/2025-01-02-pictured.html.md`]: post('2025-01-02', 'eyecatch: e.png\n'),
      [`${P}/2025-01-02-pictured/e.png`]: await png(1200, 630),
      [`${P}/2025-01-03-same.html.md`]: post('2025-01-03'),
    },
    { git: true },
  )
  const parent = await makeTempDir('pw-clone-')
  clone = join(parent, 'work')
  await runGit(parent, ['clone', '-q', origin, 'work'])
  await runGit(clone, ['switch', '-q', '-c', 'post/new'])
  // Committed on the branch: a new post whose slug and day collide with a post of the base.
  await writeFile(join(clone, P, '2025-01-03-same-day.html.md'), post('2025-01-03'))
  await writeFile(join(clone, P, '2025-01-04-same.html.md'), post('2025-01-03'))
  await runGit(clone, ['add', '-A'])
  await runGit(clone, ['commit', '-q', '-m', 'new posts'])
  // Not committed: a replaced eyecatch that is now too small, and an untracked post with a missing image.
  await writeFile(join(clone, P, '2025-01-02-pictured/e.png'), await png(300, 158))
  await mkdir(join(clone, P), { recursive: true })
  await writeFile(
    join(clone, P, '2025-02-01-draft.html.md'),
    post('2025-02-01', '', '![](nope.png)\n'),
  )
  // The base moves on after the branch left it: its later changes are not the branch's.
  await writeFile(join(origin, P, '2025-01-01-old.html.md'), post('2025-01-01', '', '![](x.png)\n'))
  await runGit(origin, ['commit', '-q', '-am', 'later on main'])
  await runGit(clone, ['fetch', '-q', 'origin'])
}, 60_000)
afterAll(removeTempDirs)

describe('portal-writer check --changed', () => {
  it('checks the posts the branch changed (and posts whose images changed) against origin/main', async () => {
    const run = await runMain(['check', '--changed', '--format', 'json'], clone, EN)
    const report = JSON.parse(run.stdout) as {
      posts: number
      findings: Array<{ file: string; rule: string; severity: string }>
    }
    const files = [...new Set(report.findings.map((f) => `${f.file} ${f.rule}`))].sort()
    expect(files).toEqual([
      `${P}/2025-01-02-pictured.html.md eyecatch-size`,
      `${P}/2025-01-04-same.html.md date-filename`,
      `${P}/2025-01-04-same.html.md slug-collision`,
      `${P}/2025-02-01-draft.html.md image-missing`,
    ])
    // Four posts: the two new ones, the untracked draft and the one whose eyecatch changed.
    expect(report.posts).toBe(4)
    expect(run.code).toBe(1)
  })

  it('takes an explicit base, and a base that does not exist is a usage error', async () => {
    const head = await runMain(['check', '--changed', 'HEAD', '--lang', 'en'], clone)
    // Against HEAD only the uncommitted changes count.
    expect(head.lines.at(-1)).toBe('Checked 2 posts: 1 error, 1 warning')
    const missing = await runMain(['check', '--changed', 'origin/nope'], clone, EN)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('The base "origin/nope" was not found.')
  })

  it('passes with nothing to check when no post changed', async () => {
    const run = await runMain(['check', '--changed', 'main', '--lang', 'ja'], origin)
    expect(run.code).toBe(0)
    expect(run.lines.at(-1)).toBe('0 件の記事を検査しました: エラー 0 件、警告 0 件')
  })

  it('uses the local base branch when there is no origin', async () => {
    await runGit(origin, ['switch', '-q', '-c', 'post/local'])
    await writeFile(join(origin, P, '2025-03-01-local.html.md'), post('2025-03-01'))
    const run = await runMain(['check', '--changed'], origin, EN)
    expect(run.lines.at(-1)).toBe('Checked 1 post: 0 errors, 0 warnings')
    expect(run.code).toBe(0)
  })
})
