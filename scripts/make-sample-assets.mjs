#!/usr/bin/env node
// Draws the sample blog's images and the app icon from SVG written here, with sharp.
//
//   node scripts/make-sample-assets.mjs           write every image (re-runnable, same bytes each run)
//   node scripts/make-sample-assets.mjs --check   write nothing; exit 1 if a committed image differs
//
// Outputs: eyecatches (1200×630) and body diagrams into each post's asset folder under
// resources/sample-blog/source/blog/, and resources/icons/icon.svg, icon.png (1024) and
// icon-512.png. Text is set in Noto Sans CJK JP (Debian: fonts-noto-cjk); without that font the
// Japanese text cannot be drawn, so the script refuses to run. Shapes that look scattered come from
// a seeded generator, so every run draws the same picture. Every file must stay under 150 KB.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const BLOG = join(ROOT, 'resources/sample-blog/source/blog')
const ICONS = join(ROOT, 'resources/icons')
const MAX_BYTES = 150 * 1024
const FONT = "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif"

/** Escapes text for SVG. */
const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A small seeded PRNG (mulberry32): the same seed draws the same shapes on every run. */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Rounds to one decimal so the SVG text is short and stable. */
const r1 = (n) => Math.round(n * 10) / 10

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two colours. */
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

// ---------------------------------------------------------------------------------------------
// Eyecatches: a gradient, an abstract motif on the right, the category, the title and the authors.

const W = 1200
const H = 630

