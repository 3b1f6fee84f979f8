import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ASSET_BASE } from '../../../src/main/electron/security'
import { cliImageResolver } from '../../../src/cli/images'
import { PREVIEW_ASSET_BASE } from '../../../src/cli/render-body'
import { renderPost } from '../../../src/shared/markdown'
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/harness/chromium'
import { makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { jpeg, png, runCli } from './run-cli'

const FIXTURES = ['kaigi-on-rails-2025', 'golang-tokyo-41', 'sidekiq-job', 'nasa-space-apps-2025']
const HOSTILE = [
  '---',
  'title: hostile',
  'date: 2025-12-05T10:00:00+09:00',
  '---',
  '',
  '## 見出し <script>alert(1)</script>',
  '',
  '<img src="x" onerror="alert(1)">',
  '',
  '[x](javascript:alert(1)) [y](jav&#x09;ascript:alert(1)) [ok](https://example.com)',
  '',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '',
  '<svg onload="alert(1)"><foreignObject><p>x</p></foreignObject></svg>',
  '',
  '<a href="https://example.com" target="_blank">new window</a>',
  '',
  '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">',
  '',
  '<form action="https://evil.example"><input name="q"></form>',
  '',
  '![図](figure.png) ![外](../../../../etc/passwd)',
  '',
].join('\n')

let repo: string
const files: Record<string, string> = {}

beforeAll(async () => {
  const posts: Record<string, string | Uint8Array> = {}
  for (const name of FIXTURES) {
    const rel = `source/blog/2025-11-20-${name}.html.md`
    files[name] = rel
    posts[rel] = await readFile(
      new URL(`../shared/card/fixtures/${name}.md.txt`, import.meta.url),
      'utf8',
    )
  }
  files.hostile = 'source/blog/2025-12-05-hostile.html.md'
  posts[files.hostile] = HOSTILE
  posts['source/blog/2025-12-05-hostile/figure.png'] = await png(640, 480)
  posts['source/blog/2025-11-20-kaigi-on-rails-2025/venue.jpg'] = await jpeg(640, 480)
  repo = await makeTempRepo(posts, { git: true })
})
afterAll(removeTempDirs)

describe('portal-writer render', () => {
  it('prints one JSON line per file with the sanitized article HTML', async () => {
    const run = await runCli(['render', files.hostile!, files['sidekiq-job']!, '--json'], repo)
    expect(run.code).toBe(0)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; html: string })
    expect(lines.map((l) => l.file)).toEqual([files.hostile, files['sidekiq-job']])
    const hostile = lines[0]!.html
    expect(hostile).toMatch(/<h2 id="見出し[^"]*"/)
    expect(hostile).not.toMatch(
      /<script|onerror=|onload=|href="\s*jav|<iframe|srcdoc=|<meta|<base|<form|target=/i,
    )
    expect(hostile).toContain('<a href="https://example.com">ok</a>')
    // Local images get the preview's asset URLs; one outside the repository is a placeholder (P3).
    expect(hostile).toContain(`src="${ASSET_BASE}source/blog/2025-12-05-hostile/figure.png"`)
    expect(hostile).toContain('pw-missing-image')
    expect(hostile).not.toMatch(/src="[^"]*etc\/passwd/)
    expect(lines[1]!.html).toContain('<ol id="markdown-toc"')
  })

  it('prints the bare HTML for one file, with the asset base it is given', async () => {
    const run = await runCli(
      ['render', files.hostile!, '--asset-base', 'http://127.0.0.1:8080/'],
      repo,
    )
    expect(run.code).toBe(0)
    expect(run.stdout.startsWith('<h2')).toBe(true)
    expect(run.stdout).toContain(
      'src="http://127.0.0.1:8080/source/blog/2025-12-05-hostile/figure.png"',
    )
  })

  it('reports a missing file in its JSON line and exits 1, still rendering the others', async () => {
    const run = await runCli(['render', 'missing.md', files.hostile!, '--json'], repo)
    expect(run.code).toBe(1)
    const [missing, rendered] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(missing.error.en).toContain('was not found')
    expect(rendered.html).toContain('見出し')
  })

  it('uses the app’s asset base by default', () => {
    expect(PREVIEW_ASSET_BASE).toBe(ASSET_BASE)
  })
})

describe('portal-writer render matches the preview’s sanitizer running in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    assertChromium()
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('gives byte-for-byte the HTML DOMPurify produces in the browser with the preview’s config', async () => {
    // The preview's sanitizer, bundled for the browser from the same source file.
    const bundle = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: {
          entry: fileURLToPath(
            new URL('../../../src/shared/markdown/sanitize.ts', import.meta.url),
          ),
          formats: ['iife'],
          name: 'PreviewSanitize',
        },
      },
    })
    const output = (Array.isArray(bundle) ? bundle[0]! : bundle) as {
      output: Array<{ type: string; code?: string }>
    }
    const code = output.output.find((o) => o.type === 'chunk')!.code!
    const purify = await readFile(
      fileURLToPath(new URL('../../../node_modules/dompurify/dist/purify.min.js', import.meta.url)),
      'utf8',
    )
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ content: purify })
    await page.addScriptTag({ content: code })

    const names = Object.keys(files)
    const run = await runCli(['render', ...names.map((n) => files[n]!), '--json'], repo)
    expect(run.code).toBe(0)
    const cli = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { html: string })
    for (const [i, name] of names.entries()) {
      const rel = files[name]!
      const text = await readFile(join(repo, rel), 'utf8')
      const assetDir = rel.replace(/\.html\.md$/, '')
      const raw = renderPost(text, {
        resolveImage: cliImageResolver(rel, assetDir, ASSET_BASE),
      }).html
      const inBrowser = await page.evaluate(
        (html) =>
          (
            window as unknown as {
              PreviewSanitize: { sanitizePreviewHtml(h: string, p: unknown): string }
              DOMPurify: unknown
            }
          ).PreviewSanitize.sanitizePreviewHtml(
            html,
            (window as unknown as { DOMPurify: unknown }).DOMPurify,
          ),
        raw,
      )
      expect(cli[i]!.html, name).toBe(inBrowser)
    }
  }, 60_000)
})
