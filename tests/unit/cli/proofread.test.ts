import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { runCli } from './run-cli'

afterAll(removeTempDirs)

const POST = [
  '---',
  'title: javascriptの話',
  'date: 2025-11-20T10:00:00+09:00',
  'tags:',
  '  - Go',
  'authors:',
  '  - yukyan',
  '---',
  '',
  'この仕組みはjavascriptで書きました。',
  '',
  '```js',
  '// javascriptで書くことができます',
  '```',
  '',
  '詳細は https://github.com/foo/javascript を見てください。',
  '',
].join('\n')

describe('portal-writer check --proofread', () => {
  it('reports textlint findings with file, line, column and rule, and fails like textlint', async () => {
    const repo = await makeTempRepo({ 'source/blog/2025-11-20-first.html.md': POST }, { git: true })
    const plain = await runCli(['check'], repo)
    expect(plain.code).toBe(0)
    const run = await runCli(['check', '--proofread', '--lang', 'ja'], repo)
    expect(run.stdout.split('\n').filter((l) => l.startsWith('source/'))).toEqual([
      'source/blog/2025-11-20-first.html.md:10:7: エラー: javascript => JavaScript [textlint/prh]',
    ])
    expect(run.code).toBe(1)
    // Every output format of check carries the same finding (GitHub annotations on the diff).
    const github = await runCli(['check', '--proofread', '--format', 'github'], repo)
    expect(github.stdout).toContain(
      '::error file=source/blog/2025-11-20-first.html.md,line=10,col=7,title=textlint/prh::',
    )
  }, 120_000)

  it('says once which rules of the blog’s .textlintrc the app does not ship', async () => {
    const repo = await makeTempRepo(
      {
        'source/blog/2025-11-20-first.html.md': POST,
        '.textlintrc.yml':
          'rules:\n  textlint-rule-no-todo: true\n  ja-no-redundant-expression: true\n',
      },
      { git: true },
    )
    const run = await runCli(['check', '--proofread', '--lang', 'en', join(repo)], repo)
    const notes = run.stdout.split('\n').filter((l) => l.includes('[textlint/config]'))
    expect(notes).toEqual([
      '.textlintrc.yml:1: warning: Rule textlint-rule-no-todo is not included in this app and is not used. [textlint/config]',
    ])
    expect(run.stdout).not.toContain('prh')
    expect(run.code).toBe(0)
  }, 120_000)
})
