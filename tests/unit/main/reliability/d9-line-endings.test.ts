/**
 * D9 variants from issue 16 item 4: mixed CRLF/LF files and lone CRs. Each untouched line keeps
 * its bytes; new lines take the file's dominant ending; a file with lone CRs opens with a notice.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { postsServiceFor } from '../../../helpers/posts-service'
import { afterAll, describe, expect, it } from 'vitest'
import { decodeText, encodeText } from '../../../../src/main/services/posts/post-bytes'
import { makeTempRepo, postPathFor, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)

const A = postPathFor('2025-02-01', 'eol')

async function open(bytes: string) {
  const root = await makeTempRepo({ [A]: Buffer.from(bytes, 'utf8') })
  const posts = postsServiceFor(root)
  const doc = await posts.read(A)
  if (doc.kind !== 'ok') throw new Error('read failed')
  return { root, posts, doc: doc.doc }
}

describe('D9: mixed line endings survive a save', () => {
  it('an edit in a mixed CRLF/LF file changes only the edited line', async () => {
    const original = '---\r\ntitle: x\r\n---\n\none\r\ntwo\nthree\r\n'
    const { root, posts, doc } = await open(original)
    expect(doc.text).toBe('---\ntitle: x\n---\n\none\ntwo\nthree\n')
    const text = doc.text.replace('two', 'TWO')
    expect((await posts.save({ path: A, text, expectedHash: doc.hash })).kind).toBe('saved')
    expect(await readFile(join(root, A), 'utf8')).toBe(
      '---\r\ntitle: x\r\n---\n\none\r\nTWO\nthree\r\n',
    )
  })

  it('a new line takes the dominant ending', async () => {
    const { root, posts, doc } = await open('a\r\nb\r\nc\n')
    const text = 'a\nb\nnew\nc\n'
    await posts.save({ path: A, text, expectedHash: doc.hash })
    expect(await readFile(join(root, A), 'utf8')).toBe('a\r\nb\r\nnew\r\nc\n')
  })

  it('a file with lone CRs opens with a notice, and its lone CRs survive an edit elsewhere', async () => {
    const { root, posts, doc } = await open('title\rold mac\rbody\n')
    expect(doc.notice?.en).toMatch(/lone CR/)
    expect(doc.readOnly).toBeNull()
    expect(doc.text).toBe('title\nold mac\nbody\n')
    await posts.save({ path: A, text: 'title\nold mac\nBODY\n', expectedHash: doc.hash })
    expect(await readFile(join(root, A), 'utf8')).toBe('title\rold mac\rBODY\n')
  })
})

type Line = { content: string; ending: string; id: number; touched: boolean }
type Edit = { kind: 'replace' | 'insert' | 'delete'; at: number }

const endingArb = fc.constantFrom('\n', '\r\n', '\r')
const fileArb = fc
  .record({
    endings: fc.array(endingArb, { minLength: 1, maxLength: 30 }),
    last: fc.constantFrom('', 'tail'),
    bom: fc.boolean(),
  })
  .map(({ endings, last, bom }) => {
    const lines: Line[] = endings.map((ending, i) => ({
      content: `line ${i}`,
      ending,
      id: i,
      touched: false,
    }))
    lines.push({ content: last, ending: '', id: -1, touched: false })
    return { lines, bom }
  })
const editsArb = fc.array(
  fc.record({
    kind: fc.constantFrom<Edit['kind']>('replace', 'insert', 'delete'),
    at: fc.nat(),
  }),
  { maxLength: 6 },
)

describe('D9: property: random edits to random line-ending mixes change only the edited lines', () => {
  it('keeps every untouched line’s bytes', () => {
    fc.assert(
      fc.property(fileArb, editsArb, ({ lines, bom }, edits) => {
        const raw = lines.map((l) => l.content + l.ending).join('')
        const bytes = Buffer.concat([
          bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
          Buffer.from(raw),
        ])
        const decoded = decodeText(bytes)
        expect(decoded.text).toBe(lines.map((l) => l.content).join('\n'))
        const next = lines.slice()
        let fresh = 0
        for (const edit of edits) {
          const body = next.length - 1 // the final piece (no ending) stays
          if (edit.kind === 'insert') {
            const at = edit.at % (body + 1)
            next.splice(at, 0, { content: `new ${fresh++}`, ending: '', id: -2, touched: true })
          } else if (body > 0) {
            const at = edit.at % body
            if (edit.kind === 'delete') next.splice(at, 1)
            else next[at] = { ...next[at]!, content: `edited ${fresh++}`, touched: true }
          }
        }
        const text = next.map((l) => l.content).join('\n')
        const out = encodeText(text, decoded, decoded.raw)
        expect(out.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(bom)
        const outRaw = decodeText(out)
        expect(outRaw.text).toBe(text)
        const pieces = outRaw.raw.split(/(\r\n|\r|\n)/)
        next.forEach((line, i) => {
          if (line.touched || i === next.length - 1) return
          expect(pieces[2 * i]).toBe(line.content)
          expect(pieces[2 * i + 1]).toBe(line.ending)
        })
        if (edits.length === 0) expect(out.equals(bytes)).toBe(true)
      }),
      { numRuns: 400 },
    )
  })
})
