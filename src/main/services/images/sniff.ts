/** What the first bytes of a file say it is. */
export type SniffedKind =
  'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff' | 'heic' | 'svg' | 'unknown'

/** Formats sharp may decode here; everything else never reaches the image library. */
export const DECODABLE: ReadonlySet<SniffedKind> = new Set([
  'jpeg',
  'png',
  'webp',
  'gif',
  'avif',
  'tiff',
])

/** How many leading bytes {@link sniffImage} needs. */
export const SNIFF_BYTES = 512

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

/**
 * Identifies an image by its magic bytes, before any decoder sees it. SVG (XML text) is told apart
 * so it can be refused with its own reason; HEIC so its message can say what to do.
 */
export function sniffImage(head: Uint8Array): SniffedKind {
  const b = head
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp'
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif'
  if (b.length >= 4 && (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*')) return 'tiff'
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4)
    if (brand === 'avif' || brand === 'avis') return 'avif'
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) {
      // mif1 is shared by AVIF and HEIC: look for an avif compatible brand.
      const size = Math.min(b.length, (b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!)
      return ascii(b, 16, Math.max(0, size - 16)).includes('avif') ? 'avif' : 'heic'
    }
  }
  // Text: skip a BOM and whitespace, then look for XML or an <svg> root.
  let text = ascii(b, 0, Math.min(b.length, SNIFF_BYTES))
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3)
  text = text.trimStart()
  if (/^<(\?xml|svg|!doctype svg|!--)/i.test(text) && /<svg[\s>]/i.test(ascii(b, 0, b.length)))
    return 'svg'
  if (/^<svg[\s>]/i.test(text)) return 'svg'
  return 'unknown'
}

/** File-name extensions each format is usually saved with. */
const EXTENSIONS: Record<string, string[]> = {
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  gif: ['gif'],
  avif: ['avif'],
  tiff: ['tif', 'tiff'],
}

/** The lower-cased extension of a file name, or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/** True when the name's extension is a known image extension that does not match `kind`. */
export function extensionMismatch(name: string, kind: SniffedKind): boolean {
  const ext = extensionOf(name)
  if (ext === '') return false
  const known = Object.values(EXTENSIONS).some((list) => list.includes(ext))
  return known && !(EXTENSIONS[kind] ?? []).includes(ext)
}
