import { jaModel, Parser } from 'budoux'
import type { PhraseSplitter } from '../../../shared/eyecatch/line-break'

// The plain parser (no HTML processing): the model is data, the parser a few lines of code.
const parser = new Parser(jaModel)

/**
 * Splits Japanese text into phrases (文節) with BudouX, Google's small phrase segmenter made for
 * line breaking, so a title card breaks 「プルリクエストが」「見直している」 whole.
 */
export const japanesePhrases: PhraseSplitter = (text) => parser.parse(text)
