import { msg, type LocalizedText } from '../localized'
import type { Rect } from './geometry'
import type { Measure, PhraseSplitter } from './line-break'
import { DEFAULT_TITLE_FIT, fitTitle, type TitleFit } from './title-fit'

/** The title card's fixed design at 1× (PORTAL.md §4): all numbers in output pixels. */
export const TITLE_CARD = {
  width: 1200,
  height: 630,
  /** The white card sits this far in from every edge. */
  inset: 44,
  radius: 26,
  /** Space inside the card before text starts. */
  padding: 56,
  shadow: { blur: 34, offsetY: 8, opacity: 0.22 },
  avatar: 64,
  /** Gap between the avatar and the name. */
  avatarGap: 20,
  authorRowHeight: 68,
  /** Gap between the title and the author row. */
  authorGap: 44,
  /** Free space above the text block, from the card's top edge. */
  textTop: 88,
  logoSize: 26,
  /** The logo's baseline sits this far above the card's bottom edge. */
  logoBottom: 48,
  /** Space kept between the text block and the logo. */
  logoGap: 28,
  nameSize: 24,
  roleSize: 16,
  colors: { title: '#16181d', name: '#16181d', role: '#6b7480', logo: '#16181d', card: '#ffffff' },
  /** Height of a CJK glyph above its baseline, as a fraction of the font size. */
  ascent: 0.88,
} as const

/** What the writer types for a title card. */
export interface TitleCardText {
  title: string
  author: string
  role: string
  /** Text in the logo slot (the site's name). */
  logo: string
  hasAvatar: boolean
}

/** One line of text to draw, with its baseline. */
export interface PlacedText {
  text: string
  x: number
  /** Baseline. */
  y: number
  size: number
  weight: 400 | 700
  color: string
  anchor: 'start' | 'end'
}

/** Everything the renderer draws, in 1× pixels. */
export interface TitleCardLayout {
  card: Rect
  title: TitleFit
  texts: PlacedText[]
  avatar: Rect | null
  warnings: LocalizedText[]
}

const TITLE_PLACEHOLDER = 'タイトルを入力してください'

/** Lays out a title card: fits the title around the author row and the logo, and warns. */
export function layoutTitleCard(
  input: TitleCardText,
  measure: Measure,
  phrases?: PhraseSplitter,
): TitleCardLayout {
  const c = TITLE_CARD
  const card = {
    left: c.inset,
    top: c.inset,
    width: c.width - 2 * c.inset,
    height: c.height - 2 * c.inset,
  }
  const contentLeft = c.inset + c.padding
  const contentRight = c.width - c.inset - c.padding
  const cardBottom = c.height - c.inset
  const name = input.author.trim()
  const role = input.role.trim()
  const logo = input.logo.trim()
  const hasAuthorRow = name !== '' || role !== '' || input.hasAvatar
  const logoBaseline = cardBottom - c.logoBottom
  const areaTop = c.inset + c.textTop
  const areaBottom =
    logo !== '' ? logoBaseline - c.logoSize * c.ascent - c.logoGap : cardBottom - c.padding
  const authorBlock = hasAuthorRow ? c.authorGap + c.authorRowHeight : 0
  const titleText = input.title.trim() === '' ? TITLE_PLACEHOLDER : input.title
  const title = fitTitle(titleText, measure, {
    ...DEFAULT_TITLE_FIT,
    phrases,
    // Room on the right keeps long lines clear of the card's edge, as the generator does.
    maxWidth: contentRight - contentLeft - 40,
    maxHeight: areaBottom - areaTop - authorBlock,
  })
  const titleHeight = title.lines.length * title.lineHeight
  const blockHeight = titleHeight + authorBlock
  const blockTop = Math.max(areaTop, areaTop + (areaBottom - areaTop - blockHeight) / 2)
  const texts: PlacedText[] = title.lines.map((text, i) => ({
    text,
    x: contentLeft,
    y: Math.round(
      blockTop + i * title.lineHeight + (title.lineHeight - title.size) / 2 + title.size * c.ascent,
    ),
    size: title.size,
    weight: 700,
    color: c.colors.title,
    anchor: 'start',
  }))
  let avatar: Rect | null = null
  if (hasAuthorRow) {
    const rowTop = blockTop + titleHeight + c.authorGap
    const avatarTop = rowTop + (c.authorRowHeight - c.avatar) / 2
    let textX = contentLeft
    if (input.hasAvatar) {
      avatar = { left: contentLeft, top: Math.round(avatarTop), width: c.avatar, height: c.avatar }
      textX = contentLeft + c.avatar + c.avatarGap
    }
    const mid = avatarTop + c.avatar / 2
    if (name !== '' && role !== '') {
      texts.push({
        text: name,
        x: textX,
        y: Math.round(mid - 5),
        size: c.nameSize,
        weight: 700,
        color: c.colors.name,
        anchor: 'start',
      })
      texts.push({
        text: role,
        x: textX,
        y: Math.round(mid + 23),
        size: c.roleSize,
        weight: 400,
        color: c.colors.role,
        anchor: 'start',
      })
    } else if (name !== '' || role !== '') {
      texts.push({
        text: name || role,
        x: textX,
        y: Math.round(mid + c.nameSize * c.ascent - c.nameSize / 2),
        size: c.nameSize,
        weight: 700,
        color: name ? c.colors.name : c.colors.role,
        anchor: 'start',
      })
    }
  }
  if (logo !== '') {
    texts.push({
      text: logo,
      x: contentRight,
      y: logoBaseline,
      size: c.logoSize,
      weight: 700,
      color: c.colors.logo,
      anchor: 'end',
    })
  }
  const warnings: LocalizedText[] = []
  if (input.title.trim() === '') {
    warnings.push(msg('タイトルが空です。', 'The title is empty.'))
  } else if (title.overflow) {
    warnings.push(
      msg(
        `タイトルが ${DEFAULT_TITLE_FIT.maxLines} 行に収まりません（${title.size}px で ${title.neededLines} 行必要です）。はみ出した部分は「…」で省略されます。タイトルを短くするか、改行の位置を変えてください。`,
        `The title does not fit in ${DEFAULT_TITLE_FIT.maxLines} lines (it needs ${title.neededLines} at ${title.size}px). The rest is cut off with "…". Shorten the title or move its line breaks.`,
      ),
    )
  }
  if (title.brokeWord) {
    warnings.push(
      msg(
        '1 行に収まらない長い英単語や URL があるため、途中で折り返しました。',
        'A word or URL is longer than a whole line, so it was broken in the middle.',
      ),
    )
  }
  return { card, title, texts, avatar, warnings }
}
