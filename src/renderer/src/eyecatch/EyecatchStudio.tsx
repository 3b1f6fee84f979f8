import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type ReactElement,
} from 'react'
import type { Size } from '../../../shared/eyecatch/geometry'
import type { EyecatchSource } from '../../../shared/ipc/eyecatch'
import type { Locale, LocalizedText } from '../../../shared/localized'
import { ExportPanel } from './ExportPanel'
import { firstImageFile, PhotoTab } from './PhotoTab'
import { StudioTabs, type StudioTab } from './StudioTabs'
import { ecText, eyecatchStrings } from './strings'
import { TitleCardTab } from './TitleCardTab'
import type { AssetChoice, EyecatchLivePreview, EyecatchStudioApi, ExportedEyecatch } from './types'
import { useExport, type ExportResult } from './use-export'
import { useObjectUrls, usePhoto } from './use-photo'
import { useTitleCard } from './use-title-card'
import './eyecatch.css'

/** Props of {@link EyecatchStudio}. */
export interface EyecatchStudioProps {
  locale: Locale
  api: EyecatchStudioApi
  /** The profile's eyecatch size (`eyecatchWidth` × `eyecatchHeight`). */
  output: Size
  /** The post's asset folder (repository-relative), or null: then nothing can be exported. */
  assetDir: string | null
  /** Images already in the asset folder. */
  assets: AssetChoice[]
  /** The front matter's current `eyecatch` file name, offered for replacement. */
  currentEyecatch: string | null
  /** Starting values of the title card (the post's title, the author). */
  titleCardDefaults: { title: string; author: string; role?: string; logo: string }
  /** Called with the live eyecatch (while dragging too) so the card previews can show it; null when none. */
  onLivePreview?: (preview: EyecatchLivePreview | null) => void
  /** Called after a successful export: put `fileName` into the front matter's `eyecatch`. */
  onExported: (exported: ExportedEyecatch) => void
}

/**
 * The eyecatch studio: crop a photo at the card's shape or make a title card, see the size it will
 * have, and export it into the post's asset folder. Talks to main only through `api`; reports the
 * live result through `onLivePreview` and the written file through `onExported`.
 */
export function EyecatchStudio(props: EyecatchStudioProps): ReactElement {
  const { locale, api, onLivePreview } = props
  // Keyed on the numbers, so a parent passing a fresh `{ width, height }` each render changes nothing.
  const { width: outputWidth, height: outputHeight } = props.output
  const output = useMemo(
    () => ({ width: outputWidth, height: outputHeight }),
    [outputWidth, outputHeight],
  )
  const [tab, setTab] = useState<StudioTab>('photo')
  const [result, setResult] = useState<ExportResult>(null)
  const objectUrl = useObjectUrls()
  const clearResult = useCallback(() => setResult(null), [])
  const showPhoto = useCallback(() => setTab('photo'), [])
  const { photo, crop, setCrop, context, loading, sourceMessage, setSourceMessage, ...load } =
    usePhoto(api, output, objectUrl, { onLoadStart: clearResult, onStaged: showPhoto })
  const reportSource = useCallback(
    (message: LocalizedText) => setSourceMessage([message]),
    [setSourceMessage],
  )
  const card = useTitleCard(
    api,
    props.titleCardDefaults,
    photo?.source ?? null,
    tab === 'titleCard',
    objectUrl,
    reportSource,
  )

  const onPaste = (e: ClipboardEvent) => {
    const file = firstImageFile(e.clipboardData.files)
    if (
      file &&
      !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)
    ) {
      e.preventDefault()
      void load.loadFile(file)
    }
  }

  const { spec } = card
  const source: EyecatchSource | null = useMemo(() => {
    if (tab === 'photo') return photo ? { kind: 'photo', image: photo.source, crop } : null
    return spec ? { kind: 'titleCard', card: spec } : null
  }, [tab, photo, crop, spec])
  const exporter = useExport(api, locale, source, props, setResult, props.onExported)

  // Live preview for the card: every crop change, at once. The callback is read through a ref so an
  // inline arrow from the parent does not re-run this on every parent render.
  const livePreview = useRef(onLivePreview)
  useEffect(() => {
    livePreview.current = onLivePreview
  }, [onLivePreview])
  const { cardPreview } = card
  useEffect(() => {
    const report = livePreview.current
    if (!report) return
    if (tab === 'photo')
      report(photo && context ? { kind: 'photo', imageUrl: photo.url, crop, context } : null)
    else
      report(
        cardPreview?.kind === 'ok' ? { kind: 'titleCard', imageUrl: cardPreview.dataUrl } : null,
      )
  }, [tab, photo, crop, context, cardPreview])

  const { estimate } = exporter
  const warnings = [
    ...sourceMessage,
    ...(tab === 'photo' && estimate?.kind === 'ok' ? estimate.warnings : []),
  ]
  if (!props.assetDir) warnings.push(eyecatchStrings.noAssetDir)

  return (
    <section className="ec-studio" aria-label={ecText(locale, 'studioLabel')} onPaste={onPaste}>
      <StudioTabs locale={locale} tab={tab} onTab={setTab}>
        {tab === 'photo' ? (
          <PhotoTab
            locale={locale}
            assets={props.assets}
            photo={
              photo && context ? { url: photo.url, context, assetPath: photo.assetPath } : null
            }
            crop={crop}
            onCrop={setCrop}
            onFile={(f) => void load.loadFile(f)}
            onAsset={(a) => void load.loadAsset(a)}
            busy={loading}
            background="#ffffff"
          />
        ) : (
          <TitleCardTab
            locale={locale}
            fields={card.fields}
            onFields={card.setFields}
            backgrounds={card.backgrounds}
            photoUrl={photo?.url ?? null}
            avatarUrl={card.avatar?.url ?? null}
            onAvatar={(f) => void card.loadAvatar(f)}
            preview={cardPreview}
            busy={card.drawing}
          />
        )}
      </StudioTabs>
      <ExportPanel
        locale={locale}
        output={output}
        encoding={exporter.encoding}
        onEncoding={exporter.setEncoding}
        estimate={estimate}
        estimating={exporter.estimating}
        replaceName={exporter.replaceName}
        replace={exporter.replace}
        onReplace={exporter.setReplace}
        canExport={source !== null && props.assetDir !== null}
        exporting={exporter.exporting}
        onExport={() => void exporter.doExport()}
        result={result}
        warnings={warnings}
      />
    </section>
  )
}
