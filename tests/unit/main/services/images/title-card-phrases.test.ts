import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTitleCardFonts } from '../../../../../src/main/services/images/font-metrics'
import { japanesePhrases } from '../../../../../src/main/services/images/phrases'
import { renderTitleCard } from '../../../../../src/main/services/images/title-card'
import { wrapParagraph, type Measure } from '../../../../../src/shared/eyecatch/line-break'

const fonts = loadTitleCardFonts(resolve('resources/fonts'))
/** Every character one em wide: line breaks depend only on where they may fall. */
const em: Measure = (text, px) => Array.from(text).length * px

/** Words a line must never end inside, as the writer hit them. */
const WORDS = ['プルリクエスト', '見直している', 'マージ', 'はじめて']

function splitsAWord(lines: string[]): string | null {
  for (let i = 0; i + 1 < lines.length; i++) {
    const joint = lines[i]! + lines[i + 1]!
    for (const word of WORDS) {
      const at = joint.indexOf(word)
      const cut = lines[i]!.length
      if (at >= 0 && at < cut && cut < at + word.length) return `${lines[i]}/${lines[i + 1]}`
    }
  }
  return null
}

describe('title card line breaks fall between Japanese phrases (BudouX), kinsoku on top', () => {
  it.each([
    ['入社して1か月、はじめてのプルリクエストがマージされるまで', 9],
    ['入社して1か月、はじめてのプルリクエストがマージされるまで', 11],
    ['チームの設計を毎週見直している理由', 8],
  ])('%s at %i characters a line', (title, chars) => {
    const { lines } = wrapParagraph(title, chars * 10, 10, em, false, japanesePhrases)
    expect(splitsAWord(lines)).toBeNull()
    expect(lines.join('')).toBe(title)
    // Kinsoku still holds: no line starts with 、 or 。
    for (const line of lines) expect(line).not.toMatch(/^[、。]/)
  })

  it('the rendered title card uses them', async () => {
    const card = await renderTitleCard(
      {
        title: '入社して1か月、はじめてのプルリクエストがマージされるまでの長い道のりを振り返る',
        author: '',
        role: '',
        logo: '',
        avatar: null,
        background: null,
      },
      fonts,
    )
    expect(splitsAWord(card.layout.title.lines)).toBeNull()
  })
})
