import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerServices } from './types'

/** Proofreading: lint a post, turn a rule off or on. */
export function createProofreadHandlers(
  services: Pick<HandlerServices, 'proofread'>,
): Pick<HandlerTable, 'proofread:lint' | 'proofread:setRuleDisabled'> {
  return {
    'proofread:lint': (request) => services.proofread.lint(request),
    'proofread:setRuleDisabled': ({ ruleId, disabled }) =>
      services.proofread.setRuleDisabled(ruleId, disabled),
  }
}
