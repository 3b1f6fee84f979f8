import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProofreadConfig } from '../../../../../src/main/services/proofread/config'
import { ProofreadEngine } from '../../../../../src/main/services/proofread/engine'
import { makeTempDir, removeTempDirs, writeFiles } from '../../../../helpers/temp-repo'

afterAll(removeTempDirs)

const PRH = 'version: 1\nrules:\n  - expected: ポータル\n    pattern: /ポータブル/\n'

async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir('pw-proofread-')
  await writeFiles(dir, files)
  return dir
}

/** The rule ids a configuration reports on a text that breaks the preset and the dictionary. */
async function rulesFound(root: string): Promise<string[]> {
  const config = await loadProofreadConfig(root)
  const engine = new ProofreadEngine(config.engine)
  const found = await engine.lint('ポータブルで使用することができます。', 'all')
  return [...new Set(found.map((f) => f.ruleId))].sort()
}

describe('the proofreading configuration', () => {
  beforeAll(async () => {
    // Load the morphological dictionary once.
    await new ProofreadEngine({ preset: {}, rules: [] }).lint('準備です。')
  }, 120_000)

  it('uses the built-in rules without a .textlintrc', async () => {
    const root = await repoWith({ 'README.md': '# blog\n' })
    const config = await loadProofreadConfig(root)
    expect(config.file).toBeNull()
    expect(config.notices).toEqual([])
    const engine = new ProofreadEngine(config.engine)
    const found = await engine.lint(
      '素晴らしい！javascriptで書きました。' +
        'とても長い文になってしまいました、'.repeat(6) +
        '終わり。',
    )
    const ids = found.map((f) => f.ruleId)
    expect(ids).toContain('prh')
    // Exclamation marks are allowed; sentences are allowed up to 120 characters (this one is 105).
    expect(ids).not.toContain('ja-technical-writing/no-exclamation-question-mark')
    expect(ids).not.toContain('ja-technical-writing/sentence-length')
  })

  const rc = {
    json: '{\n  // the blog\'s rules\n  "rules": {\n    "preset-ja-technical-writing": { "sentence-length": { "max": 200 } },\n    "prh": { "rulePaths": ["./prh.yml"] },\n  }\n}\n',
    yaml: 'rules:\n  textlint-rule-preset-ja-technical-writing:\n    sentence-length:\n      max: 200\n  textlint-rule-prh:\n    rulePaths:\n      - ./prh.yml\n',
    js: "// textlint settings\nmodule.exports = {\n  rules: {\n    'preset-ja-technical-writing': { 'sentence-length': { max: 200 } },\n    prh: { rulePaths: ['./prh.yml'] }, // terms\n  },\n};\n",
  }
  const forms: Array<[string, string]> = [
    ['.textlintrc', rc.json],
    ['.textlintrc', rc.yaml],
    ['.textlintrc.json', rc.json],
    ['.textlintrc.yml', rc.yaml],
    ['.textlintrc.yaml', rc.yaml],
    ['.textlintrc.js', rc.js],
    ['.textlintrc.cjs', rc.js.replace('module.exports =', 'module.exports=')],
  ]
  for (const [name, source] of forms) {
    it(`reads ${name} (${source.trimStart()[0] === '{' ? 'JSON' : source.includes('module') ? 'JavaScript' : 'YAML'}) with its prh dictionary`, async () => {
      const root = await repoWith({ [name]: source, 'prh.yml': PRH })
      const config = await loadProofreadConfig(root)
      expect(config.file).toBe(name)
      expect(config.notices).toEqual([])
      expect(config.files).toContain(join(root, 'prh.yml'))
      expect(await rulesFound(root)).toEqual([
        'ja-technical-writing/ja-no-redundant-expression',
        'prh',
      ])
    }, 60_000)
  }

  it('uses only the rules listed, each shipped rule also on its own', async () => {
    const root = await repoWith({
      '.textlintrc.json': '{ "rules": { "ja-no-redundant-expression": true } }',
    })
    expect(await rulesFound(root)).toEqual(['ja-no-redundant-expression'])
  })

  it('reports a rule, filter or plugin the app does not ship once, and lints with the rest', async () => {
    const root = await repoWith({
      '.textlintrc.json': JSON.stringify({
        rules: { 'textlint-rule-spellcheck-tech-word': true, prh: { rulePaths: ['prh.yml'] } },
        filters: { comments: true },
        plugins: ['@textlint/markdown', 'review'],
      }),
      'prh.yml': PRH,
    })
    const config = await loadProofreadConfig(root)
    expect(config.notices.map((n) => n.ja)).toEqual([
      'ルール textlint-rule-spellcheck-tech-word はこのアプリに含まれていないため使いません。',
      'フィルター comments はこのアプリに含まれていないため使いません。',
      'プラグイン review はこのアプリに含まれていないため使いません。',
    ])
    expect(await rulesFound(root)).toEqual(['prh'])
  })

  it('reports a broken file with its line and falls back to the built-in rules', async () => {
    const root = await repoWith({
      '.textlintrc.json': '{\n  "rules": {\n    "prh": true\n    "max-ten": true\n  }\n}\n',
    })
    const config = await loadProofreadConfig(root)
    expect(config.file).toBe('.textlintrc.json')
    expect(config.notices).toHaveLength(1)
    expect(config.notices[0]!.ja).toMatch(/^\.textlintrc\.json の 4 行目: 書式が正しくありません/)
    expect(config.notices[0]!.en).toMatch(/line 4: The syntax is not valid/)
    expect(config.engine.preset).not.toBeNull()
  })

  it('never runs a .textlintrc.js that computes its settings', async () => {
    const root = await repoWith({
      '.textlintrc.js':
        "const path = 'x'\nmodule.exports = {\n  rules: {\n    prh: { rulePaths: [require('path').join(__dirname, 'prh.yml')] },\n  },\n}\n",
    })
    const config = await loadProofreadConfig(root)
    expect(config.notices[0]!.ja).toMatch(/^\.textlintrc\.js の 4 行目: .*プログラムで書かれている/)
  })

  it('reports a prh dictionary with a bad regular expression with its file and line, and leaves it out', async () => {
    const root = await repoWith({
      '.textlintrc.yml':
        'rules:\n  prh:\n    rulePaths: [good.yml, dict/bad.yml, missing.yml, ../outside.yml]\n',
      'good.yml': PRH,
      'dict/bad.yml':
        'version: 1\nrules:\n  - expected: OK\n    pattern: /ok/\n  - expected: X\n    patterns:\n      - /fine/\n      - /broken(/\n',
    })
    const config = await loadProofreadConfig(root)
    expect(config.notices.map((n) => n.ja)).toEqual([
      expect.stringMatching(
        /^prh の辞書「dict\/bad\.yml」の 8 行目の正規表現 \/broken\(\/ が正しくありません（.+）。この辞書は使いません。$/,
      ),
      'prh の辞書「missing.yml」が見つからないため使いません。',
      'prh の辞書「../outside.yml」はリポジトリの外にあるため使いません。',
    ])
    expect(await rulesFound(root)).toEqual(['prh'])
  })

  it('refuses a .textlintrc or prh dictionary nested too deeply before parsing it (issue 16, S12)', async () => {
    const deep = `x: ${'['.repeat(30_000)}\n`
    const rc = await repoWith({ '.textlintrc.yml': deep })
    const config = await loadProofreadConfig(rc)
    expect(config.notices.map((n) => n.en)).toEqual([
      expect.stringMatching(/^\.textlintrc\.yml, line 1: .*nested too deeply.*limit is 100 levels/),
    ])
    const prh = await repoWith({
      '.textlintrc.yml': 'rules:\n  prh:\n    rulePaths: [deep.yml, good.yml]\n',
      'deep.yml': `version: 1\nrules: ${'['.repeat(30_000)}\n`,
      'good.yml': PRH,
    })
    const both = await loadProofreadConfig(prh)
    expect(both.notices.map((n) => n.en)).toEqual([
      expect.stringMatching(/"deep\.yml".*nested too deeply.*limit is 100 levels/),
    ])
    expect(await rulesFound(prh)).toEqual(['prh'])
  })

  it('follows prh imports', async () => {
    const root = await repoWith({
      '.textlintrc.json': '{ "rules": { "prh": { "rulePaths": ["prh/index.yml"] } } }',
      'prh/index.yml':
        'version: 1\nimports:\n  - terms.yml\nrules:\n  - expected: ウェブ\n    pattern: /Web/\n',
      'prh/terms.yml': PRH,
    })
    const config = await loadProofreadConfig(root)
    expect(config.notices).toEqual([])
    const engine = new ProofreadEngine(config.engine)
    const found = await engine.lint('ポータブルなWebです。')
    expect(found.map((f) => f.message).sort()).toEqual(['Web => ウェブ', 'ポータブル => ポータル'])
  })

  it('is re-read by its stamp: the file forms are found in textlint’s order', async () => {
    const root = await repoWith({
      '.textlintrc.yml': 'rules:\n  max-ten: true\n',
      '.textlintrc.json': '{ "rules": { "prh": { "rulePaths": ["prh.yml"] } } }',
      'prh.yml': PRH,
    })
    expect((await loadProofreadConfig(root)).file).toBe('.textlintrc.json')
    await writeFile(join(root, '.textlintrc'), 'rules:\n  max-ten: true\n')
    expect((await loadProofreadConfig(root)).file).toBe('.textlintrc')
  })
})
