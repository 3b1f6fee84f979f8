import { describe, expect, it } from 'vitest'
import {
  changeOf,
  parseStatus,
  type StatusEntry,
} from '../../../../../src/main/services/git/status'

const z = (...records: string[]) => records.map((r) => `${r}\0`).join('')

describe('parseStatus (porcelain v2, -z)', () => {
  it.each([
    [
      'on a branch with upstream',
      z(
        '# branch.oid 1234abcd',
        '# branch.head main',
        '# branch.upstream origin/main',
        '# branch.ab +2 -1',
      ),
      { branch: 'main', oid: '1234abcd', upstream: 'origin/main', ahead: 2, behind: 1 },
    ],
    [
      'before the first commit',
      z('# branch.oid (initial)', '# branch.head main'),
      { branch: 'main', oid: null, upstream: null, ahead: null, behind: null },
    ],
    [
      'detached HEAD',
      z('# branch.oid 1234abcd', '# branch.head (detached)'),
      { branch: null, oid: '1234abcd', upstream: null, ahead: null, behind: null },
    ],
    [
      'a branch name with slashes',
      z('# branch.oid ab', '# branch.head post/my-post'),
      { branch: 'post/my-post', oid: 'ab', upstream: null, ahead: null, behind: null },
    ],
  ])('headers: %s', (_name, output, expected) => {
    const { entries, ...head } = parseStatus(output)
    expect(head).toEqual(expected)
    expect(entries).toEqual([])
  })

  const H = 'abcdef0123456789abcdef0123456789abcdef01'
  it.each<[string, string, StatusEntry[]]>([
    [
      'modified in the work tree',
      z(`1 .M N... 100644 100644 100644 ${H} ${H} README.md`),
      [{ kind: 'ordinary', path: 'README.md', origPath: null, index: '.', worktree: 'M' }],
    ],
    [
      'staged addition',
      z(`1 A. N... 000000 100644 100644 ${H} ${H} source/blog/a.html.md`),
      [
        {
          kind: 'ordinary',
          path: 'source/blog/a.html.md',
          origPath: null,
          index: 'A',
          worktree: '.',
        },
      ],
    ],
    [
      'deleted',
      z(`1 .D N... 100644 100644 000000 ${H} ${H} img/old.png`),
      [{ kind: 'ordinary', path: 'img/old.png', origPath: null, index: '.', worktree: 'D' }],
    ],
    [
      'spaces and Japanese in the path',
      z(`1 .M N... 100644 100644 100644 ${H} ${H} source/blog/2025 01/画像 1.png`),
      [
        {
          kind: 'ordinary',
          path: 'source/blog/2025 01/画像 1.png',
          origPath: null,
          index: '.',
          worktree: 'M',
        },
      ],
    ],
    [
      'rename: the old path follows in its own field',
      z(`2 R. N... 100644 100644 100644 ${H} ${H} R100 new name.png`, 'old name.png'),
      [
        {
          kind: 'renamed',
          path: 'new name.png',
          origPath: 'old name.png',
          index: 'R',
          worktree: '.',
        },
      ],
    ],
    [
      'unmerged',
      z(`u UU N... 100644 100644 100644 100644 ${H} ${H} ${H} post.md`),
      [{ kind: 'unmerged', path: 'post.md', origPath: null, index: 'U', worktree: 'U' }],
    ],
    [
      'untracked and ignored',
      z('? notes.txt', '! node_modules/x'),
      [
        { kind: 'untracked', path: 'notes.txt', origPath: null, index: '?', worktree: '?' },
        { kind: 'ignored', path: 'node_modules/x', origPath: null, index: '!', worktree: '!' },
      ],
    ],
    [
      'a rename followed by more records keeps them apart',
      z(`2 R. N... 100644 100644 100644 ${H} ${H} R090 b.md`, 'a.md', '? c.md'),
      [
        { kind: 'renamed', path: 'b.md', origPath: 'a.md', index: 'R', worktree: '.' },
        { kind: 'untracked', path: 'c.md', origPath: null, index: '?', worktree: '?' },
      ],
    ],
    ['a truncated record is skipped, not misread', z('1 .M N... 100644'), []],
  ])('entries: %s', (_name, output, expected) => {
    expect(parseStatus(output).entries).toEqual(expected)
  })

  it('changeOf names what the panel shows', () => {
    const e = (kind: StatusEntry['kind'], index: string, worktree: string): StatusEntry => ({
      kind,
      path: 'x',
      origPath: null,
      index,
      worktree,
    })
    expect(changeOf(e('untracked', '?', '?'))).toBe('added')
    expect(changeOf(e('ordinary', 'A', '.'))).toBe('added')
    expect(changeOf(e('ordinary', '.', 'M'))).toBe('modified')
    expect(changeOf(e('ordinary', 'D', '.'))).toBe('deleted')
    expect(changeOf(e('ordinary', '.', 'D'))).toBe('deleted')
  })
})
