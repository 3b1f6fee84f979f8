import type { Text } from '@codemirror/state'
import { msg } from '../../../shared/localized'
import { locateFrontMatter } from '../../../shared/metadata/region'

/** Characters looked at for the front matter (far more than any usual one). */
const HEAD_CHARS = 64 * 1024

/** Why an image cannot go in while the front matter has no closing `---`. */
export const FRONT_MATTER_OPEN = msg(
  '前付け（フロントマター）の終わりの「---」がないため、画像を入れる本文の場所がありません。「---」の行を足してから、もう一度入れてください。',
  'The front matter has no closing "---", so there is no body to put the image in. Add the "---" line, then insert the image again.',
)

/**
 * Where an image's link goes for a drop or paste at `from`–`to`: unchanged in the body; moved to
 * the start of the body (after the front matter and its blank lines) when the range touches the
 * front matter, so a link never lands in the YAML; null when the front matter is not closed.
 */
export function imageTarget(
  doc: Text,
  from: number,
  to: number,
): { from: number; to: number } | null {
  const region = locateFrontMatter(doc.sliceString(0, Math.min(doc.length, HEAD_CHARS)))
  if (!region) return { from, to }
  if (!region.closed) return null
  if (from >= region.end) return { from, to }
  let at = region.end
  while (at < doc.length) {
    const line = doc.lineAt(at)
    if (line.text.trim() !== '' || line.to >= doc.length) break
    at = line.to + 1
  }
  return { from: at, to: at }
}
