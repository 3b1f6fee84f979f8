import { shortcut } from '../shell/shortcut'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import type { EyecatchStudioApi } from './types'
import type { AssetChoice, EyecatchLivePreview, ExportedEyecatch } from './types'
import type { PortalApi } from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import { useShell } from '../shell/shell-context'
import type { SteadyView } from '../shell/workspace-view'
import { Dialog } from '../dialogs/Dialog'
import { useI18n } from '../i18n/locale'
import { EyecatchStudio } from './EyecatchStudio'
import { LiveCard, type LiveCardSlot } from './LiveCard'
import { publishLivePreview } from './live-preview'
import { eyecatchDefaults, setEyecatchInEditor, type EditorAccess } from './set-eyecatch'
import './EyecatchDialog.css'

function unexpected(error: unknown): LocalizedText {
  return msg(
    `予期しないエラーが起きました（${String(error)}）。元の画像と記事はそのままです。`,
    `Something unexpected happened (${String(error)}). The original image and the post are unchanged.`,
  )
}

const failed = (e: unknown) => ({ kind: 'error' as const, message: unexpected(e) })

/** The bytes over a plain ArrayBuffer, as the contract wants (copied only if shared). */
function plainBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data)
}

/**
 * The studio's calls bound to `window.portal`. A call that throws (the bridge refused it, main
 * crashed) becomes an error value the studio shows.
 */
export function eyecatchApiFor(portal: Pick<PortalApi, 'images' | 'eyecatch'>): EyecatchStudioApi {
  return {
    stage: (request) =>
      portal.images.stage({ ...request, data: plainBytes(request.data) }).catch(failed),
    probe: (request) => portal.images.probe(request).catch(failed),
    estimate: (request) => portal.eyecatch.estimate(request).catch(failed),
    export: (request) => portal.eyecatch.export(request).catch(failed),
    titleCardPreview: (request) => portal.eyecatch.titleCardPreview(request).catch(failed),
    backgrounds: () => portal.eyecatch.backgrounds().catch(() => []),
  }
}

/** The URL the window loads a repository file from (the asset protocol), segment-encoded. */
function assetUrl(assetBase: string, path: string): string {
  return assetBase + path.split('/').map(encodeURIComponent).join('/')
}

/** Props of {@link EyecatchDialog}. */
export interface EyecatchDialogProps {
  view: SteadyView
  /** The editor the export's front-matter edit goes into (the app's one editor). */
  editor: EditorAccess & { text(path: string): string }
  /** The post's feed card around the eyecatch being made (the app passes the card feature's). */
  liveCard: LiveCardSlot
  onClose(): void
}

/**
 * The eyecatch studio in a modal dialog (Tab stays inside, Esc closes, focus returns). An export
 * lands in the post's asset folder and the front matter's `eyecatch` is set to it as an ordinary,
 * undoable edit in the editor, which the save session then writes like typing.
 */
export function EyecatchDialog({ view, editor, liveCard, onClose }: EyecatchDialogProps) {
  const { portal, assets: postAssets } = useShell()
  const { locale, t, text } = useI18n()
  const id = useId()
  const api = useMemo(() => eyecatchApiFor(portal), [portal])
  const path = view.currentPath
  const assetDir = view.current?.assetDir ?? null
  const assetBase = view.appInfo?.assetBase ?? null
  const profile = view.repo?.profile ?? null
  const readOnly = view.current?.readOnly ?? null
  // Read once when the dialog opens: the post cannot change under a modal dialog.
  const [defaults] = useState(() => eyecatchDefaults(path ? editor.text(path) : ''))
  const [currentEyecatch, setCurrentEyecatch] = useState(defaults.eyecatch)
  const [assets, setAssets] = useState<AssetChoice[]>([])
  const [listed, setListed] = useState(0)
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; message: LocalizedText } | null>(null)

  useEffect(() => {
    if (!assetDir || assetBase === null) return
    let live = true
    void portal.images
      .list({ assetDir })
      .catch(failed)
      .then((r) => {
        if (!live || r.kind !== 'ok') return
        setAssets(
          r.images.map((i) => ({ name: i.name, path: i.path, url: assetUrl(assetBase, i.path) })),
        )
      })
    return () => {
      live = false
    }
  }, [portal, assetDir, assetBase, listed])

  // The live eyecatch goes to whoever shows cards; cleared when the dialog closes.
  useEffect(() => () => publishLivePreview(null), [])
  const onLivePreview = useCallback(
    (preview: EyecatchLivePreview | null) => publishLivePreview(preview),
    [],
  )

  const onExported = useCallback(
    async (exported: ExportedEyecatch) => {
      setListed((n) => n + 1)
      if (!path) return
      // The asset list first: the front matter must never name a file the checks do not know yet.
      await postAssets.refresh(path)
      const r = setEyecatchInEditor(editor, path, exported.fileName, {
        readOnly,
        profile,
      })
      if (r.kind === 'ok') setCurrentEyecatch(exported.fileName)
      setNote(
        r.kind === 'ok'
          ? {
              kind: 'ok',
              message: msg(
                `前付け（フロントマター）の eyecatch を ${exported.fileName} にしました。元に戻すにはエディターで取り消し（${shortcut('Z')}）を使います。`,
                `The front matter's eyecatch is now ${exported.fileName}. Undo in the editor (${shortcut('Z')}) to take it back.`,
              ),
            }
          : { kind: 'error', message: r.message },
      )
    },
    [editor, path, profile, readOnly, postAssets],
  )

  if (!path) return null
  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-title`} className="dialog-wide ecd-dialog">
      <div className="ecd-head">
        <h2 className="dialog-title" id={`${id}-title`}>
          {t('toolbar.eyecatch')}
        </h2>
        <button
          type="button"
          className="btn btn-ghost ecd-close"
          onClick={onClose}
          aria-label={t('dialog.close')}
        >
          ×
        </button>
      </div>
      <EyecatchStudio
        locale={locale}
        api={api}
        output={{
          width: profile?.eyecatchWidth ?? 1200,
          height: profile?.eyecatchHeight ?? 630,
        }}
        assetDir={assetDir}
        assets={assets}
        currentEyecatch={currentEyecatch}
        titleCardDefaults={{
          title: defaults.title,
          author: defaults.author,
          logo: profile?.siteName ?? '',
        }}
        onLivePreview={onLivePreview}
        onExported={onExported}
      />
      <LiveCard
        card={liveCard}
        label={text(
          msg('フィードでの見え方（書き出す前のプレビュー）', 'In the feed (before export)'),
        )}
      />
      {note && (
        <p
          className={note.kind === 'ok' ? 'ecd-note' : 'ecd-note ecd-note--error'}
          role={note.kind === 'ok' ? 'status' : 'alert'}
          data-testid="eyecatch-front-matter"
        >
          {text(note.message)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Dialog>
  )
}
