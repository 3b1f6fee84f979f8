import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { EditorPane } from '../editor/EditorPane'
import { MetadataSection } from '../metadata/MetadataSection'
import { NewPostWizardDialog } from '../metadata/NewPostWizardDialog'
import { useI18n } from '../i18n/locale'
import { PostList } from '../posts/PostList'
import { PreviewPane } from '../preview/PreviewPane'
import { ConflictDialog } from '../save/ConflictDialog'
import { RecoveryCompareDialog, RecoveryNotice } from '../save/RecoveryNotice'
import { useControllers } from './controllers'
import { WarningIcon } from '../shell/icons'
import { SplitPanes } from './SplitPanes'
import { SidePanel } from './SidePanel'
import { DraftFeedCard } from '../card/DraftFeedCard'
import { CardStrip } from '../card/tabs/CardStrip'
import { CardTab } from '../card/tabs/CardTab'
import { FeedTab } from '../card/tabs/FeedTab'
import { ShareTab } from '../card/tabs/ShareTab'
import { PublishTab } from '../publish/PublishTab'
import { ProofreadPanel } from '../proofread/ProofreadPanel'
import { prText } from '../proofread/strings'
import { FolderBanner } from '../publish/FolderBanner'
import { usePublishStates } from '../publish/use-publish-states'
import { EyecatchDialog } from '../eyecatch/EyecatchDialog'
import { Toolbar } from './Toolbar'
import { useDocumentTitle } from './use-document-title'
import { useAppCommands } from './use-app-commands'
import { useAnnouncements } from './use-announcements'
import { LiveRegion } from './LiveRegion'

/** The main window: toolbar, three panes, dialogs. */
export function App() {
  const { workspace, editor, preview, sync, portal, proofread, metadata, announcer } =
    useControllers()
  // Without the open post's save progress: typing after an autosave re-renders none of the window
  // but the toolbar's save state (which reads it itself), the title and the announcements.
  const view = useSyncExternalStore(workspace.subscribe, workspace.getSteadySnapshot)
  const { t, text, locale } = useI18n()
  const [newPostOpen, setNewPostOpen] = useState(false)
  const [eyecatchOpen, setEyecatchOpen] = useState(false)
  const [comparePath, setComparePath] = useState<string | null>(null)
  const repoRef = useRef(view.repo)

  useEffect(() => {
    repoRef.current = view.repo
  }, [view.repo])

  const openNewPost = useCallback(() => {
    if (repoRef.current) setNewPostOpen(true)
  }, [])
  const openEyecatch = useCallback(() => setEyecatchOpen(true), [])
  const saveNow = useAnnouncements(view)
  useAppCommands(openNewPost, saveNow)

  useEffect(() => editor.setLocale(locale), [editor, locale])
  useEffect(() => proofread.setLocale(locale), [proofread, locale])

  useDocumentTitle(workspace, t('app.notSaved'))
  const currentTitle = view.posts.find((p) => p.path === view.currentPath)?.title

  const onResize = useCallback(() => sync.realign(), [sync])
  const publishStates = usePublishStates(portal, workspace, view)
  const conflict = view.current?.conflict ?? null
  const titleOf = (path: string) =>
    view.posts.find((p) => p.path === path)?.title ?? path.split('/').pop() ?? path
  const comparing = view.recovered.find((r) => r.path === comparePath) ?? null

  return (
    <div className="app">
      <Toolbar
        view={view}
        onOpenRepo={() => void workspace.chooseRepo()}
        onNewPost={openNewPost}
        onSave={saveNow}
        onEyecatch={openEyecatch}
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
      {view.recovered.length > 0 && (
        <RecoveryNotice
          recovered={view.recovered}
          titleOf={titleOf}
          onCompare={(path) => {
            void workspace.openPost(path)
            setComparePath(path)
          }}
          onDiscard={(path) => void workspace.discardRecovered(path)}
          onKeep={() => workspace.keepRecovered()}
        />
      )}
      <FolderBanner
        portal={portal}
        repoRoot={view.repo?.root ?? null}
        locale={locale}
        refreshKey={view.posts}
        onReturned={() => void workspace.refreshPosts()}
      />
      <SplitPanes
        onResize={onResize}
        list={
          <PostList
            repo={view.repo}
            posts={view.posts}
            currentPath={view.currentPath}
            states={publishStates}
            onOpen={(p) => void workspace.openPost(p)}
          />
        }
        editor={
          <EditorPane
            view={view}
            editor={editor}
            metadata={
              <MetadataSection
                view={view}
                link={metadata}
                onOpenEyecatch={openEyecatch}
              />
            }
          />
        }
        preview={
          <SidePanel
            label={t('side.label')}
            tabs={[
              {
                id: 'article',
                label: t('side.article'),
                content: (
                  <PreviewPane
                    preview={preview}
                    cardStrip={<CardStrip />}
                    assetBase={view.appInfo?.assetBase ?? null}
                    hasPost={view.current !== null}
                    markdown={view.repo?.markdown ?? null}
                  />
                ),
              },
              { id: 'card', label: t('side.card'), defer: true, content: <CardTab view={view} /> },
              { id: 'feed', label: t('side.feed'), defer: true, content: <FeedTab view={view} /> },
              {
                id: 'share',
                label: t('side.share'),
                defer: true,
                content: <ShareTab view={view} />,
              },
              {
                id: 'proofread',
                label: prText(locale, 'tab'),
                content: <ProofreadPanel hasPost={view.current !== null} proofread={proofread} />,
              },
              // Last: sending for review is the end of a writer's work on a post.
              { id: 'publish', label: t('side.publish'), content: <PublishTab view={view} /> },
            ]}
          />
        }
      />
      {newPostOpen && view.repo && (
        <NewPostWizardDialog
          portal={portal}
          repo={view.repo}
          posts={view.posts}
          locale={locale}
          onClose={() => setNewPostOpen(false)}
          onCreate={(r) => workspace.createPost(r)}
        />
      )}
      {eyecatchOpen && (
        <EyecatchDialog
          view={view}
          editor={editor}
          liveCard={(imageSlot, frame) => (
            <DraftFeedCard locale={locale} imageSlot={imageSlot} frame={frame} />
          )}
          onClose={() => setEyecatchOpen(false)}
        />
      )}
      {comparing && (
        <RecoveryCompareDialog
          name={titleOf(comparing.path)}
          restored={editor.text(comparing.path)}
          disk={comparing.diskText}
          onDiscard={() => {
            setComparePath(null)
            void workspace.discardRecovered(comparing.path)
          }}
          onClose={() => setComparePath(null)}
        />
      )}
      {conflict && view.current?.conflictOpen && (
        <ConflictDialog
          key={`${view.currentPath}:${conflict.diskHash}`}
          name={currentTitle ?? view.currentPath ?? ''}
          conflict={conflict}
          mineText={() => workspace.currentText()}
          backups={view.current?.backups}
          onChoose={(choice) => void workspace.resolveConflict(choice)}
          onLater={() => workspace.setConflictOpen(false)}
        />
      )}
      <LiveRegion announcer={announcer} />
    </div>
  )
}
