import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { chmod, copyFile, mkdir, readFile, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  askpassLauncherName,
  askpassProgram,
} from '../../../../../src/main/services/publish/credentials'
import { git, gitEnvironment, type GitLogEntry } from '../../../../../src/main/services/git/core'
import { startGitHttpServer, type GitHttpServer } from '../../../../helpers/git-http-server'
import { ASKPASS_DIR, cleanup, newToken, sh, tempDir } from '../git/fixtures'

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'

/** Runs one askpass helper with git's prompt and the environment the wrapper gives it. */
function ask(
  program: string[],
  prompt: string,
  host: string | undefined,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      program[0]!,
      [...program.slice(1), prompt],
      {
        env: {
          PATH: process.env.PATH,
          PORTAL_WRITER_ASKPASS_USERNAME: 'x-access-token',
          PORTAL_WRITER_ASKPASS_TOKEN: TOKEN,
          ...(host === undefined ? {} : { PORTAL_WRITER_ASKPASS_HOST: host }),
        },
      },
      (error, stdout) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout }),
    )
  })
}

const HELPERS: Array<[string, string[]]> = [
  ['askpass.sh', [join(ASKPASS_DIR, 'askpass.sh')]],
  ['askpass.cjs', [process.execPath, join(ASKPASS_DIR, 'askpass.cjs')]],
]

describe.each(HELPERS)(
  '%s answers only for the host the token was saved for (G3)',
  (_n, program) => {
    it.each([
      ["Username for 'https://github.com': ", 'github.com', 'x-access-token\n'],
      ["Password for 'https://x-access-token@github.com': ", 'github.com', `${TOKEN}\n`],
      ["Password for 'https://x-access-token@GitHub.com': ", 'github.com', `${TOKEN}\n`],
      ["Password for 'http://x-access-token@127.0.0.1:8080': ", '127.0.0.1:8080', `${TOKEN}\n`],
      ["Username for 'https://ghe.example.com:8443': ", 'ghe.example.com:8443', 'x-access-token\n'],
      ["Password for 'https://u%40x@[::1]:9000': ", '[::1]:9000', `${TOKEN}\n`],
    ])('%s → answers', async (prompt, host, answer) => {
      expect(await ask(program, prompt, host)).toEqual({ code: 0, out: answer })
    })

    it.each([
      // A redirect to another host or another port of the same host.
      ["Password for 'http://x-access-token@127.0.0.1:9090': ", '127.0.0.1:8080'],
      ["Username for 'https://evil.example': ", 'github.com'],
      ["Password for 'https://x-access-token@github.com.evil.example': ", 'github.com'],
      ["Password for 'https://github.com@evil.example': ", 'github.com'],
      ["Password for 'https://x-access-token@github.com:444': ", 'github.com'],
      // No host to compare with, or no host in the prompt: nothing is said.
      ["Password for 'https://x-access-token@github.com': ", undefined],
      ["Password for 'https://x-access-token@github.com': ", ''],
      ['Password: ', 'github.com'],
    ])('%s (saved for %s) → refuses', async (prompt, host) => {
      const r = await ask(program, prompt, host)
      expect(r.code).not.toBe(0)
      expect(r.out).toBe('')
    })
  },
)

