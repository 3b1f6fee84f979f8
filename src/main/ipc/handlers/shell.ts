import { msg } from '../../../shared/localized'
import { isExternalUrlAllowed } from '../../electron/security'
import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerDeps } from './types'

function schemeOf(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim())
  return m ? `${m[1]!.toLowerCase()}:` : url.slice(0, 40)
}

/** Opening links in the system browser (S9): only http, https and mailto. */
export function createShellHandlers(deps: HandlerDeps): Pick<HandlerTable, 'shell:openExternal'> {
  return {
    'shell:openExternal': async ({ url }) => {
      if (!isExternalUrlAllowed(url)) {
        const scheme = schemeOf(url)
        return {
          kind: 'refused',
          message: msg(
            `「${scheme}」のリンクは安全のため開きません。ブラウザで開けるのは http・https・mailto のリンクだけです。`,
            `"${scheme}" links are not opened, for safety. Only http, https and mailto links open in the browser.`,
          ),
        }
      }
      try {
        await deps.openExternal(url)
        return { kind: 'opened' }
      } catch (error) {
        return {
          kind: 'refused',
          message: msg(
            `リンクをブラウザで開けませんでした（${String(error)}）。`,
            `The link could not be opened in the browser (${String(error)}).`,
          ),
        }
      }
    },
  }
}