const motifs = {
  /** Queue items sliding diagonally, as jobs waiting in line. */
  queue(rand) {
    let s = ''
    for (let i = 0; i < 7; i++) {
      const x = 690 + i * 58
      const y = 420 - i * 48 + rand() * 10
      const o = r1(0.18 + i * 0.09)
      s += `<rect x="${x}" y="${r1(y)}" width="150" height="92" rx="18" fill="#ffffff" fill-opacity="${o}"/>`
      s += `<rect x="${x + 22}" y="${r1(y + 30)}" width="${70 + (i % 3) * 18}" height="10" rx="5" fill="#0b3b5a" fill-opacity="${r1(o * 0.8)}"/>`
      s += `<rect x="${x + 22}" y="${r1(y + 52)}" width="56" height="10" rx="5" fill="#0b3b5a" fill-opacity="${r1(o * 0.5)}"/>`
    }
    return s
  },
  /** A grid of colour swatches, as design tokens. */
  swatches(rand) {
    const palette = [
      '#ffd6c2',
      '#ffb199',
      '#ff8a7a',
      '#f25f7a',
      '#c94f8a',
      '#ffe3a3',
      '#fff1e6',
      '#f7a072',
    ]
    let s = ''
    for (let row = 0; row < 5; row++) {
      for (let col = 0; col < 4; col++) {
        const c = palette[Math.floor(rand() * palette.length)]
        const cx = 800 + col * 98 + (row % 2) * 49
        const cy = 90 + row * 108
        const rr = 30 + Math.floor(rand() * 14)
        s += `<circle cx="${cx}" cy="${cy}" r="${rr}" fill="${c}" fill-opacity="0.85"/>`
      }
    }
    return s
  },
  /** A crescent moon and a seeded field of stars: the night shift. */
  night(rand) {
    let s =
      '<mask id="moon"><rect width="1200" height="630" fill="#fff"/><circle cx="1000" cy="150" r="92" fill="#000"/></mask>' +
      '<circle cx="955" cy="190" r="110" fill="#fff6d8" mask="url(#moon)"/>'
    for (let i = 0; i < 60; i++) {
      const x = 560 + rand() * 620
      const y = 20 + rand() * 590
      const rr = 1.2 + rand() * 2.8
      s += `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(rr)}" fill="#ffffff" fill-opacity="${r1(0.35 + rand() * 0.6)}"/>`
    }
    s +=
      '<path d="M600 630 C 760 520 900 560 1200 470 L1200 630 Z" fill="#1b1446" fill-opacity="0.6"/>'
    return s
  },
  /** Confetti in warm colours: a festival of talks. */
  confetti(rand) {
    const colors = ['#ffffff', '#fff3b0', '#ff6b6b', '#4ecdc4', '#ffe66d', '#5c4d7d']
    let s = ''
    for (let i = 0; i < 46; i++) {
      const y = r1(20 + rand() * 590)
      // Keep the title band (left of x≈900, y 170–350) clear so the text stays readable.
      const x = r1((y > 150 && y < 370 ? 900 : 640) + rand() * (y > 150 && y < 370 ? 280 : 540))
      const c = colors[i % colors.length]
      const rot = Math.floor(rand() * 180)
      const kind = i % 3
      if (kind === 0)
        s += `<circle cx="${x}" cy="${y}" r="${r1(8 + rand() * 12)}" fill="${c}" fill-opacity="0.9"/>`
      else if (kind === 1)
        s += `<rect x="${x}" y="${y}" width="26" height="12" rx="4" fill="${c}" transform="rotate(${rot} ${x} ${y})"/>`
      else
        s += `<path d="M${x} ${y} l14 24 h-28 z" fill="${c}" fill-opacity="0.9" transform="rotate(${rot} ${x} ${y})"/>`
    }
    return s
  },
  /** Concentric rings and a dashed focus outline: looking closely at every control. */
  rings() {
    let s = ''
    for (let i = 0; i < 6; i++) {
      s += `<circle cx="960" cy="320" r="${60 + i * 48}" fill="none" stroke="#ffffff" stroke-opacity="${r1(0.55 - i * 0.07)}" stroke-width="${14 - i * 2}"/>`
    }
    s += '<rect x="880" y="286" width="160" height="68" rx="34" fill="#ffffff"/>'
    s +=
      '<rect x="866" y="272" width="188" height="96" rx="48" fill="none" stroke="#fff3a0" stroke-width="6" stroke-dasharray="14 10"/>'
    return s
  },
  /** Steps rising to a flag: one version up at a time. */
  steps() {
    let s = ''
    for (let i = 0; i < 6; i++) {
      const h = 90 + i * 72
      s += `<rect x="${700 + i * 80}" y="${630 - h}" width="80" height="${h}" fill="#ffffff" fill-opacity="${r1(0.12 + i * 0.07)}"/>`
    }
    s += '<rect x="1132" y="60" width="6" height="110" fill="#ffffff"/>'
    s += '<path d="M1138 62 L1196 84 L1138 106 Z" fill="#ffe1d6"/>'
    return s
  },
  /** Log lines of different lengths, a few highlighted as the expensive ones. */
  logs(rand) {
    let s = ''
    for (let i = 0; i < 13; i++) {
      const y = 48 + i * 42
      const w = 120 + Math.floor(rand() * 200)
      const hot = i % 4 === 1
      s += `<rect x="${1180 - w}" y="${y}" width="${w}" height="16" rx="8" fill="${hot ? '#ffd166' : '#ffffff'}" fill-opacity="${hot ? 0.9 : 0.28}"/>`
    }
    return s
  },
}