describe('the askpass launcher', () => {
  it('is askpass.cmd on Windows and askpass.sh elsewhere', async () => {
    expect(askpassLauncherName('win32')).toBe('askpass.cmd')
    expect(askpassLauncherName('linux')).toBe('askpass.sh')
    expect(askpassLauncherName('darwin')).toBe('askpass.sh')
    const win = await askpassProgram({ resourcesDir: ASKPASS_DIR, platform: 'win32' })
    expect(win.path).toBe(join(ASKPASS_DIR, 'askpass.cmd'))
    const mac = await askpassProgram({ resourcesDir: ASKPASS_DIR, platform: 'darwin' })
    expect(mac.path).toBe(join(ASKPASS_DIR, 'askpass.sh'))
    const node = await askpassProgram({
      resourcesDir: ASKPASS_DIR,
      platform: 'win32',
      nodePath: 'C:\\node.exe',
    })
    expect(node.env).toEqual({ PORTAL_WRITER_ASKPASS_NODE: 'C:\\node.exe' })
  })

  it('the Windows launcher checks the host, reads secrets from the environment only, and uses CRLF', async () => {
    const text = await readFile(join(ASKPASS_DIR, 'askpass.cmd'), 'utf8')
    const lines = text.split('\r\n')
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(lines[0]).toBe('@echo off')
    // The URL between the quotes, stripped of scheme, user and path, compared case-insensitively.
    expect(lines).toContain(`for /f "tokens=2 delims='" %%u in ("%prompt%") do set "url=%%u"`)
    expect(lines).toContain('set "host=%url:*://=%"')
    expect(lines).toContain('set "host=%host:*@=%"')
    expect(lines).toContain('if not defined PORTAL_WRITER_ASKPASS_HOST exit /b 1')
    expect(lines).toContain('if /i not "%host%"=="%PORTAL_WRITER_ASKPASS_HOST%" exit /b 1')
    // The host check comes before any answer is printed.
    const check = lines.indexOf('if /i not "%host%"=="%PORTAL_WRITER_ASKPASS_HOST%" exit /b 1')
    const print = lines.findIndex((l) => l.startsWith('echo('))
    expect(check).toBeGreaterThan(0)
    expect(print).toBeGreaterThan(check)
    expect(text).toContain('%PORTAL_WRITER_ASKPASS_TOKEN%')
    expect(text).toContain('%PORTAL_WRITER_ASKPASS_USERNAME%')
    // The Node hand-over runs the same .cjs script as on other platforms.
    expect(text).toContain('"%PORTAL_WRITER_ASKPASS_NODE%" "%~dp0askpass.cjs" %*')
  })

  it('a launcher without its executable bit is copied to a private, unpredictable folder', async () => {
    const resources = await tempDir('pw-res-')
    try {
      await copyFile(join(ASKPASS_DIR, 'askpass.sh'), join(resources, 'askpass.sh'))
      await chmod(join(resources, 'askpass.sh'), 0o644)
      const a = await askpassProgram({ resourcesDir: resources, platform: 'linux' })
      const b = await askpassProgram({ resourcesDir: resources, platform: 'linux' })
      expect(a.path).not.toBe(b.path)
      for (const p of [a.path, b.path]) {
        expect(dirname(p)).toMatch(/portal-writer-askpass-[A-Za-z0-9]{6}$/)
        expect((await stat(dirname(p))).mode & 0o777).toBe(0o700)
        expect((await stat(p)).mode & 0o777).toBe(0o700)
      }
      // With the app's data folder given, the copy lives there instead of in /tmp.
      const data = join(resources, 'data', 'askpass')
      const c = await askpassProgram({ resourcesDir: resources, platform: 'linux', copyDir: data })
      expect(c.path).toBe(join(data, 'askpass.sh'))
      expect(c.path.startsWith(tmpdir() + '/portal-writer-askpass-')).toBe(false)
      expect((await stat(data)).mode & 0o777).toBe(0o700)
      await cleanup(dirname(a.path), dirname(b.path))
    } finally {
      await cleanup(resources)
    }
  })
})

