import createDOMPurify from 'dompurify'
import { renderPost, sanitizePreviewHtml } from '../shared/markdown'
import { cliImageResolver } from './images'
import type { PostContext } from './post-context'

/**
 * Where the app serves repository files to the preview (`ASSET_BASE` in src/main/electron/security.ts,
 * kept apart so the command never loads Electron glue; a test keeps the two equal).
 */
export const PREVIEW_ASSET_BASE = 'portal://asset/'

type Purifier = Parameters<typeof sanitizePreviewHtml>[1]

let purifier: Purifier | null = null

/**
 * DOMPurify on a jsdom window: the same sanitizer the preview runs in Chromium, made once.
 * jsdom is loaded only here, so `card` and `check` start fast and run without it.
 */
export async function nodePurifier(): Promise<Purifier> {
  if (!purifier) {
    const { JSDOM } = await import('jsdom')
    const { window } = new JSDOM('<!doctype html><html><body></body></html>')
    purifier = createDOMPurify(
      window as unknown as Parameters<typeof createDOMPurify>[0],
    ) as unknown as Purifier
  }
  return purifier
}

/**
 * Renders a post the way the preview does (same pipeline, same kramdown options, same image rule),
 * not yet sanitized.
 */
export function renderBody(post: PostContext, assetBase = PREVIEW_ASSET_BASE): { html: string } {
  return renderPost(post.text, {
    resolveImage: cliImageResolver(
      post.relPath,
      post.assetDir,
      assetBase,
      post.profile.sourceDir ?? null,
    ),
    markdown: post.markdown.settings,
  })
}

/** The article HTML exactly as the preview shows it: rendered, then sanitized with its config. */
export async function renderSanitized(
  post: PostContext,
  assetBase = PREVIEW_ASSET_BASE,
): Promise<string> {
  return sanitizePreviewHtml(renderBody(post, assetBase).html, await nodePurifier())
}
