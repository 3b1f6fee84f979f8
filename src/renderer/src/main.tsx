import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/tokens.css'
import './styles/app.css'
import { App } from './app/App'
import { ControllersContext, createControllers } from './app/controllers'
import { LocaleProvider, rememberedLocale } from './i18n/locale'
import { ShellContext } from './shell/shell-context'

/** Starts the UI: language first (remembered, else the OS language), then the workspace. */
async function boot(): Promise<void> {
  const portal = window.portal
  const info = await portal.app.info().catch(() => null)
  const locale = rememberedLocale() ?? info?.systemLocale ?? 'ja'
  document.documentElement.lang = locale
  const controllers = createControllers(portal, locale)
  const root = document.getElementById('root')
  if (!root) throw new Error('#root is missing from index.html')
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider initial={locale}>
        <ShellContext.Provider value={controllers}>
          <ControllersContext.Provider value={controllers}>
            <App />
          </ControllersContext.Provider>
        </ShellContext.Provider>
      </LocaleProvider>
    </StrictMode>,
  )
  await controllers.workspace.start()
}

void boot()
