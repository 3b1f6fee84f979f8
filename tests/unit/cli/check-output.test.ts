/** `check`'s formats, summary, exit codes, refusals, help and language. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { escapeData, escapeProperty, githubLine, summaryLine } from '../../../src/cli/check-format'
import { checkCommand } from '../../../src/cli/check-command'
import { CHECK_SOURCES } from '../../../src/cli/check-sources'
import { langFromEnv } from '../../../src/cli/lang'
import { msg } from '../../../src/shared/localized'
import { makeTempDir, makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { png } from './run-cli'
import { runMain } from './run-main'

const P = 'source/blog'
const post = (date: string, extra = '', body = '導入です。\n') =>
  `---\ntitle: 記事\ndate: ${date}T10:00:00+09:00\ntags: [Go]\nauthors: [a]\n${extra}---\n\n${body}`

afterAll(removeTempDirs)

describe('the github format', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b')
    expect(escapeProperty('dir: a,b/100%\n.md')).toBe('dir%3A a%2Cb/100%25%0A.md')
  })

  it('writes one workflow command per finding that GitHub reads back to the same values', () => {
    const line = githubLine(
      {
        rule: 'image-missing',
        relPath: 'x',
        file: 'source/blog/2025-01-01-a,b:c%.html.md',
        line: 7,
        severity: 'error',
        message: msg('画像「a%.png」が\nありません。', 'The image "a%.png",\r\nmissing: yes'),
      },
      'en',
    )
    expect(line).toBe(
      '::error file=source/blog/2025-01-01-a%2Cb%3Ac%25.html.md,line=7,title=image-missing::The image "a%25.png",%0D%0Amissing: yes',
    )
    // GitHub's own parser: properties split on ",", each at its first "="; then unescaped.
    const [, props, data] = /^::error ([^:]*)::(.*)$/.exec(line)!
    const unescape = (s: string) =>
      s
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%3A/g, ':')
        .replace(/%2C/g, ',')
        .replace(/%25/g, '%')
    const fields = Object.fromEntries(props!.split(',').map((p) => p.split('=').map(unescape)))
    expect(fields).toEqual({
      file: 'source/blog/2025-01-01-a,b:c%.html.md',
      line: '7',
      title: 'image-missing',
    })
    expect(unescape(data!)).toBe('The image "a%.png",\r\nmissing: yes')
  })
})

describe('the summary line', () => {
  it.each([
    [{ posts: 1, errors: 1, warnings: 1 }, 'Checked 1 post: 1 error, 1 warning'],
    [{ posts: 600, errors: 0, warnings: 2 }, 'Checked 600 posts: 0 errors, 2 warnings'],
    [{ posts: 0, errors: 0, warnings: 0 }, 'Checked 0 posts: 0 errors, 0 warnings'],
  ])('says %j in English with plurals', (counts, line) => {
    expect(summaryLine(counts, 'en')).toBe(line)
  })

  it('says it in Japanese with counters', () => {
    expect(summaryLine({ posts: 1, errors: 2, warnings: 0 }, 'ja')).toBe(
      '1 件の記事を検査しました: エラー 2 件、警告 0 件',
    )
  })
})

describe('the language', () => {
  it.each([
    [{}, 'ja'],
    [{ LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, 'ja'],
    [{ LANG: '', LC_ALL: '' }, 'ja'],
  ])('comes from %j as %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang)
  })
})

describe('portal-writer check: exit codes, refusals and help', () => {
  let repo: string

  beforeAll(async () => {
    repo = await makeTempRepo({
      [`${P}/2025-01-01-good.html.md`]: post('2025-01-01'),
      [`${P}/2025-01-02-bad.html.md`]: post('2025-01-02', '', '![](missing.png)\n'),
      [`${P}/2025-01-02-bad/figure.png`]: await png(10, 10),
      [`${P}/notes.md`]: '# メモ\n',
      [`${P}/front.md`]: post('2025-01-03'),
      [`${P}/latin1.md`]: new Uint8Array([0x61, 0xe9, 0x0a]),
      'README.md': '# Blog\n',
    })
  })

  it('exits 0 for a good post and 1 for a post with an error, one line per language', async () => {
    const good = await runMain(['check', `${P}/2025-01-01-good.html.md`], repo)
    expect(good.code).toBe(0)
    expect(good.stdout).toBe('1 件の記事を検査しました: エラー 0 件、警告 0 件\n')
    const bad = await runMain(['check', `${P}/2025-01-02-bad.html.md`], repo)
    expect(bad.code).toBe(1)
    expect(bad.lines[0]).toBe(
      `${P}/2025-01-02-bad.html.md:8: エラー: 画像「missing.png」（${P}/2025-01-02-bad/missing.png）が見つかりません。 [image-missing]`,
    )
    expect(bad.stdout).not.toMatch(/[A-Z][a-z]+ /)
  })

  it('exits 2 when the postPath pattern matched nothing, naming it', async () => {
    const empty = await makeTempDir()
    await writeFile(join(empty, '.portal-writer.yml'), 'postPath: posts/{year}-{slug}.md\n')
    await mkdir(join(empty, 'posts'))
    const run = await runMain(['check'], empty, { LANG: 'en' })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'No posts found: nothing in posts matches the postPath "posts/{year}-{slug}.md". Check the folder, or postPath in .portal-writer.yml.',
    )
  })

  it.each([
    [
      `${P}/2025-01-02-bad/figure.png`,
      'is an image. Images are checked with the post that uses them',
    ],
    [`${P}/notes.md`, 'has no front matter (a "---" first line), so it is not a post.'],
    [`${P}/latin1.md`, 'is not UTF-8 text, so it is not a post.'],
    [
      `${P}/front.md`,
      'does not follow the post path (postPath: source/blog/{year}-{month}-{day}-{slug}.html.md)',
    ],
    ['nothing.md', '"nothing.md" was not found.'],
  ])('refuses %s with a reason that fits it (exit 2)', async (file, reason) => {
    const run = await runMain(['check', `${P}/2025-01-01-good.html.md`, file], repo, {
      LANG: 'en',
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(reason)
  })

  it('adds a source of findings behind its switch, with its own rule ids and severities', async () => {
    CHECK_SOURCES.push({
      flag: 'shout',
      help: { text: msg('大声で', 'shout'), example: '--shout' },
      load: async () => ({
        id: 'shout',
        post: async (p) =>
          p.text.includes('導入')
            ? [
                {
                  rule: 'shout/intro',
                  relPath: p.file.relPath,
                  line: 8,
                  column: 1,
                  message: msg('導入！', 'Intro!'),
                  severity: 'error',
                },
              ]
            : [],
      }),
    })
    try {
      const help = await runMain(['check', '--help', '--lang', 'en'], repo)
      expect(help.stdout).toContain('  --shout')
      const without = await runMain(['check', `${P}/2025-01-01-good.html.md`], repo)
      expect(without.code).toBe(0)
      const run = await runMain(['check', `${P}/2025-01-01-good.html.md`, '--shout'], repo, {
        LANG: 'en',
      })
      expect(run.lines[0]).toBe(`${P}/2025-01-01-good.html.md:8:1: error: Intro! [shout/intro]`)
      expect(run.code).toBe(1)
    } finally {
      CHECK_SOURCES.pop()
    }
  })

  it('lists only errors with --quiet, still counting the warnings', async () => {
    const run = await runMain(['check', '--quiet', '--lang', 'en'], repo)
    expect(run.lines).toEqual([
      `${P}/2025-01-02-bad.html.md:8: error: The image "missing.png" (${P}/2025-01-02-bad/missing.png) was not found. [image-missing]`,
      'Checked 2 posts: 1 error, 3 warnings',
    ])
    expect(run.code).toBe(1)
  })

  it('refuses --changed outside a git repository (exit 2)', async () => {
    const run = await runMain(['check', '--changed'], repo, { LANG: 'en' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('is not a git repository, so --changed cannot be used.')
  })

  it('names an unknown option with the nearest one, and checks its values', async () => {
    const typo = await runMain(['check', '--chagned'], repo)
    expect(typo.code).toBe(2)
    expect(typo.stderr.split('\n')[0]).toBe('不明なオプション --chagned。--changed のことですか？')
    const format = await runMain(['check', '--format', 'xml'], repo, { LANG: 'en' })
    expect(format.code).toBe(2)
    expect(format.stderr).toBe('--format must be one of text, json, github.')
    const lang = await runMain(['check', '--lang', 'fr'], repo)
    expect(lang.code).toBe(2)
  })

  it('takes --json for --format json, as card and render do, and names --jsn as it', async () => {
    const typo = await runMain(['check', '--jsn'], repo)
    expect(typo.code).toBe(2)
    expect(typo.stderr.split('\n')[0]).toBe('不明なオプション --jsn。--json のことですか？')
    const json = await runMain(['check', '--json'], repo, { LANG: 'en' })
    const formatted = await runMain(['check', '--format', 'json'], repo, { LANG: 'en' })
    expect(json.code).toBe(formatted.code)
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(formatted.stdout))
    const both = await runMain(['check', '--json', '--format', 'github'], repo, { LANG: 'en' })
    expect(both.code).toBe(2)
    expect(both.stderr).toBe('--json and --format cannot be given together.')
  })

  it.each([[['--help']], [['check', '--help']], [['card', '-h']], [['render', '--help']]])(
    '%j prints help with every option, a description and an example, on stdout with exit 0',
    async (args) => {
      for (const lang of ['ja', 'en'] as const) {
        const run = await runMain([...args, '--lang', lang], repo)
        expect(run.code).toBe(0)
        expect(run.stderr).toBe('')
        const options = run.lines.filter((l) => /^ {2}--/.test(l))
        expect(options.length).toBeGreaterThanOrEqual(2)
        for (const o of options)
          expect(o).toMatch(lang === 'ja' ? /（例: .+）$/ : / \(e\.g\. .+\)$/)
        expect(run.stdout).toMatch(lang === 'ja' ? /^使い方: / : /^Usage: /)
        expect(run.stdout).toContain(lang === 'ja' ? '\n例:\n' : '\nExamples:\n')
      }
    },
  )

  it('shows a progress line only where the caller has a terminal, and never for json or github', async () => {
    const shown: Array<string | null> = []
    const io = (format: string) => ({
      out: () => undefined,
      err: () => undefined,
      cwd: repo,
      env: {},
      progress: (text: string | null) => shown.push(`${format}:${text}`),
    })
    await checkCommand(['--lang', 'en'], io('text'))
    expect(shown).toEqual(['text:Checking 1/2', 'text:Checking 2/2', 'text:null'])
    shown.length = 0
    await checkCommand(['--format', 'json'], io('json'))
    await checkCommand(['--format', 'github'], io('github'))
    expect(shown).toEqual([])
  })

  it('prints no progress when stderr is not a terminal', async () => {
    const { runCli } = await import('./run-cli')
    const run = await runCli(['check', '--lang', 'en'], repo, { CI: '' })
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('Checked 2 posts: 1 error, 3 warnings')
  }, 60_000)

  it('lists check’s options in its help', async () => {
    const run = await runMain(['check', '--help'], repo, { LANG: 'en' })
    for (const flag of ['--changed', '--format', '--quiet', '--lang', '--help'])
      expect(run.stdout).toContain(`  ${flag}`)
  })
})
