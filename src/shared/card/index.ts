/** Card logic: the feed card's excerpt, dates, URL, share metadata and the writer's checks. */
export { EXCERPT_LENGTH, excerptFromHtml, isCjk, plainTextFromHtml } from './excerpt'
export type { ExcerptRange, ExcerptSource, PlainText } from './excerpt'
export { buildCard, excerptFromPost, plainTextFromPost } from './card'
export type { BuildCardOptions, CardData } from './card'
export { absoluteTooltip, FEED_TIME_ZONE, relativeTime } from './relative-time'
export {
  centerCrop,
  FACEBOOK_MAX_BYTES,
  FACEBOOK_RATIO,
  MIN_SHARE_HEIGHT,
  MIN_SHARE_WIDTH,
  OG_DESCRIPTION_LENGTH,
  ogDescription,
  pageTitle,
  RATIO_TOLERANCE,
  shareImageWarnings,
  X_MAX_BYTES,
  X_RATIO,
} from './share'
export type { CropGeometry, ImageFacts, Rect, ShareWarning } from './share'
export { FEED_EXCERPT_BOX, inspectExcerpt, visibleExcerptLength } from './inspector'
export type { ExcerptBox, ExcerptWarning } from './inspector'
export {
  assetDirOfPath,
  checkEyecatchValue,
  dirOf,
  joinPostAsset,
  normalizeRelative,
  postKeyFromPath,
  postUrl,
} from './post-location'
export type { EyecatchRef } from './post-location'
export {
  checkFrontMatter,
  frontMatterKeyLines,
  frontMatterSchema,
  ISO_DATE_WITH_OFFSET,
} from './front-matter-schema'
export type { CheckedFrontMatter, FrontMatterProblem } from './front-matter-schema'
export { placeByDate } from './feed-order'
export type { FeedEntry } from './feed-order'
export { AS_OF_CHOICES, asOfInstant } from './as-of'
export type { AsOf } from './as-of'
export {
  HATENA_COUNT_ENDPOINT,
  HATENA_URLS_PER_REQUEST,
  hatenaCountRequests,
  parseHatenaCounts,
} from './hatena'
