import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  authorLines,
  joinParagraphs,
  NO_LINE_END,
  NO_LINE_START,
  segmentLine,
  wrapParagraph,
  type Measure,
} from '../../../../src/shared/eyecatch/line-break'

/** A monospace-ish measure: Japanese 1 em, Latin ½ em, space ¼ em. */
const measure: Measure = (text, px) =>
  Array.from(text).reduce(
    (w, ch) => w + (ch === ' ' ? 0.25 : ch.charCodeAt(0) < 0x2000 ? 0.5 : 1),
    0,
  ) * px

describe('segmentLine', () => {
  it.each([
    ['SUZURIをHerokuから', ['SUZURI', 'を', 'Heroku', 'か', 'ら']],
    ['「デザイン」です。', ['「デ', 'ザ', 'イ', 'ン」', 'で', 'す。']],
    ['ちょっと待って', ['ちょっ', 'と', '待っ', 'て']],
    ['「 EKS 」と EKS 、', ['「 EKS 」', 'と', ' ', 'EKS 、']],
    ['AWS の EKS、使う', ['AWS', ' ', 'の', ' ', 'EKS、', '使', 'う']],
    ['Node.js 20（LTS）へ', ['Node.js', ' ', '20', '（LTS）', 'へ']],
    ['ユーザー', ['ユー', 'ザー']],
    ['「『入れ子』」', ['「『入', 'れ', '子』」']],
    ['  前後の空白  ', ['前', '後', 'の', '空', '白']],
    ['が\u3099ぎ', ['が\u3099', 'ぎ']],
    ['👨‍👩‍👧家族', ['👨‍👩‍👧', '家', '族']],
  ])('%s', (text, segments) => {
    expect(segmentLine(text).map((s) => s.text)).toEqual(segments)
  })
})

describe('wrapParagraph', () => {
  it.each([
    // 10 em lines at 10 px = 100 px.
    ['タイトルが長いので折り返します。', ['タイトルが長いので折', 'り返します。']],
    // 。 may not start a line: the last character before it moves down with it.
    ['あいうえおかきくけこ。さ', ['あいうえおかきくけ', 'こ。さ']],
    // 「 may not end a line: it moves down with what follows.
    ['あいうえおかきくけ「こ」', ['あいうえおかきくけ', '「こ」']],
    // Spaces between words are where Latin text breaks; the space is dropped at the break.
    ['a b c d e f g h i j k l m n o p q r s t', ['a b c d e f g h i j k l m', 'n o p q r s t']],
  ])('%s', (text, lines) => {
    expect(wrapParagraph(text, 100, 10, measure).lines).toEqual(lines)
  })

  it('never splits a word: the whole word moves to the next line', () => {
    expect(wrapParagraph('日本語とKubernetesの話', 80, 10, measure).lines).toEqual([
      '日本語と',
      'Kubernetesの話',
    ])
  })

  it('gives a too-wide word its own line, or cuts it as a last resort', () => {
    const url = 'https://example.com/very/long/path/that/cannot/fit'
    const kept = wrapParagraph(`見て ${url} を`, 100, 10, measure)
    expect(kept.tooWide).toBe(true)
    expect(kept.lines).toContain(url)
    const cut = wrapParagraph(url, 100, 10, measure, true)
    expect(cut.lines.join('')).toBe(url)
    for (const line of cut.lines) expect(measure(line, 10)).toBeLessThanOrEqual(100)
  })

  it('never starts a line with closing punctuation or small kana, never ends one with an opening bracket, never splits a word', () => {
    const pieces = fc.constantFrom(
      'あ',
      'い',
      'カ',
      '漢',
      '字',
      '、',
      '。',
      '」',
      '「',
      '（',
      '）',
      'ー',
      'っ',
      'ゃ',
      'ォ',
      ' ',
      'EKS',
      'Heroku',
      'v2.0',
      '『',
      '』',
    )
    fc.assert(
      fc.property(
        fc.array(pieces, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 40, max: 200 }),
        (parts, width) => {
          const text = parts.join('')
          const words = new Set(parts.filter((p) => /^[A-Za-z]/.test(p)))
          const { lines } = wrapParagraph(text, width, 10, measure)
          lines.forEach((line, i) => {
            expect(line).toBe(line.trim())
            // The paragraph's own first and last characters are the writer's choice.
            if (i > 0) expect(NO_LINE_START.has(line[0]!)).toBe(false)
            if (i < lines.length - 1) expect(NO_LINE_END.has(line[line.length - 1]!)).toBe(false)
          })
          // No text lost or added apart from spaces at breaks.
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
          // Words survive whole on some line.
          for (const w of words) {
            const found = lines.some((l) => l.includes(w))
            if (text.includes(w)) expect(found).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('author lines', () => {
  it('splits on the writer’s line breaks, dropping blank lines and trimming', () => {
    expect(authorLines('  一行目 \r\n\n二行目\r三行目\n ')).toEqual(['一行目', '二行目', '三行目'])
  })

  it.each([
    [['日本語の', 'タイトル'], '日本語のタイトル'],
    [['Hello', 'world'], 'Hello world'],
    [['EKSに', 'Heroku'], 'EKSにHeroku'],
  ])('joins %j as %s', (paras, joined) => {
    expect(joinParagraphs(paras)).toBe(joined)
  })
})
