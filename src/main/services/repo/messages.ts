import { msg } from '../../../shared/localized'

/** The answer of a post operation asked for while no repository is open. */
export const NO_REPO = msg(
  'リポジトリが開かれていません。まずリポジトリを開いてください。',
  'No repository is open. Open one first.',
)
