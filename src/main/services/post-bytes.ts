import { createHash } from 'node:crypto'
import type { PostDocument } from '../../shared/post'

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/** sha-256 of bytes, hex: the hash the editor carries to detect changes made elsewhere. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A post's bytes as editor text plus what is needed to write them back the same way (D9). */
export interface DecodedText {
  /** `\n` line endings, no BOM. With invalid UTF-8 the bad bytes show as U+FFFD: display only. */
  text: string
  eol: PostDocument['eol']
  bom: boolean
  /** False when the bytes are not valid UTF-8: the file must not be saved from `text`. */
  validUtf8: boolean
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })

/**
 * Decodes a post file. A UTF-8 BOM is noted and removed; CRLF becomes LF and is noted when most
 * line breaks are CRLF (a file with mixed endings is saved with the majority's).
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
  const crlf = raw.match(/\r\n/g)?.length ?? 0
  const lf = (raw.match(/\n/g)?.length ?? 0) - crlf
  const eol = crlf > 0 && crlf >= lf ? 'crlf' : 'lf'
  return { text: crlf > 0 ? raw.replace(/\r\n/g, '\n') : raw, eol, bom, validUtf8 }
}

/** Encodes editor text with the file's own line endings and BOM. */
export function encodeText(
  text: string,
  format: { eol: PostDocument['eol']; bom: boolean },
): Buffer {
  const withEol = format.eol === 'crlf' ? text.replace(/\r?\n/g, '\r\n') : text
  const body = Buffer.from(withEol, 'utf8')
  return format.bom ? Buffer.concat([BOM, body]) : body
}
