import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { EditorPane } from '../editor/EditorPane'
import { NewPostDialog } from '../dialogs/NewPostDialog'
import { useI18n } from '../i18n/locale'
import { PostList } from '../posts/PostList'
import { PreviewPane } from '../preview/PreviewPane'
import { ConflictDialog } from '../save/ConflictDialog'
import { useControllers } from './controllers'
import { WarningIcon } from './icons'
import { SplitPanes } from './SplitPanes'
import { Toolbar } from './Toolbar'
import { useAppCommands } from './use-app-commands'

/** The main window: toolbar, three panes, dialogs. */
export function App() {
  const { workspace, editor, sync } = useControllers()
  const view = useSyncExternalStore(workspace.subscribe, workspace.getSnapshot)
  const { t, text, locale } = useI18n()
  const [newPostOpen, setNewPostOpen] = useState(false)
  const repoRef = useRef(view.repo)

  useEffect(() => {
    repoRef.current = view.repo
  }, [view.repo])

  const openNewPost = useCallback(() => {
    if (repoRef.current) setNewPostOpen(true)
  }, [])
  useAppCommands(openNewPost)

  useEffect(() => editor.setLocale(locale), [editor, locale])

  const currentTitle = view.posts.find((p) => p.path === view.currentPath)?.title
  const dirty = view.current?.dirty ?? false
  useEffect(() => {
    const name = currentTitle ?? view.currentPath?.split('/').pop()
    document.title = name ? `${dirty ? '● ' : ''}${name} — Portal Writer` : 'Portal Writer'
  }, [currentTitle, view.currentPath, dirty])

  const onResize = useCallback(() => sync.invalidate(), [sync])
  const conflict = view.current?.conflict ?? null

  return (
    <div className="app">
      <Toolbar
        view={view}
        onOpenRepo={() => void workspace.chooseRepo()}
        onNewPost={openNewPost}
        onSave={() => void workspace.saveCurrent()}
      />
      {view.notice && (
        <div className="banner banner-danger app-notice" role="alert">
          <WarningIcon />
          <span>{text(view.notice)}</span>
          <button type="button" className="btn btn-small" onClick={() => workspace.dismissNotice()}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
      <SplitPanes
        onResize={onResize}
        list={
          <PostList
            repo={view.repo}
            posts={view.posts}
            currentPath={view.currentPath}
            onOpen={(p) => void workspace.openPost(p)}
          />
        }
        editor={<EditorPane view={view} />}
        preview={
          <PreviewPane
            assetBase={view.appInfo?.assetBase ?? null}
            hasPost={view.current !== null}
          />
        }
      />
      {newPostOpen && (
        <NewPostDialog
          repo={view.repo}
          onClose={() => setNewPostOpen(false)}
          onCreate={(r) => workspace.createPost(r)}
        />
      )}
      {conflict && view.current?.conflictOpen && (
        <ConflictDialog
          key={`${view.currentPath}:${conflict.diskHash}`}
          name={currentTitle ?? view.currentPath ?? ''}
          conflict={conflict}
          mineText={() => workspace.currentText()}
          onChoose={(choice) => void workspace.resolveConflict(choice)}
          onLater={() => workspace.setConflictOpen(false)}
        />
      )}
    </div>
  )
}
