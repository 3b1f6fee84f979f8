/**
 * Every rule of the table at every level: a blog with one post (or file) that breaks each rule is
 * checked with the table's defaults and with every rule set to error, to warning and to off.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RULE_IDS, RULES, type RuleId } from '../../../src/shared/check/rules'
import { readFields } from '../../../src/shared/metadata/round-trip'
import { validateFrontMatter } from '../../../src/shared/metadata/validate'
import { parseCheckSettings } from '../../../src/shared/check/config'
import { makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { png } from './run-cli'
import { runMain } from './run-main'

const P = 'source/blog'
const post = (fields: string, body = '導入の段落です。\n') => `---\n${fields}---\n\n${body}`
const ok = (date: string, extra = '') =>
  `title: 記事\ndate: ${date}T10:00:00+09:00\ntags:\n  - Go\nauthors:\n  - yukyan\n${extra}`

/** Rules that compare a post with the other posts: in the CLI as in the editor's lint. */
const COMPARING: RuleId[] = ['tag-variant', 'unknown-author']
/** The profile rule is checked on its own: a broken profile cannot also set levels. */
const IN_CLI = RULE_IDS.filter((id) => id !== 'profile')

/** One file per rule that breaks it. */
async function blogBreakingEveryRule(): Promise<Record<string, string | Uint8Array>> {
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#38c"/></svg>',
  )
  const heavy = await sharp({
    create: {
      width: 2000,
      height: 1047,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer()
  return {
    [`${P}/2025-12-01-post-file.html.md`]: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
    [`${P}/2025-12-01-front-matter.html.md`]: post(
      'title: 記事\ndate: 2025-12-01T10:00:00+09:00\ntags: [Go]\n',
    ),
    [`${P}/2025-12-01-date-invalid.html.md`]: post(
      'title: 記事\ndate: yesterday\ntags: [Go]\nauthors: [a]\n',
    ),
    [`${P}/2025-12-01-date-format.html.md`]: post(
      'title: 記事\ndate: 2025-12-01\ntags: [Go]\nauthors: [a]\n',
    ),
    [`${P}/2025-12-01-date-offset.html.md`]: post(
      'title: 記事\ndate: 2025-12-01T01:00:00Z\ntags: [Go]\nauthors: [a]\n',
    ),
    [`${P}/2025-12-02-date-filename.html.md`]: post(ok('2025-12-03')),
    [`${P}/2025-12-01-title-length.html.md`]: post(
      ok('2025-12-01').replace('title: 記事', `title: ${'とても長いタイトル'.repeat(12)}`),
    ),
    [`${P}/2025-12-01-tags-missing.html.md`]: post(
      'title: 記事\ndate: 2025-12-01T10:00:00+09:00\ntags: []\nauthors: [a]\n',
    ),
    [`${P}/2025-12-01-tags-too-many.html.md`]: post(
      `title: 記事\ndate: 2025-12-01T10:00:00+09:00\ntags: [${Array.from({ length: 11 }, (_, i) => `t${i}`).join(', ')}]\nauthors: [a]\n`,
    ),
    // Every other post is tagged Go and written by yukyan or a.
    [`${P}/2025-12-01-tag-variant.html.md`]: post(ok('2025-12-01').replace('  - Go', '  - go')),
    [`${P}/2025-12-01-unknown-author.html.md`]: post(
      ok('2025-12-01').replace('  - yukyan', '  - yukyna'),
    ),
    [`${P}/2025-12-01-list-duplicate.html.md`]: post(
      'title: 記事\ndate: 2025-12-01T10:00:00+09:00\ntags:\n  - Go\n  - Go\nauthors: [a]\n',
    ),
    [`${P}/2025-12-01-Slug_Format.html.md`]: post(ok('2025-12-01')),
    [`${P}/2025-12-01-${'long-slug-'.repeat(9)}x.html.md`]: post(ok('2025-12-01')),
    // Same URL: the front-matter date moves the first onto the second's day.
    [`${P}/2025-12-04-collide.html.md`]: post(ok('2025-12-05')),
    [`${P}/2025-12-05-collide.html.md`]: post(ok('2025-12-05')),
    [`${P}/2025-12-06-reused.html.md`]: post(ok('2025-12-06')),
    [`${P}/2025-12-07-reused.html.md`]: post(ok('2025-12-07')),
    [`${P}/2025-12-01-unsafe-path.html.md`]: post(ok('2025-12-01'), '![](../../../../x.png)\n'),
    [`${P}/2025-12-01-image-missing.html.md`]: post(ok('2025-12-01'), '![](missing.png)\n'),
    [`${P}/2025-12-01-image-root.html.md`]: post(ok('2025-12-01'), '![](/images/a.png)\n'),
    [`${P}/2025-12-01-eyecatch-missing.html.md`]: post(ok('2025-12-01', 'eyecatch: no.png\n')),
    [`${P}/2025-12-01-eyecatch-not-image.html.md`]: post(ok('2025-12-01', 'eyecatch: bad.png\n')),
    [`${P}/2025-12-01-eyecatch-not-image/bad.png`]: 'not a picture',
    [`${P}/2025-12-01-eyecatch-size.html.md`]: post(ok('2025-12-01', 'eyecatch: s.png\n')),
    [`${P}/2025-12-01-eyecatch-size/s.png`]: await png(382, 200),
    [`${P}/2025-12-01-eyecatch-ratio.html.md`]: post(ok('2025-12-01', 'eyecatch: r.png\n')),
    [`${P}/2025-12-01-eyecatch-ratio/r.png`]: await png(1280, 720),
    [`${P}/2025-12-01-eyecatch-weight.html.md`]: post(ok('2025-12-01', 'eyecatch: w.png\n')),
    [`${P}/2025-12-01-eyecatch-weight/w.png`]: heavy,
    [`${P}/2025-12-01-eyecatch-svg.html.md`]: post(ok('2025-12-01', 'eyecatch: v.svg\n')),
    [`${P}/2025-12-01-eyecatch-svg/v.svg`]: svg,
    [`${P}/2025-12-01-excerpt-toc.html.md`]: post(
      ok('2025-12-01'),
      '* 目次\n{:toc}\n\n## はじめに\n\n## 背景\n\n## 設計\n\n## 実装\n\n## まとめ\n\n本文。\n',
    ),
    [`${P}/notes.md`]: '# memo\n',
  }
}

let repo: string

/** Runs check with every CLI rule at `level` (or the defaults); returns its findings by rule. */
async function checkAt(level: 'error' | 'warning' | 'off' | null) {
  const settings =
    level === null ? '' : `check:\n${IN_CLI.map((id) => `  ${id}: ${level}\n`).join('')}`
  await writeFile(join(repo, '.portal-writer.yml'), settings)
  const run = await runMain(['check', '--format', 'json'], repo, { LANG: 'en' })
  const report = JSON.parse(run.stdout) as {
    errors: number
    findings: Array<{ rule: string; severity: string; file: string }>
  }
  const byRule = new Map<string, Set<string>>()
  for (const f of report.findings) {
    const set = byRule.get(f.rule) ?? new Set<string>()
    set.add(f.severity)
    byRule.set(f.rule, set)
  }
  return { code: run.code, byRule, report }
}

beforeAll(async () => {
  repo = await makeTempRepo(await blogBreakingEveryRule(), { git: true })
}, 60_000)
afterAll(removeTempDirs)

describe('every rule of the table at every level', () => {
  it('finds each rule with its default level', async () => {
    const { code, byRule } = await checkAt(null)
    for (const id of IN_CLI)
      expect([id, [...(byRule.get(id) ?? [])]]).toEqual([id, [RULES[id].level]])
    expect(code).toBe(1)
  })

  it.each(['error', 'warning'] as const)('reports every rule as %s when set so', async (level) => {
    const { code, byRule } = await checkAt(level)
    for (const id of IN_CLI) expect([id, [...(byRule.get(id) ?? [])]]).toEqual([id, [level]])
    expect(code).toBe(level === 'error' ? 1 : 0)
  })

  it('reports nothing with every rule off, and exits 0', async () => {
    const { code, report } = await checkAt('off')
    expect(report.findings).toEqual([])
    expect(code).toBe(0)
  })

  it('finds each post rule only in the file made to break it', async () => {
    const { report } = await checkAt(null)
    const broken = (id: string) =>
      id === 'slug-length' ? 'long-slug' : id === 'slug-format' ? 'slug_format' : id
    for (const id of IN_CLI.filter((r) => RULES[r].scope === 'post')) {
      const files = report.findings.filter((f) => f.rule === id).map((f) => f.file.toLowerCase())
      // The colliding post is moved to another day by its date, on purpose.
      const fits = (f: string) =>
        f.includes(broken(id)) || (id === 'date-filename' && f.endsWith('12-04-collide.html.md'))
      expect([id, files.length > 0 && files.every(fits)]).toEqual([id, true])
    }
    const repoWide = (id: string) =>
      report.findings
        .filter((f) => f.rule === id)
        .map((f) => f.file)
        .sort()
    expect(repoWide('slug-collision')).toEqual([
      `${P}/2025-12-04-collide.html.md`,
      `${P}/2025-12-05-collide.html.md`,
    ])
    expect(repoWide('slug-reuse')).toEqual([`${P}/2025-12-07-reused.html.md`])
    expect(repoWide('stray-file')).toEqual([`${P}/notes.md`])
  })
})

describe('the comparing rules in the editor, and the profile rule', () => {
  const text = post(
    'title: 記事\ndate: 2025-12-01T10:00:00+09:00\ntags:\n  - golang\nauthors:\n  - yukyn\n',
  )
  const context = {
    knownAuthors: [{ value: 'yukyan', count: 3 }],
    knownTags: [{ value: 'GoLang', count: 5 }],
  }

  it.each(COMPARING)('%s follows its level in the editor’s lint too', (id: RuleId) => {
    const at = (level: 'error' | 'warning' | 'off' | null) => {
      const parsed = parseCheckSettings(level === null ? {} : { [id]: level })
      if (parsed.kind !== 'ok') throw new Error('settings')
      return validateFrontMatter(readFields(text), { ...context, rules: parsed.config })
        .filter((p) => p.rule === id)
        .map((p) => p.severity)
    }
    expect(at(null)).toEqual([RULES[id].level === 'error' ? 'error' : 'warn'])
    expect(at('error')).toEqual(['error'])
    expect(at('warning')).toEqual(['warn'])
    expect(at('off')).toEqual([])
  })

  it('compares one post checked alone with the whole blog', async () => {
    await writeFile(join(repo, '.portal-writer.yml'), '')
    const files = [`${P}/2025-12-01-tag-variant.html.md`, `${P}/2025-12-01-unknown-author.html.md`]
    const run = await runMain(['check', ...files, '--lang', 'en'], repo)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/tag-variant\.html\.md:\d+: warning: .*"Go".*\[tag-variant\]/)
    expect(run.stdout).toMatch(
      /unknown-author\.html\.md:\d+: warning: .*"yukyna".*\[unknown-author\]/,
    )
    expect(run.stdout).toContain('Checked 2 posts: 0 errors, 2 warnings')
  })

  it('reports a broken profile as an error of the profile rule', async () => {
    await writeFile(join(repo, '.portal-writer.yml'), 'check:\n  eyecatch-sise: off\n')
    const run = await runMain(['check', '--lang', 'en'], repo)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '.portal-writer.yml:2: error: .portal-writer.yml line 2: There is no check rule "eyecatch-sise". Did you mean eyecatch-size? Valid rules: profile, post-file,',
    )
    expect(run.stdout).toMatch(/\[profile\]\n/)
  })
})

describe('eyecatch-not-image: decode', () => {
  it('reads headers by default, and decodes the eyecatch with decode: true', async () => {
    const whole = await png(1200, 630)
    const cut = await makeTempRepo({
      [`${P}/2025-12-01-cut.html.md`]: post(ok('2025-12-01', 'eyecatch: e.png\n')),
      [`${P}/2025-12-01-cut/e.png`]: whole.subarray(0, 120),
    })
    const header = await runMain(['check', '--lang', 'en'], cut)
    expect(header.code).toBe(0)
    await writeFile(
      join(cut, '.portal-writer.yml'),
      'check:\n  eyecatch-not-image: { decode: true }\n',
    )
    const decoded = await runMain(['check', '--lang', 'en'], cut)
    expect(decoded.code).toBe(1)
    expect(decoded.stdout).toMatch(
      /:8: error: Eyecatch ".+e\.png": .+damaged.+\[eyecatch-not-image\]/,
    )
  })
})
