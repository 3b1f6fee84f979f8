/** Builders of real temp repositories for the git and publish tests (GitHub Desktop's `makeCommit` idea). */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { DEFAULT_PROFILE } from '../../../../../src/shared/profile'
import {
  askpassProgram,
  createFileTokenStore,
  type TokenStore,
} from '../../../../../src/main/services/publish/credentials'
import {
  createPublishService,
  type PublishService,
  type PublishServiceOptions,
} from '../../../../../src/main/services/publish/service'
import type { PublishProgress } from '../../../../../src/shared/publish'

const execFileP = promisify(execFile)

/** The project root. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../../..', import.meta.url)).replace(
  /\/$/,
  '',
)
/** Where the askpass helper lives. */
export const ASKPASS_DIR = join(PROJECT_ROOT, 'resources/askpass')

/** Runs git in a folder for test setup (plain git, not the app's wrapper). */
export async function sh(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileP('git', args, {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

/** A fresh temp folder, removed by the returned function. */
export async function tempDir(prefix = 'pw-git-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

/** Writes a file, creating folders. */
export async function put(root: string, rel: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, rel)), { recursive: true })
  await writeFile(join(root, rel), content)
}

/** A post's path and asset folder under the default profile. */
export function postPaths(slug: string, date = '2025-01-15'): { path: string; assetDir: string } {
  return { path: `source/blog/${date}-${slug}.html.md`, assetDir: `source/blog/${date}-${slug}` }
}

/** Writes a post with front matter and `images` small PNG-like files in its asset folder. */
export async function writePost(
  root: string,
  slug: string,
  options: {
    title?: string
    body?: string
    images?: number
    date?: string
    /** Tags of the front matter (default one tag; null writes none, a \`tags-missing\` warning). */
    tags?: string[] | null
  } = {},
) {
  const { path, assetDir } = postPaths(slug, options.date)
  const title = options.title ?? `テスト記事 ${slug}`
  const tags =
    options.tags === null
      ? ''
      : `tags:\n${(options.tags ?? ['テスト']).map((t) => `  - ${t}\n`).join('')}`
  await put(
    root,
    path,
    `---\ntitle: ${title}\ndate: 2025-01-15T10:00:00+09:00\nauthors:\n  - writer\n${tags}---\n\n${options.body ?? '本文です。'}\n`,
  )
  for (let i = 1; i <= (options.images ?? 0); i++) {
    await put(
      root,
      `${assetDir}/image-${i}.png`,
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(20_000)]),
    )
  }
  return { path, assetDir, title }
}

/** A blog repository with one published post and a README, pushed to `remoteUrl` as `origin/main`. */
export async function makeBlogRepo(
  remoteUrl: string,
  options: { pushAuth?: string[] } = {},
): Promise<string> {
  const root = await initRepo('pw-blog-')
  await put(root, 'README.md', '# Blog\n')
  await put(root, 'config.rb', 'activate :blog\n')
  await writePost(root, 'hello-world', { title: 'Hello', images: 1, date: '2024-12-01' })
  await sh(root, 'add', '-A')
  await sh(root, 'commit', '--quiet', '-m', 'Initial blog')
  await sh(root, 'remote', 'add', 'origin', remoteUrl)
  await sh(root, ...(options.pushAuth ?? []), 'push', '--quiet', '-u', 'origin', 'main')
  return root
}

/** An empty repository on `main` in a new temp folder, with a committer identity of its own. */
export async function initRepo(prefix = 'pw-git-'): Promise<string> {
  const root = await tempDir(prefix)
  await sh(root, 'init', '--quiet', '--initial-branch=main')
  await sh(root, 'config', 'user.name', 'Test Writer')
  await sh(root, 'config', 'user.email', 'writer@example.com')
  return root
}

/** A bare repository on disk (a "local remote"). */
export async function makeBareRemote(): Promise<string> {
  const dir = await tempDir('pw-bare-')
  await sh(dir, 'init', '--quiet', '--bare', '--initial-branch=main')
  return dir
}

/** Git arguments that let a setup command push to the test HTTP server with a token. */
export function tokenPushArgs(token: string): string[] {
  // Setup only: a credential helper answering from a shell function (tests' own plumbing).
  return [
    '-c',
    `credential.helper=!f() { echo username=x-access-token; echo password=${token}; }; f`,
  ]
}

