import { isMacPlatform } from '../shell/shortcut'
import { useEffect } from 'react'
import { useI18n } from '../i18n/locale'
import { useControllers } from './controllers'

const isMac = isMacPlatform()

/**
 * App-wide commands: Mod-s save (through `save`, which reports the result), Mod-n new post, Mod-o open repository, Mod-f find (from outside
 * the editor), the same commands from the Electron menu, and saving on blur / before unload.
 */
export function useAppCommands(openNewPost: () => void, save: () => void): void {
  const { workspace, editor, portal } = useControllers()
  const { toggle } = useI18n()

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Never steal keys from an IME composition.
      if (e.isComposing || e.keyCode === 229) return
      const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
      if (!mod || e.altKey) return
      const key = e.key.toLowerCase()
      const inDialog = document.querySelector('dialog[open]') !== null
      if (key === 's' && !e.shiftKey) {
        e.preventDefault()
        e.stopPropagation()
        save()
      } else if (key === 'n' && !e.shiftKey && !inDialog) {
        e.preventDefault()
        e.stopPropagation()
        openNewPost()
      } else if (key === 'o' && !e.shiftKey && !inDialog) {
        e.preventDefault()
        e.stopPropagation()
        void workspace.chooseRepo()
      } else if (key === 'f' && !inDialog && !editor.view.dom.contains(document.activeElement)) {
        e.preventDefault()
        editor.openSearch()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [workspace, editor, openNewPost, save])

  useEffect(
    () =>
      portal.on('menu:command', ({ command }) => {
        switch (command) {
          case 'save':
            save()
            return
          case 'new-post':
            openNewPost()
            return
          case 'open-repo':
            void workspace.chooseRepo()
            return
          case 'find':
            editor.openSearch()
            return
          case 'toggle-language':
            toggle()
            return
        }
      }),
    [portal, workspace, editor, openNewPost, toggle, save],
  )

  useEffect(() => {
    const flush = () => void workspace.flushAll()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('blur', flush)
    window.addEventListener('beforeunload', flush)
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('blur', flush)
      window.removeEventListener('beforeunload', flush)
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [workspace])
}
