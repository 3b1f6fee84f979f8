import type { MarkdownSettings } from './settings'

/** Options for {@link renderPost}. */
export interface RenderOptions {
  /**
   * The blog's kramdown options (one value for the whole repository, reused between renders);
   * the Pepabo defaults when absent.
   */
  markdown?: MarkdownSettings
  /**
   * Maps an image src written in the post to a URL for the preview, or null when refused (shown as
   * a placeholder). Called for relative srcs; absolute http(s) srcs are kept.
   */
  resolveImage?: (src: string) => string | null
}

/** A heading of the post, in document order. */
export interface Heading {
  level: number
  /** The heading as plain text (no markup). */
  text: string
  /** Its kramdown id; '' when kramdown gives it none (a heading of only punctuation). */
  id: string
  /** 0-based line in the whole file (front matter included). */
  line: number
}

/** The rendered post: HTML (not yet sanitized) and its headings. */
export interface RenderResult {
  html: string
  headings: Heading[]
  /**
   * The same HTML split into top-level blocks (`html === blocks.map(b => b.html).join('')`), each
   * with the 0-based file line it starts on, so the preview can patch only the blocks that changed.
   */
  blocks: RenderedBlock[]
}

/** One top-level block of rendered HTML and the 0-based file line it starts on. */
export interface RenderedBlock {
  html: string
  line: number
}

/** Attributes given by a kramdown attribute list (`{: .a #b key="v" ref}`). */
export interface AttributeList {
  classes: string[]
  id: string | null
  /** Other `key="value"` pairs, in order. */
  pairs: Array<[string, string]>
  /** Bare names: references to attribute list definitions, or markers such as `toc`. */
  refs: string[]
}

/**
 * Per-render state shared by the pipeline's rules through markdown-it's `env`.
 * Created fresh by `renderPost` for every render.
 */
export interface PipelineEnv {
  [key: string | symbol]: unknown
  /** Line of the body's first line in the whole file. */
  lineOffset: number
  resolveImage: ((src: string) => string | null) | undefined
  /** Attribute list definitions (`{:name: .class}`) by name. */
  alds: Map<string, AttributeList>
  headings: Heading[]
  /** The kramdown options this render follows. */
  markdown: MarkdownSettings
}
