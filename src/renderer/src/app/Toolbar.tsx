import { useSyncExternalStore } from 'react'
import { shortcut } from '../shell/shortcut'
import { useI18n } from '../i18n/locale'
import type { MessageKey } from '../i18n/dictionary'
import { saveStateOf, type SaveState } from '../save/doc-session'
import type { SteadyView } from '../shell/workspace-view'
import { useControllers } from './controllers'
import { AppMark, FolderIcon, GlobeIcon, PlusIcon } from '../shell/icons'

const SAVE_LABEL: Record<SaveState, MessageKey> = {
  saved: 'save.saved',
  unsaved: 'save.unsaved',
  saving: 'save.saving',
  error: 'save.error',
  conflict: 'save.conflict',
  readonly: 'save.readonly',
}

/** The top bar: open repository, new post, save state, language. */
export function Toolbar(props: {
  view: SteadyView
  onOpenRepo(): void
  onNewPost(): void
  onSave(): void
  onEyecatch(): void
}) {
  const { t, toggle } = useI18n()
  const { view } = props
  const { workspace } = useControllers()
  // The save state from the full view: only the toolbar re-renders when it changes.
  const state = useSyncExternalStore(workspace.subscribe, () => {
    const current = workspace.getSnapshot().current
    return current ? saveStateOf(current) : null
  })
  return (
    <header className="toolbar">
      <h1 className="toolbar-brand">
        <AppMark />
        <span>{t('app.name')}</span>
      </h1>
      <div className="toolbar-group">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={props.onOpenRepo}
          title={shortcut('O')}
        >
          <FolderIcon />
          {t('toolbar.openRepo')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={props.onNewPost}
          disabled={!view.repo}
          title={shortcut('N')}
        >
          <PlusIcon />
          {t('toolbar.newPost')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={props.onEyecatch}
          disabled={!view.currentPath}
        >
          {t('toolbar.eyecatch')}
        </button>
      </div>
      <div className="toolbar-spacer" />
      <div className="toolbar-group">
        {/* Not a live region: it changes on every typing pause. The announcer says what matters. */}
        <span className={`save-state save-${state ?? 'none'}`} data-testid="save-state">
          <span className="save-dot" aria-hidden="true" />
          {t(state ? SAVE_LABEL[state] : 'save.none')}
        </span>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={props.onSave}
          disabled={!state || state === 'readonly' || state === 'saved'}
          title={shortcut('S')}
        >
          {t('toolbar.save')}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={toggle}
          aria-label={t('toolbar.languageLabel')}
        >
          <GlobeIcon />
          {t('toolbar.language')}
        </button>
      </div>
    </header>
  )
}