/** SVG of a 1200×630 eyecatch. */
function eyecatchSvg({ from, to, motif, seed, category, title, authors, ink = '#ffffff' }) {
  const size = title.length > 2 ? 54 : 60
  const lineHeight = Math.round(size * 1.36)
  const top = 250 - ((title.length - 2) * lineHeight) / 2
  const titleText = title
    .map(
      (line, i) =>
        `<text x="72" y="${top + i * lineHeight}" font-size="${size}" font-weight="700">${esc(line)}</text>`,
    )
    .join('')
  let avatars = ''
  authors.forEach((name, i) => {
    avatars += `<circle cx="${96 + i * 40}" cy="546" r="22" fill="${ink}" fill-opacity="0.9" stroke="${from}" stroke-width="3"/>`
    avatars += `<text x="${96 + i * 40}" y="555" font-size="22" font-weight="700" fill="${from}" text-anchor="middle">${esc(name[0].toUpperCase())}</text>`
  })
  const namesX = 96 + (authors.length - 1) * 40 + 42
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
  <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
  <radialGradient id="glow" cx="0.85" cy="0.2" r="0.7"><stop offset="0" stop-color="#ffffff" stop-opacity="0.28"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>
  <filter id="soft" x="-5%" y="-20%" width="110%" height="140%"><feDropShadow dx="0" dy="3" stdDeviation="4" flood-color="#000" flood-opacity="0.25"/></filter>
</defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
<rect width="${W}" height="${H}" fill="url(#glow)"/>
<g>${motifs[motif](rng(seed))}</g>
<g font-family="${FONT}" fill="${ink}">
  <rect x="72" y="64" width="${44 + category.length * 26}" height="44" rx="22" fill="${ink}" fill-opacity="0.2"/>
  <text x="94" y="95" font-size="24" font-weight="700">${esc(category)}</text>
  <g filter="url(#soft)">${titleText}</g>
  ${avatars}
  <text x="${namesX}" y="556" font-size="26">${esc(authors.join(' · '))}</text>
</g>
</svg>`
}

const eyecatches = [
  {
    post: '2026-08-21-job-queue-migration',
    file: 'eyecatch.png',
    from: '#0f6f8f',
    to: '#2b3f8c',
    motif: 'queue',
    seed: 821,
    category: '技術',
    title: ['ジョブキューを Resque から', 'Solid Queue へ移した半年間'],
    authors: ['kojiro', 'mina'],
  },
  {
    post: '2026-09-10-design-tokens',
    file: 'eyecatch.jpg',
    from: '#e76f51',
    to: '#9d4b8c',
    motif: 'swatches',
    seed: 910,
    category: 'デザイン',
    title: ['デザインシステム', '「Tsumiki」のトークンを', '3層に整理した話'],
    authors: ['yuzu'],
  },
  {
    post: '2026-09-30-sustainable-on-call',
    file: 'eyecatch.webp',
    from: '#1d1b4f',
    to: '#4b3a8f',
    motif: 'night',
    seed: 930,
    category: '技術',
    title: ['オンコールを続けられる', '仕組みにするために', '変えた5つのこと'],
    authors: ['tsubasa'],
  },
  {
    post: '2026-10-16-web-craft-conference-report',
    file: 'eyecatch.png',
    from: '#f08a24',
    to: '#d9480f',
    motif: 'confetti',
    seed: 1016,
    category: 'イベント',
    title: ['Web Craft Conference 2026', 'に参加しました'],
    authors: ['hinata', 'yuzu', 'kojiro'],
  },
  {
    post: '2026-11-05-accessibility-audit',
    file: 'eyecatch.jpg',
    from: '#1f7a5a',
    to: '#3aa17e',
    motif: 'rings',
    seed: 1105,
    category: '技術・デザイン',
    title: ['ショップ管理画面の', 'アクセシビリティを', '自分たちで監査してみた'],
    authors: ['mina', 'yuzu'],
  },
  {
    post: '2026-11-13-rails-upgrade',
    file: 'eyecatch.png',
    from: '#b4233c',
    to: '#e8684a',
    motif: 'steps',
    seed: 1113,
    category: '技術',
    title: ['はこにわを Rails 8.1 に', '上げるまでの3週間'],
    authors: ['kojiro'],
  },
  {
    post: '2026-11-26-log-pipeline-cost',
    file: 'eyecatch.webp',
    from: '#34495e',
    to: '#2c6e9b',
    motif: 'logs',
    seed: 1126,
    category: '技術',
    title: ['ログ基盤の費用を半分にする', 'ために見直していること'],
    authors: ['tsubasa'],
  },
]

// ---------------------------------------------------------------------------------------------
// Body images: diagrams drawn with boxes, arrows and labels.

const ARROW_DEFS =
  '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#4a5568"/></marker>'

/** A rounded box with a centred label and an optional second line. */
function box(
  x,
  y,
  w,
  h,
  { fill = '#ffffff', stroke = '#94a3b8', label, sub, size = 26, color = '#1f2937' },
) {
  const cy = sub ? y + h / 2 - 6 : y + h / 2 + size * 0.36
  let s = `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="14" fill="${fill}" stroke="${stroke}" stroke-width="3"/>`
  s += `<text x="${x + w / 2}" y="${r1(cy)}" font-size="${size}" font-weight="700" fill="${color}" text-anchor="middle">${esc(label)}</text>`
  if (sub)
    s += `<text x="${x + w / 2}" y="${r1(cy + size + 4)}" font-size="${Math.round(size * 0.72)}" fill="#475569" text-anchor="middle">${esc(sub)}</text>`
  return s
}

/** A straight arrow. */
const arrow = (x1, y1, x2, y2, dashed = false) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#4a5568" stroke-width="3" marker-end="url(#arrow)"${dashed ? ' stroke-dasharray="8 6"' : ''}/>`

/** Wraps diagram content in a page with the font and arrow marker set. */
const page = (w, h, body, bg = '#f8fafc') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${ARROW_DEFS}</defs><rect width="${w}" height="${h}" fill="${bg}"/><g font-family="${FONT}">${body}</g></svg>`

function queueArchitectureSvg() {
  const panel = (x, title, after) => {
    let s = `<rect x="${x}" y="24" width="552" height="552" rx="20" fill="#ffffff" stroke="#e2e8f0" stroke-width="2"/>`
    s += `<text x="${x + 32}" y="76" font-size="30" font-weight="700" fill="#0f172a">${title}</text>`
    s += box(x + 40, 110, 200, 84, { label: 'Web', sub: 'Rails（Puma）' })
    s += box(x + 312, 110, 200, 84, { label: 'Worker', sub: after ? 'bin/jobs' : 'Resque' })
    if (!after) {
      s += box(x + 40, 300, 472, 96, {
        fill: '#fff1f2',
        stroke: '#f43f5e',
        label: 'Redis',
        sub: 'キャッシュ・セッション・ジョブ',
      })
      s += box(x + 40, 452, 472, 84, { label: 'MySQL', sub: 'アプリケーション' })
      s += arrow(x + 140, 194, x + 140, 296) + arrow(x + 412, 296, x + 412, 194)
      s += `<text x="${x + 152}" y="254" font-size="20" fill="#475569">積む</text><text x="${x + 424}" y="254" font-size="20" fill="#475569">取り出す</text>`
    } else {
      s += box(x + 40, 300, 220, 96, { label: 'Redis', sub: 'キャッシュ・セッション', size: 23 })
      s += box(x + 282, 300, 230, 96, {
        fill: '#ecfdf5',
        stroke: '#10b981',
        label: 'MySQL',
        sub: 'ジョブ用データベース',
        size: 23,
      })
      s += box(x + 40, 452, 472, 84, { label: 'MySQL', sub: 'アプリケーション' })
      s += arrow(x + 200, 194, x + 330, 296) + arrow(x + 440, 296, x + 440, 194)
      s += `<text x="${x + 290}" y="236" font-size="20" fill="#475569">積む</text><text x="${x + 452}" y="254" font-size="20" fill="#475569">取り出す</text>`
    }
    return s
  }
  return page(
    1200,
    600,
    panel(24, '移行前', false) + arrow(582, 300, 618, 300) + panel(624, '移行後', true),
  )
}

function tokenLayersSvg() {
  const chip = (x, y, label, swatch) =>
    `<rect x="${x}" y="${y}" width="${swatch ? 250 : 330}" height="52" rx="26" fill="#ffffff" stroke="#cbd5e1" stroke-width="2"/>` +
    (swatch ? `<circle cx="${x + 28}" cy="${y + 26}" r="14" fill="${swatch}"/>` : '') +
    `<text x="${x + (swatch ? 52 : 24)}" y="${y + 34}" font-size="22" fill="#1f2937" font-family="'Noto Sans Mono CJK JP', monospace">${esc(label)}</text>`
  const layer = (y, name, note, color, chips) =>
    `<rect x="40" y="${y}" width="1120" height="150" rx="22" fill="${color}"/>` +
    `<text x="76" y="${y + 66}" font-size="32" font-weight="700" fill="#0f172a">${esc(name)}</text>` +
    `<text x="76" y="${y + 108}" font-size="20" fill="#334155">${esc(note)}</text>` +
    chips
  let s = layer(
    30,
    'コンポーネント',
    'そのコンポーネントの実装だけが使う',
    '#fde2e4',
    chip(420, 79, 'button-primary-background') + chip(780, 79, 'card-border-radius'),
  )
  s += layer(
    245,
    'セマンティック',
    '画面を作るすべての人が使う',
    '#e2ece9',
    chip(420, 294, 'color-text-link') + chip(780, 294, 'space-stack-m'),
  )
  s += layer(
    460,
    'プリミティブ',
    'トークンを定義する人だけが使う',
    '#dfe7fd',
    chip(420, 509, 'blue-600', '#1f5fd6') +
      chip(690, 509, 'gray-900', '#1a202c') +
      chip(960, 509, 'space-4', '#94a3b8').replace('width="250"', 'width="180"'),
  )
  s +=
    arrow(585, 131, 585, 290) +
    arrow(945, 131, 945, 290) +
    arrow(585, 346, 545, 505) +
    arrow(945, 346, 1050, 505)
  s +=
    '<text x="600" y="220" font-size="20" fill="#475569">参照</text><text x="600" y="435" font-size="20" fill="#475569">参照</text>'
  return page(1200, 640, s, '#ffffff')
}

function rotationSvg() {
  const weeks = ['11/2 の週', '11/9 の週', '11/16 の週', '11/23 の週', '11/30 の週', '12/7 の週']
  const first = [
    ['hinata', '#fde68a'],
    ['sora', '#bfdbfe'],
    ['mina', '#bbf7d0'],
    ['riku', '#fbcfe8'],
    ['kojiro', '#fde68a'],
    ['yuzu', '#bfdbfe'],
  ]
  const second = ['tsubasa', 'aoi', 'ren', 'kai', 'tsubasa', 'aoi']
  const x0 = 220
  const cw = 160
  let s =
    '<text x="40" y="60" font-size="30" font-weight="700" fill="#0f172a">オンコール当番表</text>'
  weeks.forEach((w, i) => {
    s += `<text x="${x0 + i * cw + cw / 2}" y="120" font-size="20" fill="#334155" text-anchor="middle">${esc(w)}</text>`
  })
  s +=
    '<text x="40" y="196" font-size="24" font-weight="700" fill="#0f172a">一次対応</text><text x="40" y="226" font-size="18" fill="#475569">開発チーム</text>'
  s +=
    '<text x="40" y="316" font-size="24" font-weight="700" fill="#0f172a">二次対応</text><text x="40" y="346" font-size="18" fill="#475569">SRE</text>'
  first.forEach(([name, color], i) => {
    s += box(x0 + i * cw + 8, 150, cw - 16, 90, {
      fill: color,
      stroke: '#ffffff',
      label: name,
      size: 24,
    })
  })
  second.forEach((name, i) => {
    s += box(x0 + i * cw + 8, 270, cw - 16, 90, {
      fill: '#e2e8f0',
      stroke: '#ffffff',
      label: name,
      size: 24,
    })
  })
  const legend = [
    ['#fde68a', 'ショップ作成チーム'],
    ['#bfdbfe', '決済チーム'],
    ['#bbf7d0', '管理画面チーム'],
    ['#fbcfe8', '画像配信チーム'],
  ]
  legend.forEach(([color, label], i) => {
    s += `<rect x="${40 + i * 280}" y="420" width="28" height="28" rx="6" fill="${color}"/><text x="${80 + i * 280}" y="442" font-size="20" fill="#334155">${esc(label)}</text>`
  })
  return page(1200, 500, s)
}

function boothSvg() {
  const rand = rng(1010)
  let s =
    '<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f3efe7"/><stop offset="1" stop-color="#e4ddd0"/></linearGradient>' +
    '<linearGradient id="floor" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b9a68c"/><stop offset="1" stop-color="#8c7a63"/></linearGradient>' +
    '<linearGradient id="panel" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f08a24"/><stop offset="1" stop-color="#d9480f"/></linearGradient>' +
    '<radialGradient id="light" cx="0.5" cy="0" r="0.9"><stop offset="0" stop-color="#fff8e6" stop-opacity="0.7"/><stop offset="1" stop-color="#fff8e6" stop-opacity="0"/></radialGradient></defs>'
  s +=
    '<rect width="1200" height="560" fill="url(#wall)"/><rect y="560" width="1200" height="240" fill="url(#floor)"/>'
  s += '<rect x="250" y="70" width="700" height="380" rx="12" fill="url(#panel)"/>'
  s += `<text x="600" y="230" font-family="${FONT}" font-size="84" font-weight="700" fill="#ffffff" text-anchor="middle">はこにわ</text>`
  s += `<text x="600" y="300" font-family="${FONT}" font-size="32" fill="#fff3e0" text-anchor="middle">ネットショップを、もっと気軽に。</text>`
  s += '<rect x="300" y="340" width="600" height="60" rx="30" fill="#ffffff" fill-opacity="0.22"/>'
  s +=
    '<rect x="60" y="120" width="150" height="450" rx="8" fill="#ffffff"/><rect x="76" y="140" width="118" height="150" rx="6" fill="#4ecdc4" fill-opacity="0.7"/><rect x="76" y="310" width="118" height="14" rx="7" fill="#cbd5e1"/><rect x="76" y="336" width="90" height="14" rx="7" fill="#cbd5e1"/>'
  s +=
    '<rect x="180" y="520" width="840" height="40" rx="6" fill="#2d3a4a"/><rect x="200" y="560" width="800" height="190" fill="#36485c"/>'
  s +=
    '<rect x="460" y="470" width="120" height="80" rx="8" fill="#1e293b"/><rect x="468" y="478" width="104" height="64" rx="4" fill="#7dd3fc"/>'
  s +=
    '<rect x="640" y="470" width="120" height="80" rx="8" fill="#1e293b"/><rect x="648" y="478" width="104" height="64" rx="4" fill="#fcd34d"/>'
  const stickerColors = ['#ff6b6b', '#4ecdc4', '#ffe66d', '#ffffff', '#f08a24']
  for (let i = 0; i < 14; i++) {
    const x = 240 + rand() * 180 + (i > 6 ? 560 : 0)
    const y = 528 + rand() * 16
    s += `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="16" ry="7" fill="${stickerColors[i % stickerColors.length]}"/>`
  }
  s += '<rect width="1200" height="800" fill="url(#light)"/>'
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">${s}</svg>`
}

