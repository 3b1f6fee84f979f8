import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type ReactElement,
} from 'react'
import { INITIAL_CROP, type CropContext, type CropState } from '../../../shared/eyecatch/crop'
import type { Size } from '../../../shared/eyecatch/geometry'
import {
  MAX_IMAGE_BYTES,
  type BackgroundChoice,
  type EstimateResult,
  type EyecatchSource,
  type ImageInfo,
  type ImageSource,
  type TitleCardPreview,
  type TitleCardSpec,
} from '../../../shared/ipc/eyecatch'
import type { Locale, LocalizedText } from '../../../shared/localized'
import { ExportPanel, type EncodingChoice } from './ExportPanel'
import { firstImageFile, PhotoTab } from './PhotoTab'
import { ecText, eyecatchStrings, formatBytes } from './strings'
import { TitleCardTab, type TitleCardFields } from './TitleCardTab'
import type { AssetChoice, EyecatchLivePreview, EyecatchStudioApi, ExportedEyecatch } from './types'
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

type Photo = { source: ImageSource; url: string; info: ImageInfo; assetPath: string | null }
type Result = { kind: 'ok'; text: string } | { kind: 'error'; message: LocalizedText } | null

const EXTENSION: Record<EncodingChoice['format'], string> = {
  webp: 'webp',
  jpeg: 'jpg',
  png: 'png',
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
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
  const [tab, setTab] = useState<'photo' | 'titleCard'>('photo')
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [crop, setCrop] = useState<CropState>(INITIAL_CROP)
  const [loading, setLoading] = useState(false)
  const [sourceMessage, setSourceMessage] = useState<LocalizedText[]>([])
  const [fields, setFields] = useState<TitleCardFields>({
    title: props.titleCardDefaults.title,
    author: props.titleCardDefaults.author,
    role: props.titleCardDefaults.role ?? '',
    logo: props.titleCardDefaults.logo,
    background: 'sunrise',
  })
  const [avatar, setAvatar] = useState<{ source: ImageSource; url: string } | null>(null)
  const [backgrounds, setBackgrounds] = useState<BackgroundChoice[]>([])
  const [cardPreview, setCardPreview] = useState<TitleCardPreview | null>(null)
  const [encoding, setEncoding] = useState<EncodingChoice>({
    format: 'webp',
    quality: 82,
    scale: 1,
  })
  const [estimated, setEstimated] = useState<{ key: unknown; result: EstimateResult } | null>(null)
  const [replace, setReplace] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [result, setResult] = useState<Result>(null)
  const urls = useRef<string[]>([])

  // Object URLs made for dropped files are released when the studio goes away.
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), [])

  useEffect(() => {
    let live = true
    api.backgrounds().then((b) => {
      if (!live) return
      setBackgrounds(b)
      setFields((f) =>
        b.some((x) => x.id === f.background) || b.length === 0 ? f : { ...f, background: b[0]!.id },
      )
    })
    return () => {
      live = false
    }
  }, [api])

  const context: CropContext | null = useMemo(
    () =>
      photo
        ? {
            source: { width: photo.info.storedWidth, height: photo.info.storedHeight },
            exif: photo.info.orientation,
            output,
          }
        : null,
    [photo, output],
  )

  const loadFile = useCallback(
    async (file: File) => {
      setResult(null)
      // Checked here too, so a huge file is refused without being read into the window (I1).
      if (file.size === 0 || file.size > MAX_IMAGE_BYTES) {
        setSourceMessage([file.size === 0 ? eyecatchStrings.emptyFile : eyecatchStrings.tooLarge])
        return
      }
      setLoading(true)
      try {
        const data = new Uint8Array(await file.arrayBuffer())
        const staged = await api.stage({ name: file.name, data })
        if (staged.kind === 'error') {
          setSourceMessage([staged.message])
          return
        }
        const url = URL.createObjectURL(file)
        urls.current.push(url)
        setPhoto({
          source: { kind: 'staged', id: staged.id },
          url,
          info: staged.info,
          assetPath: null,
        })
        setCrop(INITIAL_CROP)
        setSourceMessage(staged.info.warnings)
        setTab('photo')
      } finally {
        setLoading(false)
      }
    },
    [api],
  )

  const loadAsset = useCallback(
    async (asset: AssetChoice) => {
      setLoading(true)
      setResult(null)
      try {
        const source: ImageSource = { kind: 'asset', path: asset.path }
        const probed = await api.probe({ image: source })
        if (probed.kind === 'error') {
          setSourceMessage([probed.message])
          return
        }
        setPhoto({ source, url: asset.url, info: probed.info, assetPath: asset.path })
        setCrop(INITIAL_CROP)
        setSourceMessage(probed.info.warnings)
      } finally {
        setLoading(false)
      }
    },
    [api],
  )

  const loadAvatar = useCallback(
    async (file: File | null) => {
      if (!file) return setAvatar(null)
      const staged = await api.stage({
        name: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      })
      if (staged.kind === 'error') return setSourceMessage([staged.message])
      const url = URL.createObjectURL(file)
      urls.current.push(url)
      setAvatar({ source: { kind: 'staged', id: staged.id }, url })
    },
    [api],
  )

  const onPaste = (e: ClipboardEvent) => {
    const file = firstImageFile(e.clipboardData.files)
    if (
      file &&
      !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)
    ) {
      e.preventDefault()
      void loadFile(file)
    }
  }

  const spec: TitleCardSpec | null = useMemo(() => {
    const background: TitleCardSpec['background'] | null =
      fields.background === 'photo'
        ? photo
          ? { kind: 'image', image: photo.source }
          : null
        : { kind: 'bundled', id: fields.background }
    if (!background) return null
    return {
      title: fields.title,
      author: fields.author,
      role: fields.role,
      logo: fields.logo,
      avatar: avatar?.source ?? null,
      background,
    }
  }, [fields, avatar, photo])

  // The title card is drawn by main with the shipped font; ask again shortly after typing stops.
  const debouncedSpec = useDebounced(spec, 250)
  useEffect(() => {
    if (tab !== 'titleCard' || !debouncedSpec) return
    let live = true
    api.titleCardPreview({ card: debouncedSpec }).then((p) => live && setCardPreview(p))
    return () => {
      live = false
    }
  }, [api, tab, debouncedSpec])

  const source: EyecatchSource | null = useMemo(() => {
    if (tab === 'photo') return photo ? { kind: 'photo', image: photo.source, crop } : null
    return spec ? { kind: 'titleCard', card: spec } : null
  }, [tab, photo, crop, spec])

  // Live preview for the card: every crop change, at once. The callback is read through a ref so an
  // inline arrow from the parent does not re-run this on every parent render.
  const livePreview = useRef(onLivePreview)
  useEffect(() => {
    livePreview.current = onLivePreview
  }, [onLivePreview])
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

  // The size estimate: encoded by main, after the writer pauses.
  const estimateRequest = useMemo(
    () => (source ? { source, ...encoding } : null),
    [source, encoding],
  )
  const estimateKey = useDebounced(estimateRequest, 400)
  useEffect(() => {
    if (!estimateKey) return
    let live = true
    api.estimate(estimateKey).then((r) => live && setEstimated({ key: estimateKey, result: r }))
    return () => {
      live = false
    }
  }, [api, estimateKey])
  // Shown only for the request it answers; anything newer is still being calculated.
  const estimate = estimated && estimated.key === estimateKey ? estimated.result : null
  const estimating =
    estimateRequest !== null && (estimateKey !== estimateRequest || estimate === null)

  const replaceName =
    props.currentEyecatch &&
    props.currentEyecatch.toLowerCase().endsWith(`.${EXTENSION[encoding.format]}`)
      ? props.currentEyecatch
      : null

  const doExport = async () => {
    if (!source || !props.assetDir) return
    setExporting(true)
    setResult(null)
    try {
      const r = await api.export({
        source,
        ...encoding,
        assetDir: props.assetDir,
        replace: replace && replaceName ? replaceName : null,
      })
      if (r.kind === 'error') return setResult({ kind: 'error', message: r.message })
      setResult({
        kind: 'ok',
        text: ecText(locale, 'exported', { name: r.fileName, size: formatBytes(r.bytes) }),
      })
      props.onExported({ fileName: r.fileName, path: r.path, bytes: r.bytes })
    } finally {
      setExporting(false)
    }
  }

  const warnings = [
    ...sourceMessage,
    ...(tab === 'photo' && estimate?.kind === 'ok' ? estimate.warnings : []),
  ]
  if (!props.assetDir) warnings.push(eyecatchStrings.noAssetDir)

  return (
    <section className="ec-studio" aria-label={ecText(locale, 'studioLabel')} onPaste={onPaste}>
      <div className="ec-tabs" role="tablist">
        {(['photo', 'titleCard'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {ecText(locale, t === 'photo' ? 'tabPhoto' : 'tabTitleCard')}
          </button>
        ))}
      </div>
      {tab === 'photo' ? (
        <PhotoTab
          locale={locale}
          assets={props.assets}
          photo={photo && context ? { url: photo.url, context, assetPath: photo.assetPath } : null}
          crop={crop}
          onCrop={setCrop}
          onFile={(f) => void loadFile(f)}
          onAsset={(a) => void loadAsset(a)}
          busy={loading}
          background="#ffffff"
        />
      ) : (
        <TitleCardTab
          locale={locale}
          fields={fields}
          onFields={setFields}
          backgrounds={backgrounds}
          photoUrl={photo?.url ?? null}
          avatarUrl={avatar?.url ?? null}
          onAvatar={(f) => void loadAvatar(f)}
          preview={cardPreview}
          busy={debouncedSpec !== spec}
        />
      )}
      <ExportPanel
        locale={locale}
        output={output}
        encoding={encoding}
        onEncoding={setEncoding}
        estimate={estimate}
        estimating={estimating}
        replaceName={replaceName}
        replace={replace}
        onReplace={setReplace}
        canExport={source !== null && props.assetDir !== null}
        exporting={exporting}
        onExport={() => void doExport()}
        result={result}
        warnings={warnings}
      />
    </section>
  )
}
