import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempRepo, removeTempDirs } from '../../helpers/temp-repo'
import { png, runCli } from './run-cli'

const POST = 'source/blog/2025-12-06-quotes.html.md'
const BODY = [
  '---',
  'title: quotes',
  'date: 2025-12-06T10:00:00+09:00',
  '---',
  '',
  '1. 目次',
  '{:toc}',
  '',
  '## First',
  '',
  '### Second',
  '',
  'It\'s "q"',
  '',
  '![:tada:](/images/emoji/tada.png)',
  '',
].join('\n')

interface RenderLine {
  html: string
  markdown: { source: string; options: Record<string, string>; sources: Record<string, string> }
}

async function render(repo: string): Promise<RenderLine> {
  const run = await runCli(['render', POST, '--json'], repo)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout.trim()) as RenderLine
}

let repo: string
beforeAll(async () => {
  repo = await makeTempRepo(
    {
      [POST]: BODY,
      'source/images/emoji/tada.png': await png(16, 16),
      'config.rb': [
        "activate :blog do |blog|\n  blog.sources = 'blog/{year}-{month}-{day}-{title}.html'\nend",
        'set :markdown_engine, :kramdown',
        "set :markdown, input: 'GFM', hard_wrap: false,",
        "  smart_quotes: 'lsquo,rsquo,ldquo,rdquo', toc_levels: 2..2",
        '',
      ].join('\n'),
    },
    { git: true },
  )
})
afterAll(removeTempDirs)

describe('portal-writer render with the repository’s markdown settings', () => {
  it('renders with config.rb’s options and names config.rb as their source', async () => {
    const line = await render(repo)
    expect(line.html).toContain('It’s “q”')
    // toc_levels 2..2: the h3 is not listed.
    expect(line.html).toContain('href="#first"')
    expect(line.html).not.toContain('href="#second"')
    expect(line.markdown.source).toBe('config.rb')
    expect(line.markdown.options).toMatchObject({
      smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
      toc_levels: '[2]',
      hard_wrap: 'false',
    })
    expect(line.markdown.sources).toMatchObject({
      smart_quotes: 'config.rb',
      toc_levels: 'config.rb',
      auto_ids: 'default',
    })
    // A site-root image is the file in the source folder, as on the site (profile sourceDir).
    expect(line.html).toContain('src="portal://asset/source/images/emoji/tada.png"')
  })

  it('lets the profile’s markdown: key override config.rb, key by key', async () => {
    await writeFile(
      join(repo, '.portal-writer.yml'),
      'markdown:\n  smart_quotes: apos,apos,quot,quot\n',
    )
    const line = await render(repo)
    expect(line.html).toContain('It\'s "q"')
    expect(line.html).not.toContain('href="#second"')
    expect(line.markdown.source).toBe('profile')
    expect(line.markdown.sources).toMatchObject({
      smart_quotes: 'profile',
      toc_levels: 'config.rb',
    })
  })
})

describe('a blog folder known only by its config.rb (no .git, no profile)', () => {
  it('is the repository: its settings and its source folder apply, from any folder inside it', async () => {
    const blog = await makeTempRepo({
      [POST]: BODY,
      'source/images/emoji/tada.png': await png(16, 16),
      'config.rb': "set :markdown, input: 'GFM', smart_quotes: 'lsquo,rsquo,ldquo,rdquo'\n",
    })
    const run = await runCli(
      ['render', 'blog/2025-12-06-quotes.html.md', '--json'],
      join(blog, 'source'),
    )
    expect(run.stderr).toBe('')
    const line = JSON.parse(run.stdout.trim()) as RenderLine
    expect(line.html).toContain('It’s “q”')
    expect(line.markdown.source).toBe('config.rb')
    expect(line.html).toContain('src="portal://asset/source/images/emoji/tada.png"')
  })
})