/** Help-text colours before and after the fix; the diagram prints their measured ratios. */
const HELP_BEFORE = '#989898'
const HELP_AFTER = '#666666'

function contrastSvg() {
  const card = (x, title, help, accent) => {
    const ratio = contrast(help, '#ffffff').toFixed(1)
    const ok = Number(ratio) >= 4.5
    let s = `<rect x="${x}" y="30" width="540" height="440" rx="20" fill="#ffffff" stroke="#e2e8f0" stroke-width="2"/>`
    s += `<text x="${x + 36}" y="86" font-size="28" font-weight="700" fill="#0f172a">${esc(title)}</text>`
    s += `<text x="${x + 36}" y="156" font-size="24" font-weight="700" fill="#1f2937">商品名</text>`
    s += `<rect x="${x + 36}" y="174" width="468" height="64" rx="10" fill="#ffffff" stroke="#94a3b8" stroke-width="2"/>`
    s += `<text x="${x + 56}" y="216" font-size="24" fill="#1f2937">手織りのランチョンマット</text>`
    s += `<text x="${x + 36}" y="280" font-size="22" fill="${help}">全角 40 文字まで入力できます</text>`
    s += `<rect x="${x + 36}" y="330" width="468" height="100" rx="14" fill="${accent}"/>`
    s += `<text x="${x + 60}" y="374" font-size="22" fill="#1f2937">コントラスト比</text>`
    s += `<text x="${x + 60}" y="412" font-size="30" font-weight="700" fill="#1f2937">${ratio} : 1<tspan dx="28">${ok ? 'AA 達成' : 'AA 未達'}</tspan></text>`
    s += `<rect x="${x + 420}" y="354" width="56" height="56" rx="10" fill="${help}"/>`
    return s
  }
  return page(
    1200,
    500,
    card(40, '修正前', HELP_BEFORE, '#fee2e2') + card(620, '修正後', HELP_AFTER, '#dcfce7'),
  )
}

