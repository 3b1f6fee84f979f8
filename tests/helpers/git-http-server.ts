/**
 * A real HTTP git remote on 127.0.0.1 for tests and benchmarks: a Node `http` server that checks
 * Basic auth and runs `git http-backend` (CGI) for every request. Repositories live under a temp
 * folder at `<root>/<owner>/<repo>.git`, served at `http://127.0.0.1:<port>/<owner>/<repo>.git`.
 *
 * Switches simulate failures: `mode = 'reject-auth'` (401 for everyone), `'reset'` (connection
 * dropped at once), `'hang'` (never answers), `goOffline()` (connection refused on the same port),
 * and `createRepo(…, { protectedBranches })` installs a pre-receive hook that declines pushes to
 * those branches with GitHub's GH006 words.
 */
import { spawn, execFile } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile, chmod } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The CGI program; Debian ships it here. */
export const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend'

/** How the server behaves. */
export type ServerMode = 'ok' | 'reject-auth' | 'reset' | 'hang'

/** One request the server saw. */
export interface SeenRequest {
  method: string
  /** Path and query as requested (credentials must never be here). */
  url: string
  /** The Basic-auth user name sent, or null. */
  user: string | null
  authorized: boolean
}

/** A running server. */
export interface GitHttpServer {
  readonly url: string
  readonly port: number
  /** Folder holding the bare repositories. */
  readonly root: string
  mode: ServerMode
  readonly requests: SeenRequest[]
  /** Creates a bare repository `<owner>/<repo>.git` with `main` as HEAD; returns its folder. */
  createRepo(name: string, options?: { protectedBranches?: string[] }): Promise<string>
  /** The repository's clone URL (no credentials in it). */
  repoUrl(name: string): string
  /** Stops listening: clients get "connection refused" on the same port. */
  goOffline(): Promise<void>
  /** Listens again on the same port. */
  goOnline(): Promise<void>
  close(): Promise<void>
}

/** Options of {@link startGitHttpServer}. */
export interface GitHttpServerOptions {
  /** Accepted Basic-auth user name (any name when omitted). */
  user?: string
  /** Accepted password/token. */
  token: string
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const root = await mkdtemp(join(tmpdir(), 'pw-git-http-'))
  const sockets = new Set<Socket>()
  const requests: SeenRequest[] = []
  const state = { mode: 'ok' as ServerMode }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const auth = parseBasicAuth(req.headers.authorization)
    const authorized =
      state.mode !== 'reject-auth' &&
      auth !== null &&
      auth.password === options.token &&
      (options.user === undefined || auth.user === options.user)
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      user: auth?.user ?? null,
      authorized,
    })
    if (state.mode === 'reset') {
      req.socket.destroy()
      return
    }
    if (state.mode === 'hang') return // never answers; the client's timeout must fire
    if (!authorized) {
      req.resume()
      res.writeHead(401, {
        'WWW-Authenticate': 'Basic realm="portal-writer-test"',
        'Content-Type': 'text/plain',
      })
      res.end('Unauthorized\n')
      return
    }
    runBackend(root, auth!.user, req, res)
  }

  const server: Server = createServer(handler)
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const port = address.port
  const url = `http://127.0.0.1:${port}`

  const dropConnections = () => {
    for (const s of sockets) s.destroy()
    sockets.clear()
  }

  return {
    url,
    port,
    root,
    requests,
    get mode() {
      return state.mode
    },
    set mode(m: ServerMode) {
      state.mode = m
    },
    async createRepo(name, repoOptions = {}) {
      const dir = join(root, `${name}.git`)
      await mkdir(dir, { recursive: true })
      await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir])
      await run('git', ['-C', dir, 'config', 'http.receivepack', 'true'])
      if (repoOptions.protectedBranches?.length) {
        const refs = repoOptions.protectedBranches.map((b) => `refs/heads/${b}`).join(' ')
        const hook = join(dir, 'hooks', 'pre-receive')
        await writeFile(
          hook,
          [
            '#!/bin/sh',
            `protected=" ${refs} "`,
            'while read old new ref; do',
            '  case "$protected" in *" $ref "*)',
            '    echo "error: GH006: Protected branch update failed for $ref." >&2',
            '    echo "error: Changes must be made through a pull request." >&2',
            '    exit 1 ;;',
            '  esac',
            'done',
            'exit 0',
            '',
          ].join('\n'),
        )
        await chmod(hook, 0o755)
      }
      return dir
    },
    repoUrl(name) {
      return `${url}/${name}.git`
    },
    async goOffline() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        dropConnections()
      })
    },
    async goOnline() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject)
          resolve()
        })
      })
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        dropConnections()
      })
      await rm(root, { recursive: true, force: true })
    },
  }
}

/** Decodes an `Authorization: Basic …` header. */
function parseBasicAuth(header: string | undefined): { user: string; password: string } | null {
  if (!header?.startsWith('Basic ')) return null
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return null
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** Runs `git http-backend` for one request as a CGI program and relays its answer. */
function runBackend(root: string, user: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    // The server side must not read the test machine's own git config.
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.replace(/^\?/, ''),
    REQUEST_METHOD: req.method ?? 'GET',
    REMOTE_USER: user,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    SERVER_PROTOCOL: 'HTTP/1.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
  }
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length']
  if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = req.headers['content-encoding']
  const protocol = req.headers['git-protocol']
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol
  const child = spawn(HTTP_BACKEND, [], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  req.pipe(child.stdin)
  child.stdin.on('error', () => {})
  let head = Buffer.alloc(0)
  let headersSent = false
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk)
      return
    }
    head = Buffer.concat([head, chunk])
    const end = findHeaderEnd(head)
    if (!end) return
    const headerText = head.subarray(0, end.index).toString('latin1')
    let status = 200
    const headers: Record<string, string> = {}
    for (const line of headerText.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon < 0) continue
      const name = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200
      else headers[name] = value
    }
    res.writeHead(status, headers)
    headersSent = true
    const body = head.subarray(end.index + end.length)
    if (body.length) res.write(body)
  })
  child.stderr.on('data', () => {})
  child.on('close', () => {
    if (!headersSent) res.writeHead(500)
    res.end()
  })
  child.on('error', () => {
    if (!headersSent) res.writeHead(500)
    res.end()
  })
}

function findHeaderEnd(buf: Buffer): { index: number; length: number } | null {
  const crlf = buf.indexOf('\r\n\r\n')
  const lf = buf.indexOf('\n\n')
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { index: crlf, length: 4 }
  if (lf >= 0) return { index: lf, length: 2 }
  return null
}
