/**
 * The one wrapper that runs git (GitHub Desktop's `core.ts` shape): arguments, working directory,
 * timeout and expected error kinds in; stdout, stderr, exit code and a parsed error kind out.
 * Every git process of the app starts here.
 */
import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import type { GitErrorKind } from '../../../shared/git/error-kinds'
import { classifyGitError } from './errors'
import { createLineSplitter, parseProgressLine, type GitProgressLine } from './progress'
import { redact, redactArgs, removeSecrets } from './redact'

/** How git gets a token for an HTTPS remote: through the askpass helper, never on a command line. */
export interface GitAuth {
  /** The token (or password). Handed only to this git process, in its environment. */
  token: string
  /** User name answered to git's `Username for …` prompt. Most hosts accept any name with a token. */
  username: string
  /**
   * The host (and port, `host:port`) the token was saved for. The askpass helper answers only
   * prompts for it, so a redirect to another server never gets the token (G3).
   */
  host: string
  /** The askpass program git runs (see credentials.ts `askpassProgram`). */
  askpass: AskpassProgram
}

/** The askpass helper as git must run it. */
export interface AskpassProgram {
  /** Path of the executable script given to git as GIT_ASKPASS. */
  path: string
  /** Extra environment the helper needs (e.g. the Node binary to run the .cjs script with). */
  env: Record<string, string>
}

/** One line the wrapper logs per git run; credentials are already removed. */
export interface GitLogEntry {
  args: string[]
  cwd: string
  exitCode: number | null
  errorKind: GitErrorKind | null
  durationMs: number
  /** The last lines of stderr when git failed. */
  stderr: string
}

/** Receives one entry per git run. */
export type GitLogger = (entry: GitLogEntry) => void

/** Options of one git run. */
export interface GitOptions {
  cwd: string
  /** Hard limit for the whole run; git is killed on expiry and `errorKind` is `timeout`. */
  timeoutMs: number
  /** Limit on silence (no output at all); network verbs use it so a slow but moving push goes on. */
  idleTimeoutMs?: number
  /** Extra environment for this run. */
  env?: Record<string, string | undefined>
  /** Error kinds the caller handles (`all`: every failure); any other failure throws {@link GitError}. */
  expectedErrors?: readonly GitErrorKind[] | 'all'
  /** Exit codes that are not failures (default `[0]`; `merge-base --is-ancestor` uses 1 as "no"). */
  successExitCodes?: readonly number[]
  /** Receives each progress line of `--progress` output. */
  onProgress?: (progress: GitProgressLine) => void
  /** Text written to git's stdin (e.g. NUL-separated pathspecs). */
  stdin?: string
  /** Token for HTTPS remotes; also redacted from everything returned and logged. */
  auth?: GitAuth
  /** The git binary (default `git` on PATH). */
  gitPath?: string
  log?: GitLogger
  /**
   * Set for read-only calls such as status: git then takes no optional locks, so it never leaves
   * or collides with `index.lock` while the writer's own git (terminal, editor) is working.
   */
  readOnly?: boolean
  /** Keep stdout's raw bytes in `stdoutBytes` (for blobs that are not text). */
  binary?: boolean
}

/** What one git run gave. `errorKind` is null on success. */
export interface GitResult {
  stdout: string
  /** stdout's raw bytes, only when the run asked for them (`binary`): blobs such as images. */
  stdoutBytes?: Buffer
  stderr: string
  exitCode: number | null
  errorKind: GitErrorKind | null
  durationMs: number
}

/** An unexpected git failure (its kind was not in `expectedErrors`). The message has no credentials. */
export class GitError extends Error {
  constructor(
    readonly result: GitResult,
    readonly args: readonly string[],
  ) {
    super(
      `git ${args.join(' ')} failed (${result.errorKind ?? `exit ${String(result.exitCode)}`}): ${result.stderr.trim().slice(-2000)}`,
    )
    this.name = 'GitError'
  }

  /** The failure's kind, `unknown` when git's words matched nothing. */
  get kind(): GitErrorKind {
    return this.result.errorKind ?? 'unknown'
  }
}

/** Output larger than this is cut (git status of a huge repository stays far below). */
const MAX_OUTPUT = 64 * 1024 * 1024

/**
 * The environment every git run gets, over the app's own environment.
 * Each setting says why it is there.
 */
