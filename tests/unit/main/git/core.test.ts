import { access, chmod, constants, copyFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { git, GitError, type GitLogEntry } from '../../../../src/main/services/git/core'
import {
  askpassProgram,
  createFileTokenStore,
  createMemoryTokenStore,
} from '../../../../src/main/services/publish/credentials'
import { checkGitVersion } from '../../../../src/main/services/git/version'
import { ASKPASS_DIR, cleanup, sh, tempDir, testEncryption } from './fixtures'

/** Runs a shell command as a git alias, so it sees exactly the environment git got. */
const alias = (name: string, script: string) => ['-c', `alias.${name}=!${script}`, name]

describe('the git wrapper', () => {
  let dir: string
  beforeEach(async () => {
    dir = await tempDir('pw-core-')
    await sh(dir, 'init', '--quiet')
  })
  afterEach(() => cleanup(dir))

  it('sets the environment that keeps git from waiting and makes its words parseable', async () => {
    const r = await git(alias('showenv', 'env'), { cwd: dir, timeoutMs: 10_000 })
    const env = Object.fromEntries(
      r.stdout.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
    expect(env).toMatchObject({
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      LANG: 'C',
      TERM: 'dumb',
      GCM_INTERACTIVE: 'never',
      GIT_PAGER: 'cat',
    })
    expect(env.GIT_ASKPASS).toBeUndefined()
    expect(env.PORTAL_WRITER_ASKPASS_TOKEN).toBeUndefined()
    expect(env.GIT_OPTIONAL_LOCKS).toBeUndefined()
    const ro = await git(alias('showenv', 'env'), { cwd: dir, timeoutMs: 10_000, readOnly: true })
    expect(ro.stdout).toContain('GIT_OPTIONAL_LOCKS=0')
  })

  it('hands a token to git only through askpass and its own environment, never in arguments or logs', async () => {
    const token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'
    const logs: GitLogEntry[] = []
    const askpass = await askpassProgram({ resourcesDir: ASKPASS_DIR })
    const r = await git(
      alias(
        'ask',
        '"$GIT_ASKPASS" "Password for \'https://x-access-token@example.com\': "; "$GIT_ASKPASS" "Username for \'https://example.com\': "',
      ),
      {
        cwd: dir,
        timeoutMs: 10_000,
        auth: { token, username: 'x-access-token', host: 'example.com', askpass },
        log: (e) => logs.push(e),
      },
    )
    // The askpass answered with the token (redacted in what we get back) and the user name.
    expect(r.stdout).toBe('***\nx-access-token\n')
    expect(JSON.stringify(logs)).not.toContain(token)
    expect(logs[0]!.args).toEqual([
      '-c',
      'http.followRedirects=initial',
      '-c',
      'credential.helper=',
      ...alias(
        'ask',
        '"$GIT_ASKPASS" "Password for \'https://x-access-token@example.com\': "; "$GIT_ASKPASS" "Username for \'https://example.com\': "',
      ),
    ])
  })

  it('kills git on timeout and says so', async () => {
    const started = Date.now()
    await expect(git(alias('slow', 'sleep 5'), { cwd: dir, timeoutMs: 300 })).rejects.toMatchObject(
      { kind: 'timeout' },
    )
    const r = await git(alias('slow', 'sleep 5'), {
      cwd: dir,
      timeoutMs: 300,
      expectedErrors: ['timeout'],
    })
    expect(r.errorKind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('an idle limit stops a silent git but not one that keeps reporting', async () => {
    const talking = await git(
      alias(
        'talk',
        'for i in 1 2 3 4 5; do echo "Writing objects:  $((i*20))% ($i/5)" >&2; sleep 0.2; done',
      ),
      {
        cwd: dir,
        timeoutMs: 10_000,
        idleTimeoutMs: 600,
        onProgress: () => {},
      },
    )
    expect(talking.errorKind).toBeNull()
    const silent = await git(alias('silent', 'sleep 3'), {
      cwd: dir,
      timeoutMs: 10_000,
      idleTimeoutMs: 300,
      expectedErrors: ['timeout'],
    })
    expect(silent.errorKind).toBe('timeout')
  })

  it('reports progress lines as git prints them', async () => {
    const seen: Array<number | null> = []
    await git(
      alias(
        'prog',
        'printf "Writing objects:  50%% (1/2)\\rWriting objects: 100%% (2/2), done.\\n" >&2',
      ),
      {
        cwd: dir,
        timeoutMs: 10_000,
        onProgress: (p) => seen.push(p.percent),
      },
    )
    expect(seen).toEqual([50, 100])
  })

  it('G9: a missing git binary, and a missing folder, are told apart', async () => {
    await expect(
      git(['status'], { cwd: dir, timeoutMs: 5000, gitPath: '/nonexistent/git' }),
    ).rejects.toMatchObject({ kind: 'git-missing' })
    const r = await git(['status'], {
      cwd: join(dir, 'nope'),
      timeoutMs: 5000,
      expectedErrors: 'all',
    })
    expect(r.errorKind).toBe('not-a-repository')
    expect(await checkGitVersion('/nonexistent/git')).toEqual({ kind: 'missing' })
    expect((await checkGitVersion()).kind).toBe('ok')
  })

  it('throws GitError for unexpected failures, returns expected ones', async () => {
    const outside = await tempDir('pw-norepo-')
    try {
      const e = await git(['status'], { cwd: outside, timeoutMs: 5000 }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(GitError)
      expect((e as GitError).kind).toBe('not-a-repository')
      const r = await git(['status'], {
        cwd: outside,
        timeoutMs: 5000,
        expectedErrors: ['not-a-repository'],
      })
      expect(r.exitCode).toBe(128)
    } finally {
      await cleanup(outside)
    }
  })
})

describe('token stores and the askpass helper', () => {
  it('without OS encryption, keeps tokens in memory only and says so', async () => {
    const dir = await tempDir('pw-tok-')
    const file = join(dir, 'tokens.json')
    const store = createFileTokenStore({ file })
    expect(store.protection).toBe('memory')
    await store.set('github.com', 'secret-token-value')
    expect(await store.get('https://GitHub.com/')).toBe('secret-token-value')
    await expect(access(file)).rejects.toThrow()
    expect(createMemoryTokenStore().protection).toBe('memory')
    await cleanup(dir)
  })

  it('marks a fixed-key obfuscation as weak, and survives a new store on the same file', async () => {
    const dir = await tempDir('pw-tok-')
    const file = join(dir, 'tokens.json')
    const enc = { ...testEncryption(), weak: true }
    const a = createFileTokenStore({ file, encryption: enc })
    expect(a.protection).toBe('weak')
    await Promise.all([a.set('a.example', 'token-aaaaaa'), a.set('b.example', 'token-bbbbbb')])
    const b = createFileTokenStore({ file, encryption: enc })
    expect(await b.get('a.example')).toBe('token-aaaaaa')
    expect(await b.get('b.example')).toBe('token-bbbbbb')
    expect(await readFile(file, 'utf8')).not.toContain('token-')
    await cleanup(dir)
  })

  it('copies the askpass launcher when packaging lost its executable bit', async () => {
    const dir = await tempDir('pw-askpass-')
    await mkdir(join(dir, 'res'))
    await copyFile(join(ASKPASS_DIR, 'askpass.sh'), join(dir, 'res/askpass.sh'))
    await chmod(join(dir, 'res/askpass.sh'), 0o644)
    const program = await askpassProgram({ resourcesDir: join(dir, 'res') })
    expect(program.path).not.toBe(join(dir, 'res/askpass.sh'))
    await access(program.path, constants.X_OK)
    await cleanup(dir)
  })
})
