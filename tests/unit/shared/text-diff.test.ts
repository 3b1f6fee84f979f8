import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  lineOps,
  matchedItems,
  singleReplacement,
  smallestChange,
} from '../../../src/shared/text-diff'

describe('the one text diff', () => {
  it('singleReplacement keeps the common start and end', () => {
    expect(singleReplacement('abc', 'abc')).toBeNull()
    expect(singleReplacement('hello world', 'hello brave world')).toEqual({
      from: 6,
      to: 6,
      insert: 'brave ',
    })
  })

  it('matchedItems keeps items by value and never matches a null', () => {
    expect(matchedItems(['a', null, 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      [0, 0],
      [3, 2],
    ])
    expect(matchedItems([null], [''])).toEqual([])
  })

  it('lineOps turns one list of lines into the other', () => {
    const a = ['one', 'two', 'three']
    const b = ['one', 'three', 'four']
    const ops = lineOps(a, b)
    const rebuilt: string[] = []
    let i = 0
    let j = 0
    for (const op of ops) {
      if (op === '=') {
        rebuilt.push(a[i++]!)
        j++
      } else if (op === '+') rebuilt.push(b[j++]!)
      else i++
    }
    expect(rebuilt).toEqual(b)
    expect(ops.filter((op) => op === '=')).toHaveLength(2)
  })

  it('smallestChange writes CRLF through whole lines and starts insertions at a line start', () => {
    const a = 'tags:\r\n  - old\r\n'
    const b = 'tags:\n  - new\n  - old\n'
    const change = smallestChange(a, b, '\r\n')!
    expect(change.insert).toBe('  - new\r\n')
    expect(a.slice(0, change.from) + change.insert + a.slice(change.to)).toBe(
      'tags:\r\n  - new\r\n  - old\r\n',
    )
  })
})

describe('singleReplacement on long texts (4 KiB slices compared natively)', () => {
  it('finds the same change as a character-by-character trim, edits at and across slice edges', () => {
    const base = 'あいうえおかきくけこ\n'.repeat(2000) // 22,000 characters
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length }),
        fc.integer({ min: 0, max: 9000 }),
        fc.string({ maxLength: 5 }),
        (at, remove, insert) => {
          const b = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + remove))
          const change = singleReplacement(base, b)
          if (change === null) {
            expect(b).toBe(base)
            return
          }
          // Applying the change gives the new text, and nothing shorter would.
          expect(base.slice(0, change.from) + change.insert + base.slice(change.to)).toBe(b)
          let start = 0
          while (start < Math.min(base.length, b.length) && base[start] === b[start]) start++
          let end = 0
          const room = Math.min(base.length, b.length) - start
          while (end < room && base[base.length - 1 - end] === b[b.length - 1 - end]) end++
          expect(change.from).toBe(start)
          expect(change.to).toBe(base.length - end)
        },
      ),
      { numRuns: 300 },
    )
  })
})