describe('git runs without tracing and with redirects limited (G3)', () => {
  it('drops GIT_TRACE*, GIT_TRACE_REDACT and GIT_CURL_VERBOSE from git’s environment', () => {
    const saved = { ...process.env }
    try {
      process.env.GIT_TRACE = '1'
      process.env.GIT_TRACE_CURL = '/tmp/curl.log'
      process.env.GIT_TRACE2_EVENT = '/tmp/t2.json'
      process.env.GIT_TRACE_REDACT = '0'
      process.env.GIT_CURL_VERBOSE = '1'
      process.env.git_trace_packet = '1'
      const env = gitEnvironment({ env: { GIT_TRACE_PACKET: '1', GIT_CURL_VERBOSE: '1' } })
      const kept = Object.keys(env).filter((k) => /^git_(trace|curl_verbose)/i.test(k))
      expect(kept).toEqual([])
      expect(env.GIT_TERMINAL_PROMPT).toBe('0')
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    }
  })

  it('a token never reaches a second server a remote redirects to', async () => {
    const token = newToken()
    const target: GitHttpServer = await startGitHttpServer({ token })
    await target.createRepo('acme/blog')
    // The first server answers every request with a 302 to the same path on the second one.
    const redirector: Server = createServer((req, res) => {
      res.writeHead(302, { Location: `${target.url}${req.url ?? '/'}` })
      res.end()
    })
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r))
    const port = (redirector.address() as AddressInfo).port
    const work = await tempDir('pw-redirect-')
    try {
      await sh(work, 'init', '--quiet')
      await sh(
        work,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@x',
        'commit',
        '--allow-empty',
        '-qm',
        'x',
      )
      const url = `http://127.0.0.1:${port}/acme/blog.git`
      const askpass = await askpassProgram({ resourcesDir: ASKPASS_DIR })
      const auth = { token, username: 'x-access-token', host: `127.0.0.1:${port}`, askpass }
      const logs: GitLogEntry[] = []
      const options = { cwd: work, timeoutMs: 30_000, auth, expectedErrors: 'all' as const }
      const fetch = await git(['ls-remote', url], { ...options, log: (e) => logs.push(e) })
      const push = await git(['push', url, 'HEAD:refs/heads/post'], {
        ...options,
        log: (e) => logs.push(e),
      })
      expect(fetch.errorKind).not.toBeNull()
      expect(push.errorKind).not.toBeNull()
      // The fetch followed the first redirect and was asked for credentials there: it got none.
      expect(target.requests.length).toBeGreaterThan(0)
      expect(target.requests.every((r) => r.user === null && !r.authorized)).toBe(true)
      // The push follows no redirect at all.
      expect(target.requests.some((r) => r.url.includes('git-receive-pack'))).toBe(false)
      expect(logs.map((l) => l.args.slice(0, 2))).toEqual([
        ['-c', 'http.followRedirects=initial'],
        ['-c', 'http.followRedirects=false'],
      ])
      expect(JSON.stringify([fetch, push, logs])).not.toContain(token)
    } finally {
      await new Promise((r) => redirector.close(r))
      await target.close()
      await cleanup(work)
    }
  })
})

describe('a URL-specific followRedirects in git’s config cannot turn redirects back on (G3)', () => {
  it('a push through a redirecting remote still follows nothing', async () => {
    const token = newToken()
    const target: GitHttpServer = await startGitHttpServer({ token })
    await target.createRepo('acme/blog')
    const redirector: Server = createServer((req, res) => {
      res.writeHead(302, { Location: `${target.url}${req.url ?? '/'}` })
      res.end()
    })
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r))
    const port = (redirector.address() as AddressInfo).port
    const work = await tempDir('pw-redirect-config-')
    try {
      const url = `http://127.0.0.1:${port}/acme/blog.git`
      await sh(work, 'init', '--quiet')
      await sh(
        work,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@x',
        'commit',
        '--allow-empty',
        '-qm',
        'x',
      )
      // More specific than the wrapper's plain http.followRedirects: git's URL matching prefers it.
      await sh(work, 'config', `http.${url}.followRedirects`, 'true')
      await sh(work, 'config', `http.http://127.0.0.1:${port}.followRedirects`, 'true')
      const askpass = await askpassProgram({ resourcesDir: ASKPASS_DIR })
      const auth = { token, username: 'x-access-token', host: `127.0.0.1:${port}`, askpass }
      const push = await git(['push', url, 'HEAD:refs/heads/post'], {
        cwd: work,
        timeoutMs: 30_000,
        auth,
        expectedErrors: 'all',
      })
      expect(push.errorKind).not.toBeNull()
      expect(target.requests).toEqual([])
    } finally {
      await new Promise((r) => redirector.close(r))
      await target.close()
      await cleanup(work)
    }
  })
})

describe('the same server is still answered', () => {
  let server: GitHttpServer
  const token = newToken()
  beforeAll(async () => {
    server = await startGitHttpServer({ token })
    await server.createRepo('acme/blog')
  })
  afterAll(() => server.close())

  it('ls-remote with the token saved for this host:port succeeds', async () => {
    const work = await tempDir('pw-same-')
    try {
      await mkdir(work, { recursive: true })
      const askpass = await askpassProgram({ resourcesDir: ASKPASS_DIR })
      const r = await git(['ls-remote', server.repoUrl('acme/blog')], {
        cwd: work,
        timeoutMs: 30_000,
        auth: { token, username: 'x-access-token', host: `127.0.0.1:${server.port}`, askpass },
      })
      expect(r.errorKind).toBeNull()
      expect(server.requests.some((q) => q.authorized)).toBe(true)
    } finally {
      await cleanup(work)
    }
  })
})