/** A reversible encryption standing in for Electron's safeStorage. */
export function testEncryption(): { encrypt(s: string): Buffer; decrypt(b: Buffer): string } {
  const key = randomBytes(32)
  return {
    encrypt(s) {
      // AES-CTR-like stream from a keyed XOR is enough to prove "not plaintext" and reversibility.
      const data = Buffer.from(s, 'utf8')
      return Buffer.from(data.map((b, i) => b ^ key[i % key.length]!))
    },
    decrypt(b) {
      return Buffer.from(b.map((x, i) => x ^ key[i % key.length]!)).toString('utf8')
    },
  }
}

/** A publish service on a repository, collecting logs and progress. */
export async function makeService(
  root: string,
  overrides: Partial<PublishServiceOptions> & {
    tokens?: TokenStore
    profile?: Partial<typeof DEFAULT_PROFILE> & Record<string, unknown>
  } = {},
): Promise<{
  service: PublishService
  logs: string[]
  progress: PublishProgress[]
  tokens: TokenStore
  tokenFile: string
}> {
  const logs: string[] = []
  const progress: PublishProgress[] = []
  // Inside .git, so it goes with the repository; it holds tokens only encrypted, which tests check.
  const tokenFile = join(root, '.git', 'portal-writer-test-tokens.json')
  const tokens =
    overrides.tokens ?? createFileTokenStore({ file: tokenFile, encryption: testEncryption() })
  const profile = { ...DEFAULT_PROFILE, ...overrides.profile }
  const service = createPublishService({
    repo: () => ({ root, profile }),
    tokens,
    askpass: () => askpassProgram({ resourcesDir: ASKPASS_DIR }),
    emitProgress: (p) => progress.push(p),
    log: (line) => logs.push(line),
    timeouts: { networkIdleMs: 10_000, networkMs: 30_000, localMs: 20_000 },
    ...overrides,
  })
  return { service, logs, progress, tokens, tokenFile }
}

/** Every file under a folder (the `.git` folder included), for "the token is nowhere" checks. */
export async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string) => {
    for (const name of await readdir(d)) {
      const p = join(d, name)
      const s = await stat(p).catch(() => null)
      if (!s) continue
      if (s.isDirectory()) await walk(p)
      else out.push(p)
    }
  }
  await walk(dir)
  return out
}

/** Whether any file under `dir` contains `needle` (raw bytes). */
export async function anyFileContains(dir: string, needle: string): Promise<string | null> {
  for (const f of await allFiles(dir)) {
    const buf = await readFile(f)
    if (buf.includes(Buffer.from(needle))) return f
  }
  return null
}

/** Removes temp folders. */
export async function cleanup(...dirs: Array<string | undefined>): Promise<void> {
  await Promise.all(dirs.filter(Boolean).map((d) => rm(d!, { recursive: true, force: true })))
}

/** A token-shaped secret unique to a test run. */
export function newToken(): string {
  return `ghp_${randomBytes(18).toString('hex')}`
}

/**
 * A colleague's commit on the remote's `branch` (default main): clones, writes the files, commits
 * as someone else and pushes. Returns the new commit.
 */
export async function colleagueCommit(
  remote: string,
  files: Record<string, string>,
  message: string,
  options: { branch?: string; pushArgs?: string[] } = {},
): Promise<string> {
  const other = await tempDir('pw-colleague-')
  try {
    const branch = options.branch ?? 'main'
    const auth = options.pushArgs ?? []
    await sh(other, ...auth, 'clone', '--quiet', '--branch', branch, remote, '.')
    for (const [path, text] of Object.entries(files)) await put(other, path, text)
    await sh(other, 'add', '-A')
    await sh(
      other,
      '-c',
      'user.name=Colleague',
      '-c',
      'user.email=c@example.com',
      'commit',
      '--quiet',
      '-m',
      message,
    )
    await sh(other, ...auth, 'push', '--quiet', 'origin', branch)
    return (await sh(other, 'rev-parse', 'HEAD')).trim()
  } finally {
    await cleanup(other)
  }
}
