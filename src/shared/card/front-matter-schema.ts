/**
 * The front-matter schema now lives in `../metadata` (the single source for the form, the
 * validator, the CLI's `check` and the IPC payloads); this module keeps the card's exports.
 */
export { checkFrontMatter, frontMatterKeyLines } from '../metadata/check'
export type { FrontMatterProblem } from '../metadata/check'
export { frontMatterSchema, ISO_DATE_WITH_OFFSET } from '../metadata/schema'
export type { CheckedFrontMatter } from '../metadata/schema'
