import { describe, expect, it } from 'vitest'
import { wrapParagraph, type Measure } from '../../../../src/shared/eyecatch/line-break'
import { layoutTitleCard, TITLE_CARD } from '../../../../src/shared/eyecatch/title-card-layout'
import {
  DEFAULT_TITLE_FIT,
  fitTitle,
  type TitleFitOptions,
} from '../../../../src/shared/eyecatch/title-fit'

/** Japanese 1 em, Latin ½ em, space ¼ em. */
const measure: Measure = (text, px) =>
  Array.from(text).reduce(
    (w, ch) => w + (ch === ' ' ? 0.25 : ch.charCodeAt(0) < 0x2000 ? 0.5 : 1),
    0,
  ) * px

// 960 px wide: 17 Japanese characters a line at 54 px, 40 at 24 px.
const OPTS: TitleFitOptions = { ...DEFAULT_TITLE_FIT, maxWidth: 960, maxHeight: 4 * 78 }

describe('fitTitle: 54 → 24 px over at most 4 lines', () => {
  it.each([
    ['a short title stays at 54 px on one line', 'デプロイを速くした話', 54, 1],
    ['two lines at 54 px', 'SUZURIをHerokuからAmazon EKSに移設するためにやったこと', 54, 2],
    ['a long title shrinks: 25 characters a line at 38 px', 'あ'.repeat(100), 38, 4],
  ])('%s', (_name, title, size, lines) => {
    const fit = fitTitle(title, measure, OPTS)
    expect(fit.size).toBe(size)
    expect(fit.lines).toHaveLength(lines)
    expect(fit.overflow).toBe(false)
    expect(fit.lines.join('').replace(/ /g, '')).toBe(title.replace(/ /g, ''))
  })

  it('picks the largest size that fits: one pixel more would need another line', () => {
    for (const n of [20, 40, 55, 70, 90, 120, 150]) {
      const title = 'の'.repeat(n)
      const fit = fitTitle(title, measure, OPTS)
      expect(fit.lines.length).toBeLessThanOrEqual(4)
      if (fit.size < 54 && !fit.overflow) {
        const bigger = wrapParagraph(title, OPTS.maxWidth, fit.size + 1, measure).lines.length
        const tooTall = bigger * Math.round((fit.size + 1) * 1.44) > OPTS.maxHeight
        expect(bigger > 4 || tooTall).toBe(true)
      }
    }
  })

  it('keeps the writer’s line breaks first, even at a smaller size', () => {
    const fit = fitTitle('Kubernetes 運用の\nはじめの一歩', measure, OPTS)
    expect(fit.keptAuthorBreaks).toBe(true)
    expect(fit.lines).toEqual(['Kubernetes 運用の', 'はじめの一歩'])
    expect(fit.size).toBe(54)
    // A writer's line too long for one line at 34 px is wrapped instead, still breaking there.
    const long = fitTitle(`${'あ'.repeat(30)}\nい`, measure, OPTS)
    expect(long.lines[long.lines.length - 1]).toBe('い')
    expect(long.lines.length).toBeGreaterThan(2)
  })

  it('drops the writer’s breaks when there are more lines than allowed', () => {
    const fit = fitTitle('一\n二\n三\n四\n五', measure, OPTS)
    expect(fit.keptAuthorBreaks).toBe(false)
    expect(fit.lines).toEqual(['一二三四五'])
  })

  it('clamps with … and reports overflow when even 24 px needs more than 4 lines', () => {
    const fit = fitTitle('長'.repeat(200), measure, OPTS)
    expect(fit.size).toBe(24)
    expect(fit.overflow).toBe(true)
    expect(fit.neededLines).toBe(5)
    expect(fit.lines).toHaveLength(4)
    expect(fit.lines[3]!.endsWith('…')).toBe(true)
    expect(measure(fit.lines[3]!, 24)).toBeLessThanOrEqual(960)
  })

  it('cuts a word wider than a whole line only as a last resort', () => {
    const fit = fitTitle(`見て${'x'.repeat(100)}`, measure, OPTS)
    expect(fit.brokeWord).toBe(true)
    for (const line of fit.lines) expect(measure(line, fit.size)).toBeLessThanOrEqual(960)
  })

  it('respects the height left by the author row', () => {
    const fit = fitTitle('あ'.repeat(60), measure, { ...OPTS, maxHeight: 243 })
    expect(fit.lines.length * fit.lineHeight).toBeLessThanOrEqual(243)
  })
})

describe('layoutTitleCard (PORTAL.md §4)', () => {
  const base = {
    title: 'SUZURIをHerokuからAmazon EKSに移設するためにやったこと',
    author: 'ぺぱたろう',
    role: 'エンジニア',
    logo: 'Pepabo Tech Portal',
    hasAvatar: true,
  }

  it('puts the white card 44 px in, the title at the card padding, the logo bottom-right', () => {
    const layout = layoutTitleCard(base, measure)
    expect(layout.card).toEqual({ left: 44, top: 44, width: 1112, height: 542 })
    const title = layout.texts.filter(
      (t) => t.size === layout.title.size && t.weight === 700 && t.anchor === 'start',
    )
    expect(title[0]!.x).toBe(100)
    const logo = layout.texts.find((t) => t.text === 'Pepabo Tech Portal')!
    expect(logo).toMatchObject({ anchor: 'end', x: 1100, y: 538 })
    expect(layout.avatar).toMatchObject({ left: 100, width: 64, height: 64 })
    // Everything stays on the card, above the logo.
    for (const t of layout.texts) {
      expect(t.y).toBeLessThanOrEqual(TITLE_CARD.height - TITLE_CARD.inset)
      expect(t.y - t.size).toBeGreaterThanOrEqual(TITLE_CARD.inset)
    }
    const lastTitle = title[title.length - 1]!
    expect(layout.avatar!.top).toBeGreaterThan(lastTitle.y)
    expect(layout.avatar!.top + 64).toBeLessThan(logo.y - 26)
    expect(layout.warnings).toEqual([])
  })

  it('warns when the title needs more than 4 lines, and when it is empty', () => {
    const long = layoutTitleCard({ ...base, title: '長'.repeat(300) }, measure)
    expect(long.title.overflow).toBe(true)
    expect(long.warnings[0]!.ja).toContain('4 行に収まりません')
    expect(long.warnings[0]!.en).toContain('does not fit in 4 lines')
    const empty = layoutTitleCard({ ...base, title: '  ' }, measure)
    expect(empty.warnings[0]!.en).toBe('The title is empty.')
    expect(empty.texts[0]!.text).toBe('タイトルを入力してください')
  })

  it('without an author row the title may use the room, and without a logo nothing is drawn there', () => {
    const alone = layoutTitleCard(
      { ...base, author: '', role: '', hasAvatar: false, logo: '', title: 'あ'.repeat(68) },
      measure,
    )
    expect(alone.avatar).toBeNull()
    expect(alone.texts.every((t) => t.size === alone.title.size)).toBe(true)
    const withRow = layoutTitleCard({ ...base, title: 'あ'.repeat(68) }, measure)
    expect(alone.title.size).toBeGreaterThan(withRow.title.size)
  })
})
