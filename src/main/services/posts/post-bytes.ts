import { createHash } from 'node:crypto'
import { diffArrays } from 'diff'
import type { PostDocument } from '../../../shared/post'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** Every line break a file may hold: CRLF, LF, or a lone CR (old Mac files). */
const BREAK = /\r\n|\r|\n/
const BREAKS = /\r\n|\r|\n/g

/** sha-256 of bytes, hex: the hash the editor carries to detect changes made elsewhere. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A post's bytes as editor text plus what is needed to write them back the same way (D9). */
export interface DecodedText {
  /** `\n` line endings, no BOM. With invalid UTF-8 the bad bytes show as U+FFFD: display only. */
  text: string
  /** The file's dominant ending, which new lines take. */
  eol: PostDocument['eol']
  bom: boolean
  /** False when the bytes are not valid UTF-8: the file must not be saved from `text`. */
  validUtf8: boolean
  /** The decoded text with its own line endings (no BOM): each untouched line keeps its bytes. */
  raw: string
  /** Whether some line ends with a lone CR, which editors show as a line break (D9 warns). */
  loneCr: boolean
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

/**
 * Decodes a post file. A UTF-8 BOM is noted and removed; every line break (CRLF, LF, lone CR)
 * becomes LF in `text`, and `raw` keeps them, so a save can give each untouched line its own
 * ending back. `eol` is CRLF when most line breaks are CRLF.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  let raw: string
  let validUtf8 = true
  try {
    raw = strict.decode(body)
  } catch {
    raw = lenient.decode(body)
    validUtf8 = false
  }
  if (!raw.includes('\r')) return { text: raw, eol: 'lf', bom, validUtf8, raw, loneCr: false }
  const crlf = raw.match(/\r\n/g)?.length ?? 0
  const lf = (raw.match(/\n/g)?.length ?? 0) - crlf
  const eol = crlf > 0 && crlf >= lf ? 'crlf' : 'lf'
  const loneCr = /\r(?!\n)/.test(raw)
  return { text: raw.replace(BREAKS, '\n'), eol, bom, validUtf8, raw, loneCr }
}

/** Above this many changed lines on each side, lines are paired by position instead of diffed. */
const DIFF_LIMIT = 2000

/**
 * The ending of each line of `next` (all but its last piece), given the file's previous `raw`
 * text: a line that is unchanged, or that replaces one line in place, keeps that line's ending;
 * inserted lines take `dominant`.
 */
function endingsFor(nextLines: string[], raw: string, dominant: string): string[] {
  const oldLines = raw.split(BREAK)
  const oldEnds = raw.match(BREAKS) ?? []
  const ends: string[] = new Array<string>(nextLines.length - 1).fill(dominant)
  const keep = (i: number, j: number) => {
    if (i < ends.length) ends[i] = oldEnds[j] ?? dominant
  }
  let head = 0
  const shortest = Math.min(oldLines.length, nextLines.length)
  while (head < shortest && oldLines[head] === nextLines[head]) keep(head, head++)
  let tail = 0
  while (
    tail < shortest - head &&
    oldLines[oldLines.length - 1 - tail] === nextLines[nextLines.length - 1 - tail]
  ) {
    keep(nextLines.length - 1 - tail, oldLines.length - 1 - tail)
    tail++
  }
  const oldMid = oldLines.slice(head, oldLines.length - tail)
  const newMid = nextLines.slice(head, nextLines.length - tail)
  if (oldMid.length > DIFF_LIMIT || newMid.length > DIFF_LIMIT) {
    newMid.forEach((_, k) => k < oldMid.length && keep(head + k, head + k))
    return ends
  }
  let i = head
  let j = head
  let removed = 0
  for (const part of diffArrays(oldMid, newMid)) {
    const n = part.count ?? part.value.length
    if (part.removed) {
      removed = n
      j += n
    } else if (part.added) {
      // Lines that replace removed ones in place keep their endings; extra ones are new.
      for (let k = 0; k < n; k++) if (k < removed) keep(i + k, j - removed + k)
      i += n
      removed = 0
    } else {
      for (let k = 0; k < n; k++) keep(i + k, j + k)
      i += n
      j += n
      removed = 0
    }
  }
  return ends
}

/**
 * Encodes editor text for the file. With `previous` (the file's raw text before this save), every
 * untouched line keeps its own bytes, lone CRs and mixed endings included, and new lines take the
 * file's dominant ending (D9). Without it every line takes `format.eol`.
 */
export function encodeText(
  text: string,
  format: { eol: PostDocument['eol']; bom: boolean },
  previous?: string,
): Buffer {
  const dominant = format.eol === 'crlf' ? '\r\n' : '\n'
  let out: string
  if (previous === undefined || !previous.includes('\r')) {
    out = dominant === '\n' ? text : text.replace(/\r?\n/g, '\r\n')
  } else {
    const lines = text.split(BREAK)
    const ends = endingsFor(lines, previous, dominant)
    out = lines.map((line, i) => line + (ends[i] ?? '')).join('')
  }
  const body = Buffer.from(out, 'utf8')
  return format.bom ? Buffer.concat([BOM, body]) : body
}
