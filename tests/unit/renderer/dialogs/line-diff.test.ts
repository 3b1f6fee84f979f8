import { describe, expect, it } from 'vitest'
import { diffLines, foldUnchanged } from '../../../../src/renderer/src/dialogs/line-diff'

const kinds = (l: string, r: string) => diffLines(l, r).map((row) => row.kind)

describe('diffLines (conflict compare view)', () => {
  it('shows identical texts as all the same', () => {
    expect(kinds('a\nb', 'a\nb')).toEqual(['same', 'same'])
  })

  it('pairs a changed line side by side', () => {
    const rows = diffLines('タイトル\n本文です\n終わり', 'タイトル\n本文でした\n終わり')
    expect(rows[1]).toEqual({
      kind: 'changed',
      left: '本文です',
      right: '本文でした',
      leftNo: 2,
      rightNo: 2,
    })
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'same'])
  })

  it('shows added and removed lines with their own line numbers', () => {
    const rows = diffLines('a\nb\nc', 'a\nc\nd')
    expect(rows.map((r) => [r.kind, r.left, r.right])).toEqual([
      ['same', 'a', 'a'],
      ['removed', 'b', null],
      ['same', 'c', 'c'],
      ['added', null, 'd'],
    ])
  })

  it('keeps every line of both versions', () => {
    const mine = 'x\ny\nz\nw'
    const theirs = 'y\nq\nw\nv'
    const rows = diffLines(mine, theirs)
    expect(rows.filter((r) => r.left !== null).map((r) => r.left)).toEqual(mine.split('\n'))
    expect(rows.filter((r) => r.right !== null).map((r) => r.right)).toEqual(theirs.split('\n'))
  })
})

describe('foldUnchanged', () => {
  it('opens on the change: long unchanged runs fold, three lines of context stay', () => {
    const mine = Array.from({ length: 30 }, (_, i) => `line ${i}`)
    const theirs = [...mine]
    theirs[20] = 'changed'
    const view = foldUnchanged(diffLines(mine.join('\n'), theirs.join('\n')))
    expect(view.map((r) => (r.kind === 'fold' ? `fold ${r.count}` : r.kind))).toEqual([
      'fold 17',
      'same',
      'same',
      'same',
      'changed',
      'same',
      'same',
      'same',
      'fold 6',
    ])
  })

  it('keeps short unchanged runs as they are', () => {
    const view = foldUnchanged(diffLines('a\nb\nc', 'a\nx\nc'))
    expect(view.map((r) => r.kind)).toEqual(['same', 'changed', 'same'])
  })
})
