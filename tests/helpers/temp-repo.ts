/**
 * Temp folders, repositories and post files for tests of the main-process services.
 * Everything lives under `os.tmpdir()`; git runs with its identity in the environment, never
 * touching global config.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Document } from 'yaml'

const made: string[] = []

/** A fresh temp folder, removed by {@link removeTempDirs}. */
export async function makeTempDir(prefix = 'pw-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Removes every folder made by {@link makeTempDir} (call in `afterAll`). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

/** Writes files (repository-relative paths with `/`) under a root, making folders as needed. */
export async function writeFiles(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, ...rel.split('/'))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, content)
  }
}

/** Front matter fields for {@link postText}. */
export interface PostFields {
  title?: unknown
  date?: unknown
  tags?: unknown
  published?: unknown
  eyecatch?: unknown
  [key: string]: unknown
}

/** A post file's text: YAML front matter from `fields`, then the body. */
export function postText(fields: PostFields, body = '本文です。\n'): string {
  const yaml = new Document(fields).toString({ lineWidth: 0 })
  return `---\n${yaml}---\n\n${body}`
}

/** The default profile's path of a post: `source/blog/YYYY-MM-DD-slug.html.md`. */
export function postPathFor(date: string, slug: string): string {
  return `source/blog/${date}-${slug}.html.md`
}

/** A temp folder holding `files`; a git repository with one commit when `git` is set. */
export async function makeTempRepo(
  files: Record<string, string | Uint8Array> = {},
  options: { git?: boolean } = {},
): Promise<string> {
  const root = await makeTempDir('pw-repo-')
  await writeFiles(root, files)
  if (options.git) {
    await runGit(root, ['init', '-q'])
    await runGit(root, ['symbolic-ref', 'HEAD', 'refs/heads/main'])
    await runGit(root, ['add', '-A'])
    await runGit(root, ['commit', '-q', '--allow-empty', '-m', 'initial'])
  }
  return root
}

/** Runs git in `cwd` with a test identity; resolves stdout, rejects with stderr. */
export function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Test',
          GIT_AUTHOR_EMAIL: 'test@example.invalid',
          GIT_COMMITTER_NAME: 'Test',
          GIT_COMMITTER_EMAIL: 'test@example.invalid',
          GIT_TERMINAL_PROMPT: '0',
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    )
  })
}

/** A small sample blog source folder (stands in for `resources/sample-blog` in tests). */
export async function makeSampleSource(): Promise<string> {
  const dir = await makeTempDir('pw-sample-src-')
  await writeFiles(dir, {
    'README.md': '# Sample blog\n',
    'source/blog/2025-01-10-hello-world.html.md': postText(
      {
        title: 'はじめての記事',
        date: '2025-01-10T10:00:00+09:00',
        tags: ['お知らせ'],
        authors: ['pepabo'],
        published: true,
      },
      '# こんにちは\n\nサンプルの本文です。\n',
    ),
    'source/blog/2025-01-10-hello-world/eyecatch.png': new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]),
  })
  return dir
}

/** Polls until `probe` returns something truthy; rejects after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`waitFor: nothing after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
