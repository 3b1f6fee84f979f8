import { join } from 'node:path'
import { openSync, type Font } from 'fontkit'
import sharp from 'sharp'
import type { Measure } from '../../../shared/eyecatch/line-break'

/** The title card's fonts as files, and a measure of the bold one. */
export interface TitleCardFonts {
  bold: string
  regular: string
  /** The family name the SVG asks for. */
  family: string
  /** Width of text set in the bold font, from its glyph advances (kerning included). */
  measure: Measure
}

/** Opens a font file and returns a measure over its glyph advances, cached per text. */
export function fontMeasure(path: string): Measure {
  const opened = openSync(path)
  // A collection holds several fonts; a single file is the font itself.
  const font = ('fonts' in opened ? opened.fonts[0] : opened) as Font
  const unitsPerEm = font.unitsPerEm
  const cache = new Map<string, number>()
  return (text, px) => {
    let units = cache.get(text)
    if (units === undefined) {
      units = font.layout(text).advanceWidth
      if (cache.size > 5000) cache.clear()
      cache.set(text, units)
    }
    return (units * px) / unitsPerEm
  }
}

const registered = new Map<string, Promise<void>>()

/**
 * Makes font files known to the image library's text engine (fontconfig), so SVG text asking for
 * their family uses them whatever fonts the machine has. Each file is registered once.
 */
export function registerFont(path: string): Promise<void> {
  let done = registered.get(path)
  if (!done) {
    // sharp registers `fontfile` with fontconfig as it renders; librsvg's text sees it afterwards.
    done = sharp({ text: { text: '.', fontfile: path, font: 'sans 8' } })
      .png()
      .toBuffer()
      .then(() => undefined)
    done.catch(() => registered.delete(path))
    registered.set(path, done)
  }
  return done
}

/** Loads the shipped Noto Sans JP (bold and regular) from a fonts folder. */
export function loadTitleCardFonts(fontsDir: string): TitleCardFonts {
  const bold = join(fontsDir, 'NotoSansJP-Bold.ttf')
  const regular = join(fontsDir, 'NotoSansJP-Regular.ttf')
  return { bold, regular, family: 'Noto Sans JP', measure: fontMeasure(bold) }
}
