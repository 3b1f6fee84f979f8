import { shortcut } from '../shell/shortcut'
import { useRef, useState, type DragEvent, type ReactElement } from 'react'
import {
  fillCrop,
  fitCrop,
  flipCrop,
  rotateCrop,
  zoomCrop,
  zoomCropByKey,
  zoomRange,
  type CropContext,
  type CropState,
} from '../../../shared/eyecatch/crop'
import type { Locale } from '../../../shared/localized'
import { CropView } from './CropView'
import { ecText } from './strings'
import type { AssetChoice } from './types'

/** Props of {@link PhotoTab}. */
export interface PhotoTabProps {
  locale: Locale
  assets: AssetChoice[]
  /** The loaded photo, or null. */
  photo: { url: string; context: CropContext; assetPath: string | null } | null
  crop: CropState
  onCrop: (crop: CropState) => void
  /** A file the writer dropped, pasted or chose. */
  onFile: (file: File) => void
  /** An image the writer picked from the asset folder. */
  onAsset: (asset: AssetChoice) => void
  busy: boolean
  background: string
}

/** First image file in a drop or paste, if any. */
export function firstImageFile(files: FileList | null | undefined): File | null {
  for (const file of Array.from(files ?? []))
    if (file.type.startsWith('image/') || file.type === '') return file
  return null
}

/** The photo tab: bring an image in, then crop it at the card's shape. */
export function PhotoTab({
  locale,
  assets,
  photo,
  crop,
  onCrop,
  onFile,
  onAsset,
  busy,
  background,
}: PhotoTabProps): ReactElement {
  const input = useRef<HTMLInputElement>(null)
  const [dragOver, setDragOver] = useState(false)
  const [showX, setShowX] = useState(true)
  const [showFeed, setShowFeed] = useState(true)

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragOver(false)
    const file = firstImageFile(e.dataTransfer.files)
    if (file) onFile(file)
  }

  const ctx = photo?.context
  const range = ctx ? zoomRange(crop, ctx) : { min: 1, max: 8 }
  // The slider is logarithmic: equal steps feel equal whether zoomed in or out.
  const sliderMin = Math.log(range.min)
  const sliderMax = Math.log(range.max)

  return (
    <div
      className="ec-photo"
      data-drag-over={dragOver || undefined}
      onDragOver={(e) => {
        e.preventDefault()
        setDragOver(true)
      }}
      onDragLeave={() => setDragOver(false)}
      onDrop={onDrop}
    >
      <div className="ec-source">
        <span>{ecText(locale, 'dropHere', { paste: shortcut('V') })}</span>
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>
          {ecText(locale, 'chooseFile')}
        </button>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/heic,image/heif"
          hidden
          data-testid="eyecatch-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            if (file) onFile(file)
            e.currentTarget.value = ''
          }}
        />
        <label className="ec-assets">
          {ecText(locale, 'fromAssets')}
          <select
            value={photo?.assetPath ?? ''}
            disabled={busy || assets.length === 0}
            onChange={(e) => {
              const asset = assets.find((a) => a.path === e.currentTarget.value)
              if (asset) onAsset(asset)
            }}
          >
            <option value="">{assets.length === 0 ? ecText(locale, 'fromAssetsNone') : '—'}</option>
            {assets.map((a) => (
              <option key={a.path} value={a.path}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        {busy && <span className="ec-muted">{ecText(locale, 'loading')}</span>}
      </div>

      {photo && ctx ? (
        <>
          <CropView
            locale={locale}
            imageUrl={photo.url}
            context={ctx}
            crop={crop}
            onChange={onCrop}
            showXBand={showX}
            showFeed={showFeed}
            background={background}
          />
          <div className="ec-controls">
            <label className="ec-zoom">
              {ecText(locale, 'zoom')}
              <input
                type="range"
                min={sliderMin}
                max={sliderMax}
                // Dragging is continuous; keys move in steps of 5 % (25 % with Shift or Page keys).
                step="any"
                value={Math.log(crop.zoom)}
                aria-valuetext={`${Math.round(crop.zoom * 100)}%`}
                onChange={(e) =>
                  onCrop(zoomCrop(crop, ctx, Math.exp(Number(e.currentTarget.value))))
                }
                onKeyDown={(e) => {
                  const next = zoomCropByKey(crop, ctx, e.key, e.shiftKey)
                  if (!next) return
                  e.preventDefault()
                  onCrop(next)
                }}
              />
            </label>
            <div className="ec-buttons">
              <button
                type="button"
                onClick={() => onCrop(rotateCrop(crop, ctx, true))}
                title={ecText(locale, 'rotateLeft')}
              >
                ⟲ {ecText(locale, 'rotateLeft')}
              </button>
              <button
                type="button"
                onClick={() => onCrop(rotateCrop(crop, ctx))}
                title={ecText(locale, 'rotateRight')}
              >
                ⟳ {ecText(locale, 'rotateRight')}
              </button>
              <button type="button" onClick={() => onCrop(flipCrop(crop, ctx, true))}>
                ⇋ {ecText(locale, 'flipH')}
              </button>
              <button type="button" onClick={() => onCrop(flipCrop(crop, ctx, false))}>
                ⇵ {ecText(locale, 'flipV')}
              </button>
              <button type="button" onClick={() => onCrop(fitCrop(crop, ctx))}>
                {ecText(locale, 'fit')}
              </button>
              <button type="button" onClick={() => onCrop(fillCrop(crop, ctx))}>
                {ecText(locale, 'fill')}
              </button>
            </div>
            <fieldset className="ec-guides">
              <legend>{ecText(locale, 'overlays')}</legend>
              <label>
                <input
                  type="checkbox"
                  checked={showX}
                  onChange={(e) => setShowX(e.currentTarget.checked)}
                />
                {ecText(locale, 'overlayX')}
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={showFeed}
                  onChange={(e) => setShowFeed(e.currentTarget.checked)}
                />
                {ecText(locale, 'overlayFeed')}
              </label>
            </fieldset>
          </div>
        </>
      ) : (
        <div className="ec-empty" onClick={() => input.current?.click()}>
          {ecText(locale, 'noImage')}
        </div>
      )}
    </div>
  )
}
