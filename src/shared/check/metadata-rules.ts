import { datePartsOf } from '../dates'
import type { RuleId } from './rules'

/** What {@link ruleOfProblem} needs of a front-matter problem. */
export interface ProblemKey {
  /** The field's key; `''` for the front matter as a whole. */
  field: string
  /** The validator's problem code (src/shared/metadata/validate.ts). */
  code: string
}

/**
 * The rule of the table a front-matter problem belongs to. `value` is the field's value: a date
 * that is written unusually but still reads as a date is advice, one that does not read is an error.
 */
export function ruleOfProblem(problem: ProblemKey, value: unknown): RuleId {
  switch (problem.code) {
    case 'title-too-long':
      return 'title-length'
    case 'date-offset':
      return 'date-offset'
    case 'too-many-items':
      return 'tags-too-many'
    case 'duplicate-item':
      return 'list-duplicate'
    case 'tag-variant':
      return 'tag-variant'
    case 'unknown-author':
      return 'unknown-author'
    case 'eyecatch-outside':
      return 'unsafe-path'
    case 'eyecatch-missing':
      return 'eyecatch-missing'
    case 'eyecatch-not-image':
      return 'eyecatch-not-image'
    case 'no-tags':
      return 'tags-missing'
  }
  if (problem.field === 'date' && (problem.code === 'required' || problem.code === 'type'))
    return 'date-invalid'
  if (problem.code === 'date-format') {
    const readable = typeof value === 'string' && datePartsOf(value) !== null
    return problem.field === 'date' && !readable ? 'date-invalid' : 'date-format'
  }
  if (problem.field === 'tags' && problem.code === 'required') return 'tags-missing'
  return 'front-matter'
}
