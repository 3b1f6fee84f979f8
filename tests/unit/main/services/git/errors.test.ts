import { describe, expect, it } from 'vitest'
import {
  classifyGitError,
  compareVersions,
  describeGitError,
  parseGitVersion,
} from '../../../../../src/main/services/git/errors'
import { gitErrorKindSchema, type GitErrorKind } from '../../../../../src/shared/publish'

describe('classifyGitError: git’s words (LC_ALL=C) → error kind', () => {
  it.each<[string, GitErrorKind | null]>([
    // G1
    [
      " ! [rejected]        post/x -> post/x (fetch first)\nerror: failed to push some refs to 'https://github.com/o/r.git'\nhint: Updates were rejected because the remote contains work that you do",
      'push-rejected',
    ],
    [
      ' ! [rejected]        main -> main (non-fast-forward)\nhint: Updates were rejected because the tip of your current branch is behind',
      'push-rejected',
    ],
    // D7: our disk is read-only (before the lock words it shares); a server's disk is not ours
    ["error: cannot open '.git/FETCH_HEAD': Read-only file system", 'read-only-disk'],
    [
      "fatal: cannot lock ref 'refs/heads/post/x': unable to create directory for .git/refs/heads/post/x: Read-only file system",
      'read-only-disk',
    ],
    ['remote: error: unable to write file: Read-only file system', null],
    // G2
    [
      "fatal: unable to access 'https://github.com/o/r.git/': Could not resolve host: github.com",
      'offline',
    ],
    [
      "fatal: unable to access 'http://127.0.0.1:1/o/r.git/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server",
      'offline',
    ],
    ["fatal: unable to access 'https://h/o/r.git/': Empty reply from server", 'offline'],
    [
      "fatal: unable to access 'https://h/o/r.git/': Recv failure: Connection reset by peer",
      'offline',
    ],
    [
      'ssh: Could not resolve hostname github.com: Temporary failure in name resolution\nfatal: Could not read from remote repository.',
      'offline',
    ],
    ['fatal: the remote end hung up unexpectedly', 'offline'],
    // G3
    [
      "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
      'auth-failed',
    ],
    [
      "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/o/r.git/'",
      'auth-failed',
    ],
    ['remote: Support for password authentication was removed on August 13, 2021.', 'auth-failed'],
    [
      'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.',
      'auth-failed',
    ],
    [
      "remote: Permission to o/r.git denied to someone.\nfatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403",
      'auth-failed',
    ],
    [
      "remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.com/o/r.git/'",
      'auth-failed',
    ],
    // G7
    [' ! [remote rejected] post/x -> post/x (protected branch hook declined)', 'protected-branch'],
    [
      'remote: error: GH006: Protected branch update failed for refs/heads/main.',
      'protected-branch',
    ],
    [
      'remote: error: GH013: Repository rule violations found for refs/heads/post/x.',
      'protected-branch',
    ],
    [
      'remote: GitLab: You are not allowed to push code to protected branches on this project.',
      'protected-branch',
    ],
    [' ! [remote rejected] x -> x (pre-receive hook declined)', 'protected-branch'],
    // G6 on the server side
    [
      'remote: error: GH001: Large files detected. You may want to try Git Large File Storage',
      'remote-too-large',
    ],
    [
      'error: RPC failed; HTTP 413 curl 22 The requested URL returned error: 413',
      'remote-too-large',
    ],
    // G4
    [
      "fatal: Unable to create '/home/u/blog/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository",
      'lock-file',
    ],
    ['fatal: not a git repository (or any of the parent directories): .git', 'not-a-repository'],
    [
      'error: Your local changes to the following files would be overwritten by checkout:\n\tsource/blog/a.html.md\nPlease commit your changes or stash them before you switch branches.',
      'would-overwrite',
    ],
    [
      'error: The following untracked working tree files would be overwritten by checkout:\n\tsource/blog/a.html.md',
      'would-overwrite',
    ],
    ['error: cannot rebase: You have unstaged changes.', 'uncommitted-changes'],
    ['error: Merging is not possible because you have unmerged files.', 'merge-in-progress'],
    ['fatal: It seems that there is already a rebase-merge directory', 'rebase-in-progress'],
    // G5
    [
      'CONFLICT (content): Merge conflict in source/blog/a.html.md\nAutomatic merge failed; fix conflicts and then commit the result.',
      'merge-conflict',
    ],
    [
      'error: could not apply 1a2b3c4... my post\nhint: Resolve all conflicts manually',
      'merge-conflict',
    ],
    // misc
    ['Author identity unknown\n\n*** Please tell me who you are.', 'identity-missing'],
    ['fatal: no email was given and auto-detection is disabled', 'identity-missing'],
    ['On branch post/x\nnothing to commit, working tree clean', 'nothing-to-commit'],
    [
      "remote: Repository not found.\nfatal: repository 'https://github.com/o/nope.git/' not found",
      'repository-not-found',
    ],
    ["fatal: '/tmp/missing' does not appear to be a git repository", 'repository-not-found'],
    ['something nobody has seen before', null],
  ])('%s → %s', (stderr, kind) => {
    expect(classifyGitError(stderr)).toBe(kind)
  })

  it('reads push results from stdout too (push --porcelain)', () => {
    expect(classifyGitError('', '!\trefs/heads/x:refs/heads/x\t[rejected] (fetch first)')).toBe(
      'push-rejected',
    )
  })
})

describe('describeGitError: one plain message per kind, with the next step', () => {
  it.each(gitErrorKindSchema.options)(
    '%s has Japanese and English text without placeholders left over',
    (kind) => {
      const m = describeGitError(kind, {
        branch: 'post/x',
        baseBranch: 'main',
        files: ['a.md'],
        version: '2.20.1',
        seconds: 45,
      })
      expect(m.ja.length).toBeGreaterThan(5)
      expect(m.en.length).toBeGreaterThan(5)
      expect(`${m.ja}${m.en}`).not.toMatch(/undefined|null|\$\{/)
    },
  )

  it('says the commit is kept when it is, and never suggests forcing', () => {
    const m = describeGitError('push-rejected', { branch: 'post/x', commitKept: true })
    expect(m.en).toContain('commit is kept')
    expect(m.ja).toContain('コミットはこのパソコンに残っています')
    expect(m.en).toContain('never force-pushes')
  })

  it('tells SSH users about keys and HTTPS users about tokens', () => {
    expect(describeGitError('auth-failed', { ssh: true }).en).toContain('SSH key')
    expect(describeGitError('auth-failed', { usedToken: true }).en).toContain(
      'saved access token was refused',
    )
  })
})

describe('git versions', () => {
  it.each([
    ['git version 2.39.5', '2.39.5'],
    ['git version 2.45.1.windows.1', '2.45.1'],
    ['git version 2.39.3 (Apple Git-146)', '2.39.3'],
    ['not git', null],
  ])('%s → %s', (out, v) => expect(parseGitVersion(out)).toBe(v))

  it('compares numerically', () => {
    expect(compareVersions('2.30.0', '2.30')).toBe(0)
    expect(compareVersions('2.9.0', '2.30.0')).toBeLessThan(0)
    expect(compareVersions('2.100.1', '2.30.0')).toBeGreaterThan(0)
  })
})
