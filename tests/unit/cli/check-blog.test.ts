/** `check` over a generated 600-post blog that displays correctly, flaws and all. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBlog, type GeneratedBlog } from '../../helpers/generate-blog'
import { makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { runMain } from './run-main'

let repo: string
let blog: GeneratedBlog

beforeAll(async () => {
  repo = await makeTempRepo()
  blog = await generateBlog(repo, 600)
}, 120_000)
afterAll(removeTempDirs)

describe('check on a published blog of 600 posts', () => {
  it('passes by default, with its flaws as warnings named by rule', async () => {
    const started = performance.now()
    const run = await runMain(['check', '--format', 'json'], repo, { LANG: 'en' })
    const seconds = (performance.now() - started) / 1000
    const report = JSON.parse(run.stdout) as {
      posts: number
      errors: number
      findings: Array<{ rule: string; severity: string }>
    }
    const count = (rule: string) => report.findings.filter((f) => f.rule === rule).length
    expect(report.posts).toBe(600)
    expect(report.errors).toBe(0)
    expect(run.code).toBe(0)
    expect(count('eyecatch-size')).toBe(blog.smallEyecatches)
    expect(count('eyecatch-ratio')).toBe(blog.wideEyecatches)
    expect(count('tags-missing')).toBe(blog.withoutTags)
    expect(count('slug-length')).toBe(blog.longSlugs)
    expect(count('excerpt-toc')).toBe(blog.tocExcerpts)
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true)
    // The figure is measured in docs/BENCHMARKS.md; this only catches a gross slowdown.
    expect(seconds).toBeLessThan(60)
  }, 120_000)

  it('fails when a rule is raised to error, and drops a rule set to off', async () => {
    await writeFile(
      join(repo, '.portal-writer.yml'),
      'check:\n  eyecatch-size: error\n  eyecatch-ratio: off\n',
    )
    const run = await runMain(['check', '--lang', 'en'], repo)
    expect(run.code).toBe(1)
    expect(run.lines.at(-1)).toMatch(
      new RegExp(`^Checked 600 posts: ${blog.smallEyecatches} errors, \\d+ warnings$`),
    )
    expect(run.stdout).not.toContain('[eyecatch-ratio]')
    expect(run.lines.at(-2)).toMatch(/^By rule: .*eyecatch-size \d+/)
  }, 120_000)
})