export function gitEnvironment(
  options: Pick<GitOptions, 'auth' | 'readOnly' | 'env'>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Never wait on a terminal prompt: the app has no terminal, so a prompt would hang until timeout.
    GIT_TERMINAL_PROMPT: '0',
    // English, unlocalized messages: errors.ts parses them. (The UI shows its own translations.)
    LC_ALL: 'C',
    LANG: 'C',
    // gettext would prefer LANGUAGE over LC_ALL in some setups; drop it so the C locale wins.
    LANGUAGE: undefined,
    // No colours, no cursor tricks in the output we parse.
    TERM: 'dumb',
    // Never start a pager, whatever the user's config says.
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    // Git Credential Manager must not open a dialog nobody is looking at; it fails and we ask.
    GCM_INTERACTIVE: 'never',
    // A merge or revert must never open an editor and wait for it.
    GIT_EDITOR: 'true',
    GIT_SEQUENCE_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    // Paths we pass are literal file names, never glob patterns (a post named `[draft].md` stays itself).
    GIT_LITERAL_PATHSPECS: '1',
    ...options.env,
  }
  if (options.readOnly) {
    // Read-only calls (status) must not refresh the index under a lock another git may want.
    env.GIT_OPTIONAL_LOCKS = '0'
  }
  if (options.auth) {
    // git asks this program for the user name and token; the token travels in this process's
    // environment only — never on a command line (visible in `ps`), a URL or .git/config.
    env.GIT_ASKPASS = options.auth.askpass.path
    env.PORTAL_WRITER_ASKPASS_USERNAME = options.auth.username
    env.PORTAL_WRITER_ASKPASS_TOKEN = options.auth.token
    env.PORTAL_WRITER_ASKPASS_HOST = options.auth.host
    Object.assign(env, options.auth.askpass.env)
    // SSH_ASKPASS is not ours to answer for; keep git from using it for HTTPS.
    delete env.SSH_ASKPASS
  }
  for (const key of Object.keys(env)) {
    // A user's debugging variables would print HTTP headers (Authorization included) and
    // packet traces into the stderr we show and log: git runs without them, always (G3).
    if (env[key] === undefined || TRACE_VARIABLE.test(key)) delete env[key]
  }
  return env
}

/** git's and curl's tracing variables, removed from git's environment (any case: Windows). */
const TRACE_VARIABLE = /^(GIT_TRACE|GIT_CURL_VERBOSE$)/i

/** Verbs that talk to a remote over HTTP. */
const NETWORK_VERBS = new Set(['fetch', 'push', 'ls-remote'])

/**
 * The `http.<url>.followRedirects` keys set anywhere in git's configuration. git prefers a key
 * naming the URL over the plain `http.followRedirects` the wrapper gives, so each is given again,
 * on the command line (read last: it wins among equals), with the wrapper's value.
 */
async function urlRedirectKeys(options: GitOptions): Promise<string[]> {
  const raw = await run(['config', '-z', '--get-regexp', '^http\\..+\\.followredirects$'], {
    cwd: options.cwd,
    gitPath: options.gitPath,
    env: options.env,
    timeoutMs: 10_000,
    readOnly: true,
  })
  if (raw.spawnError || raw.exitCode !== 0) return []
  return (
    raw.stdout
      .split('\0')
      .map((entry) => entry.split('\n')[0]!)
      // `-c` splits at the first `=`: a key holding one cannot be given back (git would misread it).
      .filter((key) => key !== '' && !key.includes('='))
  )
}

/** Arguments placed before the subcommand. */
async function globalArgs(options: GitOptions, verb: string | undefined): Promise<string[]> {
  // A redirect must not carry a request (and a token) to another server: a fetch follows one only
  // for its first request, a push none at all (G3), whatever URL-specific setting says otherwise.
  const follow = verb === 'push' ? 'false' : 'initial'
  const args = ['-c', `http.followRedirects=${follow}`]
  if (verb && NETWORK_VERBS.has(verb))
    for (const key of await urlRedirectKeys(options)) args.push('-c', `${key}=${follow}`)
  if (options.auth) {
    // With our token, neither ask a configured credential helper nor let it store the token in
    // plaintext (`credential.helper=store`): an empty value resets the helper list.
    args.push('-c', 'credential.helper=')
  }
  return args
}

/**
 * Runs git and returns what it printed. Never throws for expected failures; throws
 * {@link GitError} for failures whose kind is not in `expectedErrors` (including `git-missing` and
 * `timeout` unless expected).
 */
