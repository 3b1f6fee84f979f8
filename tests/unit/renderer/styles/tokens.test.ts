import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The design tokens (src/renderer/src/styles/tokens.css) for both themes, checked pair by pair
 * against WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for large text and for what marks a control's
 * boundary or state, such as the focus ring and field borders (1.4.11).
 */
const CSS = readFileSync(join(__dirname, '../../../../src/renderer/src/styles/tokens.css'), 'utf8')

type Theme = Record<string, string>

/** The custom properties declared directly in one `{ … }` block. */
function declarations(block: string): Theme {
  const out: Theme = {}
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim()
  return out
}

/** The body of the first block opened after `marker` (braces balanced). */
function blockAfter(source: string, marker: RegExp): string {
  const start = source.search(marker)
  if (start < 0) throw new Error(`no ${marker} in tokens.css`)
  const open = source.indexOf('{', start)
  let depth = 0
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++
    else if (source[i] === '}' && --depth === 0) return source.slice(open + 1, i)
  }
  throw new Error('unbalanced braces in tokens.css')
}

const light = declarations(blockAfter(CSS, /^:root/m))
const darkOwn = declarations(blockAfter(CSS, /@media \(prefers-color-scheme: dark\)/))
const dark = { ...light, ...darkOwn }

type Rgba = [number, number, number, number]

/** A `#rgb`, `#rrggbb` or `rgba(…)` value, following `var(--x)` references. */
function colour(theme: Theme, value: string): Rgba {
  const ref = /^var\((--[\w-]+)\)$/.exec(value)
  if (ref) return colour(theme, theme[ref[1]!] ?? `missing ${ref[1]}`)
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1) as Rgba
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(value)
  if (fn) {
    const [r, g, b, a = 1] = fn[1]!.split(',').map((s) => Number(s.trim()))
    return [r!, g!, b!, a]
  }
  throw new Error(`not a colour: ${value}`)
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3]
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG contrast ratio of two opaque colours. */
function ratio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const TEXT = 4.5
const UI = 3

/** Surfaces text and controls sit on. */
const SURFACES = ['--bg', '--surface', '--surface-2', '--editor-bg']

/**
 * Every foreground/background pair the CSS draws, with the ratio it needs. A background given as
 * `a/b` is the translucent token `a` painted over `b`.
 */
const PAIRS: Array<[fg: string, bg: string, min: number]> = [
  ...['--text', '--text-muted', '--text-faint', '--accent', '--danger'].flatMap((fg) =>
    SURFACES.map((bg): [string, string, number] => [fg, bg, TEXT]),
  ),
  ['--success', '--surface', TEXT],
  ['--success', '--surface-2', TEXT],
  ['--text', '--accent-soft', TEXT],
  ['--text-muted', '--accent-soft', TEXT],
  ['--accent', '--accent-soft', TEXT],
  ['--accent-text', '--accent', TEXT],
  ['--accent-text', '--accent-strong', TEXT],
  ['--warning-text', '--warning-bg', TEXT],
  ['--danger', '--danger-bg', TEXT],
  ['--text', '--info-bg', TEXT],
  ['--text-muted', '--info-bg', TEXT],
  ['--draft-text', '--draft-bg', TEXT],
  ['--text', '--active-line/--editor-bg', TEXT],
  ['--text', '--selection/--editor-bg', TEXT],
  ['--text', '--search-match-current/--editor-bg', TEXT],
  ['--text', '--danger-bg', TEXT],
  ['--text', '--diff-added/--surface', TEXT],
  // Editor syntax colours are text on the editor's background (and its active line).
  ...[
    '--syn-heading',
    '--syn-link',
    '--syn-url',
    '--syn-code',
    '--syn-meta',
    '--syn-keyword',
    '--syn-property',
    '--syn-string',
    '--syn-number',
    '--syn-type',
    '--syn-function',
    '--syn-variable',
    '--syn-punct',
  ].flatMap((fg): Array<[string, string, number]> => [
    [fg, '--editor-bg', TEXT],
    [fg, '--active-line/--editor-bg', TEXT],
  ]),
  // Boundaries that show where a control is and which state it is in.
  ...SURFACES.flatMap((bg): Array<[string, string, number]> => [
    ['--border-strong', bg, UI],
    ['--focus', bg, UI],
    ['--accent', bg, UI],
  ]),
  ['--focus', '--accent-soft', UI],
  ['--danger', '--danger-bg', UI],
  ['--unsaved', '--surface-2', UI],
  ['--success', '--surface-2', UI],
]

/** The opaque colour a `token` or `token/base` background resolves to. */
function background(theme: Theme, spec: string): Rgba {
  const [top, base] = spec.split('/')
  const c = colour(theme, theme[top!] ?? `missing ${top}`)
  return base ? over(c, background(theme, base)) : c
}

describe.each([
  ['light', light],
  ['dark', dark],
])('design tokens, %s theme', (_name, theme) => {
  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, min) => {
    const back = background(theme, bg)
    const front = over(colour(theme, theme[fg] ?? `missing ${fg}`), back)
    expect(Number(ratio(front, back).toFixed(2))).toBeGreaterThanOrEqual(min)
  })
})

it('the dark theme gives its own value to every colour token of the light theme', () => {
  const colours = Object.keys(light).filter((k) => /^(#|rgba?\()/.test(light[k]!))
  expect(colours.length).toBeGreaterThan(30)
  expect(colours.filter((k) => !(k in darkOwn))).toEqual([])
})

describe('the contrast arithmetic', () => {
  it('gives the WCAG reference ratios', () => {
    expect(ratio(colour({}, '#000'), colour({}, '#fff'))).toBeCloseTo(21, 5)
    expect(ratio(colour({}, '#777777'), colour({}, '#ffffff'))).toBeCloseTo(4.48, 2)
    expect(ratio(colour({}, '#fff'), colour({}, '#fff'))).toBe(1)
  })

  it('composites a translucent colour over its background', () => {
    expect(over(colour({}, 'rgba(0, 0, 0, 0.5)'), colour({}, '#ffffff'))).toEqual([
      127.5, 127.5, 127.5, 1,
    ])
  })
})
