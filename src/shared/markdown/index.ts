/**
 * The Markdown pipeline: renders posts the way the blog does (kramdown's GFM parser) and sanitizes
 * the result for the preview. Pure: no DOM globals; DOMPurify is handed in as an instance.
 */
export type { Heading, RenderedBlock, RenderOptions, RenderResult } from './types'
export { renderBody, renderPost } from './render-post'
export {
  PREVIEW_SANITIZE_CONFIG,
  embedHost,
  sanitizePreviewFragment,
  sanitizePreviewHtml,
  installPreviewHooks,
} from './sanitize'
export { gfmHeadingSlug } from './heading-ids'
export {
  DEFAULT_MARKDOWN_IN_FORCE,
  DEFAULT_MARKDOWN_SETTINGS,
  MARKDOWN_SETTING_KEYS,
  describeSettings,
  formatSetting,
  settingsOrigin,
  kramdownName,
  resolveMarkdownSettings,
  type MarkdownOptionsLayer,
  type MarkdownSettings,
  type MarkdownSettingsInForce,
  type SettingSource,
} from './settings'
export {
  MIDDLEMAN_CONFIG_FILE,
  readMiddlemanMarkdown,
  type MiddlemanMarkdownConfig,
} from './middleman-config'
export { isAllowedHref } from './links'
export { createKramdownMarkdown } from './parser'
export { clearInlineCache } from './inline-cache'