export async function git(args: readonly string[], options: GitOptions): Promise<GitResult> {
  const started = performance.now()
  const secrets = options.auth ? [options.auth.token] : []
  const fullArgs = [...(await globalArgs(options, args[0])), ...args]
  const raw = await run(fullArgs, options)
  // stdout is data (e.g. `remote get-url`, which G8 detection must see whole): only the token we
  // handed over is removed. stderr is prose for messages and logs: every credential goes.
  const stdout = removeSecrets(raw.stdout, secrets)
  const stderr = redact(raw.stderr, secrets)
  const success = options.successExitCodes ?? [0]
  let errorKind: GitErrorKind | null = null
  // Node reports a missing working directory as ENOENT too: tell it apart from a missing git.
  if (raw.spawnError)
    errorKind = (await isDirectory(options.cwd)) ? 'git-missing' : 'not-a-repository'
  else if (raw.timedOut) errorKind = 'timeout'
  else if (raw.exitCode === null || !success.includes(raw.exitCode))
    errorKind = classifyGitError(stderr, stdout) ?? 'unknown'
  const result: GitResult = {
    stdout,
    ...(options.binary ? { stdoutBytes: raw.stdoutBytes } : {}),
    stderr,
    exitCode: raw.exitCode,
    errorKind,
    durationMs: performance.now() - started,
  }
  const shownArgs = redactArgs(fullArgs, secrets)
  options.log?.({
    args: shownArgs,
    cwd: options.cwd,
    exitCode: raw.exitCode,
    errorKind,
    durationMs: Math.round(result.durationMs),
    stderr: errorKind ? stderr.trim().split('\n').slice(-6).join('\n') : '',
  })
  const expected = options.expectedErrors ?? []
  if (errorKind && expected !== 'all' && !expected.includes(errorKind))
    throw new GitError(result, shownArgs)
  return result
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

interface RawRun {
  stdout: string
  stdoutBytes: Buffer
  stderr: string
  exitCode: number | null
  timedOut: boolean
  spawnError: boolean
}

function run(args: string[], options: GitOptions): Promise<RawRun> {
  return new Promise((resolve) => {
    const posix = process.platform !== 'win32'
    let child: ReturnType<typeof spawn>
    try {
      child = spawn(options.gitPath ?? 'git', args, {
        cwd: options.cwd,
        env: gitEnvironment(options),
        // stdin is closed unless we feed it: git can never wait for typed input.
        stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        // Its own process group (and no controlling terminal), so a timeout kills git and the
        // helpers it started (git-remote-https, ssh, askpass) together.
        detached: posix,
        windowsHide: true,
      })
    } catch {
      resolve({
        stdout: '',
        stdoutBytes: Buffer.alloc(0),
        stderr: '',
        exitCode: null,
        timedOut: false,
        spawnError: true,
      })
      return
    }
    const out: Buffer[] = []
    const err: Buffer[] = []
    let outBytes = 0
    let timedOut = false
    let settled = false
    const kill = () => {
      try {
        if (posix && child.pid) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // Already gone.
      }
    }
    const expire = () => {
      timedOut = true
      kill()
    }
    const hard = setTimeout(expire, options.timeoutMs)
    let idle: NodeJS.Timeout | undefined
    const touch = () => {
      if (options.idleTimeoutMs === undefined) return
      if (idle) clearTimeout(idle)
      idle = setTimeout(expire, options.idleTimeoutMs)
    }
    touch()
    const lines = createLineSplitter((line) => {
      const p = parseProgressLine(line)
      if (p) options.onProgress?.(p)
    })
    child.stdout!.on('data', (chunk: Buffer) => {
      touch()
      outBytes += chunk.length
      if (outBytes <= MAX_OUTPUT) out.push(chunk)
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      touch()
      err.push(chunk)
      if (options.onProgress) lines.push(chunk.toString('utf8'))
    })
    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => {})
      child.stdin.end(options.stdin)
    }
    const finish = (exitCode: number | null, spawnError: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(hard)
      if (idle) clearTimeout(idle)
      lines.flush()
      const bytes = Buffer.concat(out)
      resolve({
        stdout: bytes.toString('utf8'),
        stdoutBytes: bytes,
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode,
        timedOut,
        spawnError,
      })
    }
    child.on('error', (e: NodeJS.ErrnoException) => {
      // ENOENT / EACCES: the git binary is missing or not executable (G9).
      finish(null, e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOTDIR')
    })
    child.on('close', (code) => finish(timedOut ? null : code, false))
  })
}

/** A repository to run verbs in, with the settings every run shares. */
export interface GitContext {
  /** The working tree's root. */
  cwd: string
  /** The git binary (default `git` on PATH). */
  gitPath?: string
  log?: GitLogger
  /** Limit for local verbs (default {@link LOCAL_TIMEOUT_MS}). */
  timeoutMs?: number
  /** Environment every run in this context gets (e.g. `GIT_INDEX_FILE` for a temporary index). */
  env?: Record<string, string>
}

/** Network settings for fetch and push. */
export interface NetworkOptions {
  auth?: GitAuth
  onProgress?: (progress: GitProgressLine) => void
  /** Hard limit (default {@link NETWORK_TIMEOUT_MS}). */
  timeoutMs?: number
  /** Limit on silence (default {@link NETWORK_IDLE_TIMEOUT_MS}). */
  idleTimeoutMs?: number
}

/** Default limit for local git verbs (status, commit, switch): generous, since hooks may run. */
export const LOCAL_TIMEOUT_MS = 60_000
/** Default hard limit for fetch and push: a big image upload on a slow line still fits. */
export const NETWORK_TIMEOUT_MS = 10 * 60_000
/** Default limit on a network verb's silence: git prints progress at least every second while moving. */
export const NETWORK_IDLE_TIMEOUT_MS = 45_000

/** Runs git in a context's repository with its shared settings. */
export function gitIn(
  ctx: GitContext,
  args: readonly string[],
  options: Partial<GitOptions> = {},
): Promise<GitResult> {
  return git(args, {
    gitPath: ctx.gitPath,
    log: ctx.log,
    timeoutMs: ctx.timeoutMs ?? LOCAL_TIMEOUT_MS,
    ...options,
    env: ctx.env ? { ...ctx.env, ...options.env } : options.env,
    cwd: ctx.cwd,
  })
}
