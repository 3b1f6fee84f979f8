/** Metadata: the front-matter schema, round-trip editing, validation and suggestions. */
export { FIELD_TYPES, profileFieldSchema, profileFieldsSchema } from './field-spec'
export type { FieldSpec, FieldType, ProfileField, SuggestionSource } from './field-spec'
export {
  DEFAULT_FIELDS,
  DEFAULT_METADATA_SCHEMA,
  fieldFromProfile,
  fieldSpec,
  fieldValueSchema,
  frontMatterSchema,
  frontMatterZod,
  ISO_DATE_WITH_OFFSET,
  MAX_TAGS,
  metadataSchemaFor,
} from './schema'
export type { CheckedFrontMatter, MetadataSchema } from './schema'
export { locateFrontMatter } from './region'
export type { FrontMatterRegion } from './region'
export { applyFieldEdit, bodyUnaffected, readFields } from './round-trip'
export type {
  FieldEditOptions,
  FieldEditResult,
  FieldValue,
  FrontMatterFields,
  TextChange,
} from './round-trip'
export { CARD_TITLE_BOX, ruleFor, validateFrontMatter, validatePost } from './validate'
export type { MetadataProblem, ProblemCode, Severity, ValidationContext } from './validate'
export { checkFrontMatter, frontMatterKeyLines } from './check'
export type { FrontMatterProblem } from './check'
export {
  editDistance,
  foldForMatch,
  matchScore,
  nearestKnown,
  rankSuggestions,
  tagPageKey,
} from './fuzzy'
export type { RankOptions, SuggestionEntry } from './fuzzy'
export { FACET_KEYS, facetsOf, listValues, sortedEntries, withOpenPost } from './facets'
export type { PostFacets } from './facets'
export { nowAsFrontMatterDate, offsetLabel } from './date-input'
export { FIELD_RULES, METADATA_MESSAGES } from './messages'
export {
  assetFileSchema,
  metadataApiShape,
  metadataChannels,
  movePostRequestSchema,
  movePostResultSchema,
  postAssetsResultSchema,
  suggestionEntrySchema,
  suggestionsRequestSchema,
  suggestionsSchema,
} from '../ipc/metadata'
export type {
  AssetFile,
  MovePostRequest,
  MovePostResult,
  PostAssetsResult,
  Suggestions,
} from '../ipc/metadata'
export { checkNewSlug } from './slug-check'
