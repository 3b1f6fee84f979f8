/**
 * Tokens for HTTPS remotes: stored encrypted by the OS keychain (Electron `safeStorage`, passed in
 * by main), handed to git only through the askpass helper (G3).
 */
import { access, chmod, constants, copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { TokenProtection } from '../../../shared/publish'
import { writeFileAtomic } from '../fs/atomic-file'
import type { AskpassProgram } from '../git/core'

/** Stores one token per host (`host` or `host:port`). */
export interface TokenStore {
  get(host: string): Promise<string | null>
  set(host: string, token: string): Promise<void>
  delete(host: string): Promise<void>
  /** How well the stored tokens are protected; the UI warns unless `keychain`. */
  readonly protection: TokenProtection
}

/** A reversible encryption such as Electron's `safeStorage.encryptString` / `decryptString`. */
export interface TokenEncryption {
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
  /**
   * True when the OS has no real keychain and the encryption is a fixed-key obfuscation
   * (Electron on Linux without a secret service: `getSelectedStorageBackend() === 'basic_text'`).
   */
  weak?: boolean
}

/** User name git gets with a token; GitHub, GitLab and Bitbucket accept any non-empty name with one. */
export const TOKEN_USERNAME = 'x-access-token'

/** Normalizes a host key: lower case, no scheme, no path, no user. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/\/.*$/, '')
}

interface TokenFile {
  version: 1
  /** host → base64 of the encrypted token. */
  tokens: Record<string, string>
}

/**
 * A token store in one JSON file holding only encrypted tokens (mode 0600, written atomically).
 * Without an encryption the tokens are kept in memory for this session only, never written in
 * plain text; `protection` then says `memory`.
 */
export function createFileTokenStore(options: {
  file: string
  encryption?: TokenEncryption
}): TokenStore {
  const { file, encryption } = options
  const memory = new Map<string, string>()
  let queue: Promise<unknown> = Promise.resolve()
  // Writes are serialized so two quick `set`s never lose one another.
  const serialized = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job)
    queue = next.catch(() => undefined)
    return next
  }

  const load = async (): Promise<TokenFile> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<TokenFile>
      if (parsed.version === 1 && parsed.tokens && typeof parsed.tokens === 'object') {
        return { version: 1, tokens: { ...parsed.tokens } }
      }
    } catch {
      // Missing or unreadable: start empty (a corrupt file only costs re-entering a token).
    }
    return { version: 1, tokens: {} }
  }

  const save = async (data: TokenFile): Promise<void> => {
    await mkdir(dirname(file), { recursive: true })
    // The shared temp-file rule: a write killed before its rename leaves a name that the data
    // folder's start-up cleanup recognises (D5). Created 0600, so the tokens are never readable.
    const written = await writeFileAtomic(file, JSON.stringify(data, null, 2), { mode: 0o600 })
    if (written.kind === 'error') throw new Error(written.message.en)
  }

  return {
    protection: encryption ? (encryption.weak ? 'weak' : 'keychain') : 'memory',
    async get(host) {
      const key = normalizeHost(host)
      if (!encryption) return memory.get(key) ?? null
      const data = await load()
      const stored = data.tokens[key]
      if (!stored) return null
      try {
        return encryption.decrypt(Buffer.from(stored, 'base64'))
      } catch {
        // Encrypted under another OS account or keychain: as good as absent.
        return null
      }
    },
    set(host, token) {
      const key = normalizeHost(host)
      if (!encryption) {
        memory.set(key, token)
        return Promise.resolve()
      }
      return serialized(async () => {
        const data = await load()
        data.tokens[key] = encryption.encrypt(token).toString('base64')
        await save(data)
      })
    },
    delete(host) {
      const key = normalizeHost(host)
      memory.delete(key)
      if (!encryption) return Promise.resolve()
      return serialized(async () => {
        const data = await load()
        if (!(key in data.tokens)) return
        delete data.tokens[key]
        await save(data)
      })
    },
  }
}

/** A token store that forgets everything when the app quits. */
export function createMemoryTokenStore(): TokenStore {
  return createFileTokenStore({ file: '' })
}

/** Options of {@link askpassProgram}. */
export interface AskpassOptions {
  /** The app's `askpass/` resources folder (`askpass.sh`, `askpass.cmd`, `askpass.cjs`). */
  resourcesDir: string
  /** A Node binary: the launcher then hands over to `askpass.cjs` run by it. */
  nodePath?: string
  /** The platform to launch for (default `process.platform`). */
  platform?: NodeJS.Platform
  /**
   * Where to copy the shell launcher if it lost its executable bit (packaging): a private folder
   * such as `<userData>/askpass`. Default: a fresh `mkdtemp` folder, never a predictable `/tmp` path.
   */
  copyDir?: string
}

/** The launcher git runs on a platform: `askpass.cmd` on Windows, `askpass.sh` elsewhere. */
export function askpassLauncherName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'askpass.cmd' : 'askpass.sh'
}

/**
 * The askpass helper git runs for HTTPS credentials (`resources/askpass/`), chosen by platform.
 *
 * `nodePath` (optional) makes the launcher hand over to `askpass.cjs` run by that Node binary;
 * without it the launcher answers by itself, which also works in a packaged app whose Electron has
 * the RunAsNode fuse off. If the shell launcher lost its executable bit (packaging), a copy with
 * the bit set is made in a private folder (see {@link AskpassOptions.copyDir}).
 */
export async function askpassProgram(options: AskpassOptions): Promise<AskpassProgram> {
  const platform = options.platform ?? process.platform
  const launcher = join(options.resourcesDir, askpassLauncherName(platform))
  const env: Record<string, string> = {}
  if (options.nodePath) env.PORTAL_WRITER_ASKPASS_NODE = options.nodePath
  // Windows runs a .cmd by its extension: no executable bit to check.
  if (platform === 'win32') return { path: launcher, env }
  try {
    await access(launcher, constants.X_OK)
    return { path: launcher, env }
  } catch {
    let dir: string
    if (options.copyDir) {
      dir = options.copyDir
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await chmod(dir, 0o700)
    } else {
      dir = await mkdtemp(join(tmpdir(), 'portal-writer-askpass-'))
    }
    const copy = join(dir, 'askpass.sh')
    await copyFile(launcher, copy)
    await chmod(copy, 0o700)
    if (options.nodePath)
      await copyFile(join(options.resourcesDir, 'askpass.cjs'), join(dir, 'askpass.cjs'))
    return { path: copy, env }
  }
}
