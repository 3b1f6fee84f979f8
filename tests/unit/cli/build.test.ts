import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { png, runCli } from './run-cli'

/** Inside the project, so the bundle's bare imports resolve from its node_modules as out/cli does. */
const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/', import.meta.url))
let outDir = ''

afterAll(async () => {
  await removeTempDirs()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

/** Runs the built command's `main` the way bin/portal-writer.js does. */
function runBuilt(
  entry: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(entry).href)}); process.exitCode = await m.main(${JSON.stringify(args)})`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('the built portal-writer (npm run build:cli)', () => {
  it('builds an ES module without Electron that prints the same card as the sources', async () => {
    await mkdir(CACHE, { recursive: true })
    outDir = await mkdtemp(join(CACHE, 'portal-writer-cli-test-'))
    await build({
      configFile: fileURLToPath(new URL('../../../src/cli/vite.config.ts', import.meta.url)),
      logLevel: 'silent',
      build: { outDir, sourcemap: false },
    })
    const entry = join(outDir, 'index.js')
    const code = await readFile(entry, 'utf8')
    expect(code).not.toMatch(/from ["']electron["']/)

    const repo = await makeTempRepo(
      {
        'source/blog/2025-11-20-built.html.md':
          '---\ntitle: ビルド版\ndate: 2025-11-20T10:00:00+09:00\ntags: []\nauthors: [a]\neyecatch: eyecatch.png\n---\n\n本文です。\n\n1. 目次\n{:toc}\n\n## 見出し\n',
        'source/blog/2025-11-20-built/eyecatch.png': await png(1200, 630),
      },
      { git: true },
    )
    const args = [
      'card',
      'source/blog/2025-11-20-built.html.md',
      '--json',
      '--now',
      '2025-11-27T10:00:00+09:00',
    ]
    const built = await runBuilt(entry, args, repo)
    expect(built.stderr).toBe('')
    const source = await runCli(args, repo)
    expect(built.code).toBe(0)
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout))
    expect(JSON.parse(built.stdout)).toMatchObject({
      excerpt: '本文です。見出し見出し',
      relativeTime: '7日前',
    })

    const check = await runBuilt(entry, ['check', '--lang', 'en'], repo)
    expect(check.code).toBe(0)
    // One warning: the post has no tags.
    expect(check.stdout).toContain('Checked 1 post: 0 errors, 1 warning')
    expect(check.stdout).toContain('[tags-missing]')
    // Commands are separate chunks: the entry loads no Markdown, YAML or image code.
    expect(code).not.toMatch(/from ["'](sharp|markdown-it|yaml|zod|highlight\.js)["']/)
    expect(code.length).toBeLessThan(40_000)
    // The pure-JavaScript dependencies are bundled (Node's loader costs more per file than their
    // code): the chunks import no package at start but sharp and textlint's (loaded on demand).
    const chunks = join(outDir, 'chunks')
    const imported = new Set<string>()
    for (const name of (await readdir(chunks)).filter((n) => n.endsWith('.js'))) {
      const text = await readFile(join(chunks, name), 'utf8')
      for (const m of text.matchAll(/^import\s[^'"]*["']([^'"./][^'"]*)["']/gm)) imported.add(m[1]!)
    }
    const packages = [...imported].filter((p) => !p.startsWith('node:'))
    expect(packages.filter((p) => !/^(sharp|@textlint\/|textlint)/.test(p))).toEqual([])
    expect(packages).toContain('sharp')
    const version = await runBuilt(entry, ['--version'], repo)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  }, 60_000)
})
