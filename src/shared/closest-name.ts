/** "Did you mean …?" for names typed by hand: rule ids in the profile, command-line options. */
import { editDistance } from './metadata/fuzzy'

/** The candidate closest to `word` when it is a plausible typo of it, else null. */
export function closestName(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(word, c)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null
}
