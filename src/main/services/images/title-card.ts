import sharp, { type OverlayOptions } from 'sharp'
import { japanesePhrases } from './phrases'
import {
  layoutTitleCard,
  TITLE_CARD,
  type TitleCardLayout,
  type PlacedText,
} from '../../../shared/eyecatch/title-card-layout'
import { registerFont, type TitleCardFonts } from './font-metrics'
import { DEFAULT_LIMITS, sharpInput, type ImageLimits } from './probe'

/** The pieces of a title card, with images already checked by `inspectImage`. */
export interface TitleCardInput {
  title: string
  author: string
  role: string
  /** Logo slot text (the site's name); empty hides it. */
  logo: string
  /** Background image bytes (drawn to cover), or null for a plain grey. */
  background: Uint8Array | null
  /** Avatar image bytes (drawn to cover in a circle), or null for none. */
  avatar: Uint8Array | null
}

/** A rendered title card. */
export interface RenderedTitleCard {
  /** Lossless PNG at `TITLE_CARD` size × scale. */
  png: Buffer
  width: number
  height: number
  layout: TitleCardLayout
}

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function textElement(t: PlacedText, family: string): string {
  return (
    `<text x="${t.x}" y="${t.y}" font-family="${escapeXml(family)}" font-size="${t.size}" font-weight="${t.weight}"` +
    ` fill="${t.color}" text-anchor="${t.anchor}" xml:space="preserve">${escapeXml(t.text)}</text>`
  )
}

function svgOpen(scale: number): string {
  const c = TITLE_CARD
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${c.width * scale}" height="${c.height * scale}" viewBox="0 0 ${c.width} ${c.height}">`
}

/** The text of a card as an SVG in 1× coordinates. */
function textSvg(layout: TitleCardLayout, fonts: TitleCardFonts, scale: number): string {
  return svgOpen(scale) + layout.texts.map((t) => textElement(t, fonts.family)).join('') + '</svg>'
}

const cardLayers = new Map<number, Promise<Buffer>>()

/**
 * The white rounded card with its soft shadow, as an RGBA PNG at `scale`. The same for every card
 * and slow to blur (~200 ms at 1×), so it is drawn once per scale and kept.
 */
function cardLayer(scale: number): Promise<Buffer> {
  let layer = cardLayers.get(scale)
  if (!layer) {
    const c = TITLE_CARD
    const card = {
      left: c.inset,
      top: c.inset,
      width: c.width - 2 * c.inset,
      height: c.height - 2 * c.inset,
    }
    const svg =
      svgOpen(scale) +
      `<defs><filter id="shadow" x="-10%" y="-10%" width="120%" height="130%">` +
      `<feGaussianBlur in="SourceAlpha" stdDeviation="${c.shadow.blur / 2}"/>` +
      `<feOffset dy="${c.shadow.offsetY}" result="o"/>` +
      `<feComponentTransfer><feFuncA type="linear" slope="${c.shadow.opacity}"/></feComponentTransfer>` +
      `<feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter></defs>` +
      `<rect x="${card.left}" y="${card.top}" width="${card.width}" height="${card.height}" rx="${c.radius}" ry="${c.radius}" fill="${c.colors.card}" filter="url(#shadow)"/>` +
      `</svg>`
    layer = sharp(Buffer.from(svg)).png({ compressionLevel: 0 }).toBuffer()
    layer.catch(() => cardLayers.delete(scale))
    cardLayers.set(scale, layer)
  }
  return layer
}

/**
 * Renders a title card (PORTAL.md §4) with the shipped fonts: background to cover, white rounded
 * card with a soft shadow, the fitted title, the author row and the logo text. The text is drawn
 * by librsvg from an SVG the app writes itself (user text escaped); fonts come from the app's own
 * files, so the result is the same on every machine.
 */
export async function renderTitleCard(
  input: TitleCardInput,
  fonts: TitleCardFonts,
  scale: 1 | 2 = 1,
  limits: ImageLimits = DEFAULT_LIMITS,
): Promise<RenderedTitleCard> {
  await Promise.all([registerFont(fonts.bold), registerFont(fonts.regular)])
  const layout = layoutTitleCard(
    {
      title: input.title,
      author: input.author,
      role: input.role,
      logo: input.logo,
      hasAvatar: input.avatar !== null,
    },
    fonts.measure,
    japanesePhrases,
  )
  const width = TITLE_CARD.width * scale
  const height = TITLE_CARD.height * scale
  const base = input.background
    ? sharp(input.background, { ...sharpInput(limits), pages: 1 })
        .autoOrient()
        .resize(width, height, { fit: 'cover' })
        .flatten({ background: '#dfe3e8' })
        .toColorspace('srgb')
    : sharp({ create: { width, height, channels: 3, background: '#dfe3e8' } })
  const backgroundPixels = await base.raw().toBuffer({ resolveWithObject: true })
  const layers: OverlayOptions[] = [
    { input: await cardLayer(scale), top: 0, left: 0 },
    { input: Buffer.from(textSvg(layout, fonts, scale)), top: 0, left: 0 },
  ]
  if (layout.avatar && input.avatar) {
    const d = TITLE_CARD.avatar * scale
    const circle = (body: string) =>
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${d}" height="${d}">${body}</svg>`,
      )
    const mask = circle(`<circle cx="${d / 2}" cy="${d / 2}" r="${d / 2}" fill="#fff"/>`)
    // A faint ring keeps a white avatar from melting into the white card.
    const ring = circle(
      `<circle cx="${d / 2}" cy="${d / 2}" r="${d / 2 - scale / 2}" fill="none" stroke="#000" stroke-opacity="0.1" stroke-width="${scale}"/>`,
    )
    const avatar = await sharp(input.avatar, { ...sharpInput(limits), pages: 1 })
      .autoOrient()
      .resize(d, d, { fit: 'cover' })
      .toColorspace('srgb')
      .ensureAlpha()
      .composite([{ input: mask, blend: 'dest-in' }, { input: ring }])
      .png()
      .toBuffer()
    layers.push({ input: avatar, left: layout.avatar.left * scale, top: layout.avatar.top * scale })
  }
  const png = await sharp(backgroundPixels.data, {
    raw: {
      width: backgroundPixels.info.width,
      height: backgroundPixels.info.height,
      channels: backgroundPixels.info.channels,
    },
  })
    .composite(layers)
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer()
  return { png, width, height, layout }
}
