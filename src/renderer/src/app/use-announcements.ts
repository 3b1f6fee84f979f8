import { useCallback, useEffect, useRef } from 'react'
import type { PublishPhase } from '../../../shared/publish'
import { phaseStrings } from '../publish/strings'
import { saveStateOf, type SaveState } from '../save/doc-session'
import { recoveryText } from '../save/recovery-strings'
import { useI18n } from '../i18n/locale'
import { publishNews, saveNews } from './announcer'
import { useControllers } from './controllers'
import type { SteadyView } from '../shell/workspace-view'

/**
 * Feeds the window's announcer: save-state news of the open post, the result of an explicit save,
 * each new publishing phase, and drafts restored after a crash. Returns `saveNow`: save, then say
 * "saved".
 */
export function useAnnouncements(view: SteadyView): () => void {
  const { workspace, portal, announcer } = useControllers()
  const { t, text, locale } = useI18n()

  // Save-state news from a subscription of its own: the window does not re-render for the save
  // state (see SteadyView).
  useEffect(() => {
    let last: { path: string | null; state: SaveState | null } = { path: null, state: null }
    const check = () => {
      const { currentPath, current } = workspace.getSnapshot()
      const state = current ? saveStateOf(current) : null
      const prev = last.path === currentPath ? last.state : null
      last = { path: currentPath, state }
      const news = saveNews(prev, state)
      if (news) announcer.say(t(news))
    }
    check()
    return workspace.subscribe(check)
  }, [announcer, t, workspace])

  // Restored drafts are said when they appear (not again when one is discarded or the list read).
  const restored = view.recovered.length
  const lastRestored = useRef(0)
  useEffect(() => {
    const prev = lastRestored.current
    lastRestored.current = restored
    if (restored > prev) announcer.say(recoveryText('notice', locale, { n: restored }))
  }, [announcer, locale, restored])

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