function timelineSvg() {
  // Gantt style: task names in the left column, bars on a three-week axis.
  const x0 = 340
  const week = 270
  let s =
    '<text x="40" y="56" font-size="30" font-weight="700" fill="#0f172a">Rails 8.1 へのアップグレード（3週間）</text>'
  for (let i = 0; i < 3; i++) {
    s += `<rect x="${x0 + i * week}" y="90" width="${week - 8}" height="44" rx="8" fill="#e2e8f0"/><text x="${x0 + i * week + (week - 8) / 2}" y="120" font-size="22" font-weight="700" fill="#334155" text-anchor="middle">${i + 1}週目</text>`
  }
  const bars = [
    [0, 0.95, '非推奨の警告を解消', '#fca5a5'],
    [1, 1.9, 'gem の対応を待つ・直す', '#fdba74'],
    [2, 2.4, 'ステージングで確認', '#93c5fd'],
    [2.4, 2.95, '本番 1 台 → 半分 → 全台', '#86efac'],
  ]
  bars.forEach(([a, b, label, color], i) => {
    const y = 164 + i * 66
    s += `<text x="40" y="${y + 31}" font-size="22" fill="#1f2937">${esc(label)}</text>`
    s += `<rect x="${x0 + a * week}" y="${y}" width="${r1((b - a) * week - 8)}" height="46" rx="23" fill="${color}"/>`
  })
  const end = x0 + 2.95 * week - 8
  s += `<line x1="${x0}" y1="456" x2="${end - 18}" y2="456" stroke="#94a3b8" stroke-width="3" stroke-dasharray="6 8"/>`
  s += `<path d="M${end} 440 l16 16 l-16 16 l-16 -16 z" fill="#b4233c"/><text x="${end}" y="500" font-size="20" font-weight="700" fill="#b4233c" text-anchor="middle">リリース</text>`
  return page(1200, 520, s)
}

