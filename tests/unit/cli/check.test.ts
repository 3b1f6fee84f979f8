import { symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { png } from './run-cli'
import { runMain } from './run-main'

const good = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\ndate: ${date}\ntags:\n  - Go\nauthors:\n  - yukyan\n${extra}---\n\n本文です。\n`

afterAll(removeTempDirs)

describe('portal-writer check on a clean repository', () => {
  it('exits 0 and says how many posts it checked', async () => {
    const repo = await makeTempRepo(
      {
        'source/blog/2025-11-20-first.html.md':
          good('一つ目', '2025-11-20T10:00:00+09:00', 'eyecatch: eyecatch.png\n') +
          '\n![図](figure.png)\n',
        'source/blog/2025-11-20-first/eyecatch.png': await png(1200, 630),
        'source/blog/2025-11-20-first/figure.png': await png(400, 300),
        'source/blog/2025-11-21-second.html.md':
          good('二つ目', '2025-11-21T10:00:00+09:00') + '\n![remote](https://example.com/a.png)\n',
      },
      { git: true },
    )
    const run = await runMain(['check'], join(repo, 'source'))
    expect(run.stdout.trim()).toBe('2 件の記事を検査しました: エラー 0 件、警告 0 件')
    expect(run.code).toBe(0)
    const en = await runMain(['check'], repo, { LANG: 'en_US.UTF-8' })
    expect(en.stdout.trim()).toBe('Checked 2 posts: 0 errors, 0 warnings')
  })
})

describe('portal-writer check on a repository with problems', () => {
  let repo: string
  let lines: string[]
  let code: number | null
  const P = 'source/blog'

  beforeAll(async () => {
    const outside = await makeTempDir('pw-outside-')
    await writeFile(join(outside, 'secret.md'), good('secret', '2025-01-01T00:00:00+09:00'))
    repo = await makeTempRepo(
      {
        // Front matter (line numbers matter): no authors, date without offset, tags not a list.
        [`${P}/2025-12-01-front.html.md`]:
          '---\ntitle: front\ndate: 2025-12-01\ntags: Go\n---\n\n本文\n',
        // Eyecatch outside the asset folder (P2) and body images outside the repo / refused (P3).
        [`${P}/2025-12-02-paths.html.md`]:
          good('paths', '2025-12-02T10:00:00+09:00', 'eyecatch: ../../../etc/passwd\n') +
          '\n![](../../../../secret.png)\n\n![](missing.png)\n\n<img src="file:///etc/passwd">\n\n![](/images/root.png)\n\n![:tada:](/images/emoji/tada.png)\n',
        // A site-root image that exists in the source folder (profile sourceDir, Middleman's source/).
        'source/images/emoji/tada.png': await png(20, 20),
        // Eyecatch too small; eyecatch file missing.
        [`${P}/2025-12-03-small.html.md`]: good(
          'small',
          '2025-12-03T10:00:00+09:00',
          'eyecatch: small.png\n',
        ),
        [`${P}/2025-12-03-small/small.png`]: await png(300, 200),
        [`${P}/2025-12-04-nofile.html.md`]: good(
          'nofile',
          '2025-12-04T10:00:00+09:00',
          'eyecatch: nothere.png\n',
        ),
        // 16:9 and large enough: only a warning about the ratio.
        [`${P}/2025-12-05-wide.html.md`]: good(
          'wide',
          '2025-12-05T10:00:00+09:00',
          'eyecatch: wide.png\n',
        ),
        [`${P}/2025-12-05-wide/wide.png`]: await png(1280, 720),
        // Slug against the allow-list (P1); the date differs from the file name's.
        [`${P}/2025-12-06-Bad_Slug.html.md`]: good('slug', '2025-12-07T10:00:00+09:00'),
        // Not UTF-8 (D9).
        [`${P}/2025-12-08-latin1.html.md`]: new Uint8Array([
          0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0xe9, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a,
        ]),
        // A Markdown file that is not a post by the profile's rule.
        [`${P}/notes.md`]: '# memo\n',
      },
      { git: true },
    )
    // A post that is a symbolic link to a file outside the repository (D11).
    await symlink(join(outside, 'secret.md'), join(repo, P, '2025-12-09-link.html.md'))
    const run = await runMain(['check', repo], outside, { LANG: 'en_US.UTF-8' })
    code = run.code
    lines = run.lines
  })

  const at = (file: string, line: number) => {
    const prefix = `${repoRel(file)}:${line}: `
    return lines.filter((l) => l.startsWith(prefix))
  }
  const repoRel = (file: string) => `../${repo.split('/').pop()}/${P}/${file}`

  it('exits 1', () => {
    expect(code).toBe(1)
  })

  it('names files relative to where it runs, with the line, the level and the rule id', () => {
    const findings = lines.slice(0, -2)
    expect(findings.every((l) => /^\.\.\/.+:\d+: (error|warning): .+ \[[a-z-]+\]$/.test(l))).toBe(
      true,
    )
    const [first] = at('2025-12-01-front.html.md', 3)
    expect(first).toMatch(/: warning: Write the date in ISO form.+\[date-format\]$/)
  })

  it('checks the front matter against the schema, at each key’s line', () => {
    expect(at('2025-12-01-front.html.md', 1).join('\n')).toContain(
      'The front matter has no authors',
    )
    expect(at('2025-12-01-front.html.md', 3).join('\n')).toContain('offset')
    expect(at('2025-12-01-front.html.md', 4).join('\n')).toContain('error: Write tags as a list')
    expect(at('2025-12-01-front.html.md', 4).join('\n')).toContain('Write tags as a list')
  })

  it('refuses an eyecatch outside the asset folder (P2) and images outside the repository (P3)', () => {
    expect(at('2025-12-02-paths.html.md', 8).join('\n')).toContain(
      "points outside the post's image folder",
    )
    expect(at('2025-12-02-paths.html.md', 13).join('\n')).toContain('points outside the repository')
    expect(at('2025-12-02-paths.html.md', 15).join('\n')).toContain(
      '"missing.png" (source/blog/2025-12-02-paths/missing.png) was not found',
    )
    expect(at('2025-12-02-paths.html.md', 17).join('\n')).toContain('uses file:')
    expect(at('2025-12-02-paths.html.md', 19).join('\n')).toMatch(
      /warning: The image "\/images\/root.png" \(source\/images\/root.png\) was not found.+\[image-root\]/,
    )
    expect(at('2025-12-02-paths.html.md', 21)).toEqual([])
  })

  it('measures eyecatches with sharp: too small or 16:9 is a warning, a missing file an error', () => {
    expect(at('2025-12-03-small.html.md', 8).join('\n')).toMatch(
      /warning: The eyecatch is only 300×200.+at least 600×315.+\[eyecatch-size\]/,
    )
    expect(at('2025-12-04-nofile.html.md', 8).join('\n')).toMatch(
      /error: .+nothere.png" was not found.+\[eyecatch-missing\]/,
    )
    const wide = at('2025-12-05-wide.html.md', 8)
    expect(wide).toHaveLength(1)
    expect(wide[0]).toContain('warning: The eyecatch is 1.78:1')
    expect(wide[0]).toMatch(/\[eyecatch-ratio\]$/)
  })

  it('applies the slug rule (P1) and notices a date that differs from the file name', () => {
    expect(at('2025-12-06-Bad_Slug.html.md', 1).join('\n')).toContain(
      'lower-case letters, digits and hyphens',
    )
    expect(at('2025-12-06-Bad_Slug.html.md', 3).join('\n')).toContain(
      'warning: The date (2025-12-07) differs',
    )
  })

  it('refuses a post that is not UTF-8 (D9) or a link leaving the repository (D11)', () => {
    expect(at('2025-12-08-latin1.html.md', 1).join('\n')).toContain('not valid UTF-8')
    expect(at('2025-12-09-link.html.md', 1).join('\n')).toContain('symbolic link')
  })

  it('warns about Markdown files that the profile does not see as posts', () => {
    expect(at('notes.md', 1).join('\n')).toContain('not treated as a post')
  })

  it('ends with the counts by rule and in all', () => {
    expect(lines.at(-1)).toMatch(/^Checked 8 posts: \d+ errors, \d+ warnings$/)
    const errors = lines.filter((l) => /\.md:\d+: error: /.test(l)).length
    expect(lines.at(-1)).toContain(`${errors} errors`)
    expect(lines.at(-2)).toMatch(/^By rule: [a-z-]+ \d+, /)
  })
})

describe('portal-writer check: the profile', () => {
  it('reports an invalid .portal-writer.yml at its line and fails', async () => {
    const repo = await makeTempRepo(
      {
        '.portal-writer.yml': 'siteName: X\nsiteNmae: typo\n',
        'source/blog/2025-11-20-first.html.md': good('一つ目', '2025-11-20T10:00:00+09:00'),
      },
      { git: true },
    )
    const run = await runMain(['check'], repo, { LANG: 'en' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('.portal-writer.yml:2: error: ')
    expect(run.stdout).toContain('"siteNmae" is not a known setting')
    expect(run.stdout).toContain('[profile]')
  })

  it('exits 2 for a folder that does not exist', async () => {
    const dir = await makeTempDir()
    const run = await runMain(['check', 'nowhere'], dir, { LANG: 'en' })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('"nowhere" was not found.')
  })
})
