import { useCallback, useEffect, useRef } from 'react'
import type { PublishPhase } from '../../../shared/publish'
import { phaseStrings } from '../publish/strings'
import { saveStateOf } from '../save/doc-session'
import { useI18n } from '../i18n/locale'
import { publishNews, saveNews } from './announcer'
import { useControllers } from './controllers'
import type { WorkspaceView } from '../shell/workspace-view'

/**
 * Feeds the window's announcer: save-state news of the open post, the result of an explicit save,
 * and each new publishing phase. Returns `saveNow`: save, then say "saved".
 */
export function useAnnouncements(view: WorkspaceView): () => void {
  const { workspace, portal, announcer } = useControllers()
  const { t, text } = useI18n()
  const state = view.current ? saveStateOf(view.current) : null
  const last = useRef<{ path: string | null; state: typeof state }>({ path: null, state: null })

  useEffect(() => {
    const prev = last.current.path === view.currentPath ? last.current.state : null
    last.current = { path: view.currentPath, state }
    const news = saveNews(prev, state)
    if (news) announcer.say(t(news))
  }, [announcer, t, view.currentPath, state])

  useEffect(() => {
    let phase: PublishPhase | null = null
    return portal.on('publish:progress', (p) => {
      const news = publishNews(phase, p.phase)
      phase = p.phase === 'done' ? null : p.phase
      if (news) announcer.say(text(phaseStrings[news]))
    })
  }, [announcer, portal, text])

  const saveNow = useCallback(() => {
    void workspace.saveCurrent().then(() => {
      const current = workspace.getSnapshot().current
      if (current && saveStateOf(current) === 'saved') announcer.say(t('save.saved'))
    })
  }, [announcer, t, workspace])

  return saveNow
}