const bodyImages = [
  {
    post: '2026-08-21-job-queue-migration',
    file: 'queue-architecture.png',
    svg: queueArchitectureSvg,
  },
  { post: '2026-09-10-design-tokens', file: 'token-layers.webp', svg: tokenLayersSvg },
  { post: '2026-09-30-sustainable-on-call', file: 'rotation.png', svg: rotationSvg },
  { post: '2026-10-16-web-craft-conference-report', file: 'booth.jpg', svg: boothSvg },
  { post: '2026-11-05-accessibility-audit', file: 'contrast-before-after.png', svg: contrastSvg },
  { post: '2026-11-13-rails-upgrade', file: 'upgrade-timeline.png', svg: timelineSvg },
]

// ---------------------------------------------------------------------------------------------
// The app icon: a calm card with a few lines of text and a pen resting across it.

const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#3b8b88"/>
      <stop offset="1" stop-color="#1f4f63"/>
    </linearGradient>
    <linearGradient id="pen" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#f6c667"/>
      <stop offset="1" stop-color="#e9a23b"/>
    </linearGradient>
    <filter id="shadow" x="-20%" y="-20%" width="140%" height="140%">
      <feDropShadow dx="0" dy="18" stdDeviation="22" flood-color="#0b2530" flood-opacity="0.35"/>
    </filter>
  </defs>
  <rect x="64" y="64" width="896" height="896" rx="200" fill="url(#bg)"/>
  <g transform="rotate(-6 512 512)" filter="url(#shadow)">
    <rect x="232" y="208" width="520" height="620" rx="48" fill="#fbfaf6"/>
    <rect x="232" y="208" width="520" height="220" rx="48" fill="#f3b49f"/>
    <rect x="232" y="380" width="520" height="48" fill="#f3b49f"/>
    <circle cx="632" cy="300" r="46" fill="#fde7dd"/>
    <path d="M232 428 L360 330 L450 400 L540 340 L752 428 Z" fill="#e48f78"/>
    <rect x="296" y="486" width="392" height="34" rx="17" fill="#2f5d6b"/>
    <rect x="296" y="560" width="336" height="22" rx="11" fill="#b7c9cc"/>
    <rect x="296" y="612" width="368" height="22" rx="11" fill="#b7c9cc"/>
    <rect x="296" y="664" width="250" height="22" rx="11" fill="#b7c9cc"/>
  </g>
  <g transform="rotate(-40 700 700)" filter="url(#shadow)">
    <rect x="470" y="652" width="420" height="92" rx="20" fill="url(#pen)"/>
    <rect x="826" y="652" width="64" height="92" rx="20" fill="#2f5d6b"/>
    <rect x="800" y="652" width="26" height="92" fill="#d98c2b"/>
    <path d="M470 652 L370 698 L470 744 Z" fill="#fbe3c0"/>
    <path d="M404 682 L370 698 L404 714 Z" fill="#1f3a44"/>
  </g>
