import { expect, it } from 'vitest'
import { renderBody } from '../../../../src/shared/markdown'

/** The preview's image rule in tests: everything inside the post folder, nothing above it. */
export const resolveImage = (src: string) =>
  src.includes('..') ? null : `portal://asset/post/${src}`

/** Rendered HTML of a body, without the scroll-sync attributes (checked on their own). */
export function html(md: string): string {
  return renderBody(md, 0, { resolveImage }).html.replace(/ data-line="\d+"/g, '')
}

/** One row of a rendering table: Markdown in, fragments that must (not) be in the HTML. */
export interface Row {
  name: string
  md: string
  /** Fragments that must appear in the HTML. */
  has: string[]
  /** Fragments that must not appear. */
  not?: string[]
}

/** Runs a table of rows as one test each. */
export function table(rows: Row[]): void {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const out = html(row.md)
    for (const fragment of row.has) expect(out).toContain(fragment)
    for (const fragment of row.not ?? []) expect(out).not.toContain(fragment)
  })
}
