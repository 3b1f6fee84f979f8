import { describe, expect, it } from 'vitest'
import { parsePushPorcelain, rejectionKind } from '../../../../../src/main/services/git/push'
import {
  createLineSplitter,
  fetchPercent,
  parseProgressLine,
  pushPercent,
} from '../../../../../src/main/services/git/progress'
import { redact } from '../../../../../src/main/services/git/redact'
import { parseMergeTree } from '../../../../../src/main/services/git/merge-tree'
import { parseLsTree } from '../../../../../src/main/services/git/ls-tree'
import { parseRefs } from '../../../../../src/main/services/git/for-each-ref'

describe('progress lines', () => {
  it.each([
    ['Writing objects:  45% (9/20)', { title: 'Writing objects', percent: 45, done: 9, total: 20 }],
    [
      'Writing objects: 100% (20/20), 1.20 MiB | 2.40 MiB/s, done.',
      { title: 'Writing objects', percent: 100, done: 20, total: 20 },
    ],
    [
      'Counting objects:   3% (1/30)',
      { title: 'Counting objects', percent: 3, done: 1, total: 30 },
    ],
    [
      'Enumerating objects: 7, done.',
      { title: 'Enumerating objects', percent: null, done: 7, total: null },
    ],
    [
      'remote: Resolving deltas: 100% (2/2), completed with 2 local objects.',
      { title: 'Resolving deltas', percent: 100, done: 2, total: 2 },
    ],
    [
      'Receiving objects:  50% (5/10)',
      { title: 'Receiving objects', percent: 50, done: 5, total: 10 },
    ],
    ['To http://127.0.0.1:1234/o/r.git', null],
    ['hint: Updates were rejected', null],
    ['Total 3 (delta 0), reused 0 (delta 0), pack-reused 0', null],
  ])('%s', (line, expected) => expect(parseProgressLine(line)).toEqual(expected))

  it('maps push steps onto one rising bar', () => {
    const at = (line: string) => pushPercent(parseProgressLine(line)!)
    const seq = [
      'Enumerating objects: 9, done.',
      'Counting objects: 100% (9/9), done.',
      'Compressing objects:  50% (2/4)',
      'Writing objects:  10% (1/9)',
      'Writing objects:  45% (4/9)',
      'Writing objects: 100% (9/9), 60 KiB | 1 MiB/s, done.',
    ].map(at)
    expect(seq).toEqual([...seq].sort((a, b) => a! - b!))
    expect(seq.at(-1)).toBe(95)
    expect(at('Writing objects:  45% (9/20)')).toBeGreaterThan(
      at('Compressing objects: 100% (3/3)')!,
    )
    expect(fetchPercent(parseProgressLine('Receiving objects: 100% (3/3)')!)).toBe(90)
  })

  it('splits chunks on \\r and \\n, across chunk boundaries', () => {
    const lines: string[] = []
    const s = createLineSplitter((l) => lines.push(l))
    s.push('Writing objects:  33% (1/3)\rWriting obj')
    s.push('ects:  66% (2/3)\r')
    s.push('Writing objects: 100% (3/3), done.\nTotal 3')
    s.flush()
    expect(lines).toEqual([
      'Writing objects:  33% (1/3)',
      'Writing objects:  66% (2/3)',
      'Writing objects: 100% (3/3), done.',
      'Total 3',
    ])
  })
})

describe('push --porcelain', () => {
  it.each([
    [
      '*\trefs/heads/post/x:refs/heads/post/x\t[new branch]',
      {
        flag: '*',
        from: 'refs/heads/post/x',
        to: 'refs/heads/post/x',
        summary: '[new branch]',
        reason: null,
      },
      null,
    ],
    [
      ' \trefs/heads/post/x:refs/heads/post/x\tabc1234..def5678',
      {
        flag: ' ',
        from: 'refs/heads/post/x',
        to: 'refs/heads/post/x',
        summary: 'abc1234..def5678',
        reason: null,
      },
      null,
    ],
    [
      '=\trefs/heads/post/x:refs/heads/post/x\t[up to date]',
      {
        flag: '=',
        from: 'refs/heads/post/x',
        to: 'refs/heads/post/x',
        summary: '[up to date]',
        reason: null,
      },
      null,
    ],
    [
      '!\trefs/heads/post/x:refs/heads/post/x\t[rejected] (fetch first)',
      {
        flag: '!',
        from: 'refs/heads/post/x',
        to: 'refs/heads/post/x',
        summary: '[rejected]',
        reason: 'fetch first',
      },
      'push-rejected',
    ],
    [
      '!\trefs/heads/post/x:refs/heads/post/x\t[rejected] (non-fast-forward)',
      {
        flag: '!',
        from: 'refs/heads/post/x',
        to: 'refs/heads/post/x',
        summary: '[rejected]',
        reason: 'non-fast-forward',
      },
      'push-rejected',
    ],
    [
      '!\trefs/heads/main:refs/heads/main\t[remote rejected] (pre-receive hook declined)',
      {
        flag: '!',
        from: 'refs/heads/main',
        to: 'refs/heads/main',
        summary: '[remote rejected]',
        reason: 'pre-receive hook declined',
      },
      'protected-branch',
    ],
  ])('%s', (line, ref, kind) => {
    const out = parsePushPorcelain(`To http://127.0.0.1/o/r.git\n${line}\nDone\n`)
    expect(out).toEqual([ref])
    expect(rejectionKind(out[0]!)).toBe(kind)
  })
})

describe('redact', () => {
  it.each([
    [
      "fatal: unable to access 'https://alice:s3cret@github.com/o/r.git/'",
      "fatal: unable to access 'https://***@github.com/o/r.git/'",
    ],
    [
      'https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r',
      'https://***@github.com/o/r',
    ],
    ['ssh://git@github.com/o/r.git stays', 'ssh://git@github.com/o/r.git stays'],
    [
      'https://alice@github.com/o/r keeps a plain user name',
      'https://alice@github.com/o/r keeps a plain user name',
    ],
  ])('%s', (input, output) => expect(redact(input)).toBe(output))

  it('removes a known secret anywhere, URL-encoded too', () => {
    const secret = 'tok/en+with=chars'
    expect(redact(`a ${secret} b ${encodeURIComponent(secret)} c`, [secret])).toBe('a *** b *** c')
  })
})

describe('small parsers', () => {
  it('merge-tree conflicted paths', () => {
    expect(parseMergeTree('3f4b0dda\0a.md\0a.md\0b/c.png\0')).toEqual({
      tree: '3f4b0dda',
      files: ['a.md', 'b/c.png'],
    })
    expect(parseMergeTree('3f4b0dda\0')).toEqual({ tree: '3f4b0dda', files: [] })
  })
  it('ls-tree records, paths with spaces and tabs kept whole', () => {
    expect(
      parseLsTree('100644 blob aaa\tsource/blog/a b.md\u0000120000 blob bbb\tsource/x/l\tink\0'),
    ).toEqual(
      new Map([
        ['source/blog/a b.md', { mode: '100644', oid: 'aaa' }],
        ['source/x/l\tink', { mode: '120000', oid: 'bbb' }],
      ]),
    )
  })
  it('for-each-ref lines', () => {
    expect(
      parseRefs('abc   refs/heads/post/x\nabd * refs/heads/main\ndef   refs/remotes/origin/main\n'),
    ).toEqual([
      { oid: 'abc', head: false, ref: 'refs/heads/post/x' },
      { oid: 'abd', head: true, ref: 'refs/heads/main' },
      { oid: 'def', head: false, ref: 'refs/remotes/origin/main' },
    ])
  })
})