</svg>
`

// ---------------------------------------------------------------------------------------------

/** Encodes an SVG to the format the file name asks for, with settings that keep files small. */
async function render(svg, file, resize) {
  let img = sharp(Buffer.from(svg))
  if (resize) img = img.resize(resize, resize)
  if (file.endsWith('.png'))
    return img
      .png({
        compressionLevel: 9,
        adaptiveFiltering: true,
        palette: true,
        quality: 100,
        effort: 10,
        dither: 0,
      })
      .toBuffer()
  if (file.endsWith('.jpg')) return img.jpeg({ quality: 84, mozjpeg: true }).toBuffer()
  if (file.endsWith('.webp')) return img.webp({ quality: 84, effort: 6 }).toBuffer()
  throw new Error(`unknown image type: ${file}`)
}

/** Exits when fontconfig does not know Noto Sans CJK JP (SVG text would fall back to boxes). */
function requireFont() {
  let families
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' })
  } catch {
    // fc-list missing: sharp's own fontconfig may still know the font, but we cannot tell.
    return
  }
  if (!/Noto Sans CJK JP/.test(families)) {
    console.error(
      'Noto Sans CJK JP is not installed (Debian: apt-get install fonts-noto-cjk); Japanese text would not render.',
    )
    process.exit(1)
  }
}

async function main() {
  const check = process.argv.includes('--check')
  requireFont()
  const jobs = [
    ...eyecatches.map((e) => ({
      path: join(BLOG, e.post, e.file),
      make: () => render(eyecatchSvg(e), e.file),
    })),
    ...bodyImages.map((b) => ({
      path: join(BLOG, b.post, b.file),
      make: () => render(b.svg(), b.file),
    })),
    { path: join(ICONS, 'icon.svg'), make: async () => Buffer.from(ICON_SVG) },
    { path: join(ICONS, 'icon.png'), make: () => render(ICON_SVG, 'icon.png') },
    { path: join(ICONS, 'icon-512.png'), make: () => render(ICON_SVG, 'icon-512.png', 512) },
  ]
  let problems = 0
  for (const job of jobs) {
    const bytes = await job.make()
    const rel = relative(ROOT, job.path)
    const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 12)
    const kb = (bytes.length / 1024).toFixed(1)
    if (bytes.length >= MAX_BYTES) {
      console.error(`${rel}: ${kb} KB is over the 150 KB budget`)
      problems++
    }
    if (check) {
      const old = await readFile(job.path).catch(() => null)
      const same = old !== null && Buffer.compare(old, bytes) === 0
      if (!same) problems++
      console.log(`${same ? 'same' : 'DIFFERS'}  ${rel}  ${kb} KB  ${sha}`)
    } else {
      await mkdir(dirname(job.path), { recursive: true })
      await writeFile(job.path, bytes)
      console.log(`wrote  ${rel}  ${kb} KB  ${sha}`)
    }
  }
  if (problems > 0) process.exit(1)
}

await main()
