import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
} from 'react'
import {
  nudgeCrop,
  panCrop,
  zoomCrop,
  zoomRange,
  type CropContext,
  type CropState,
} from '../../../shared/eyecatch/crop'
import { feedThumbnail, percentRect, xSafeBand } from '../../../shared/eyecatch/overlays'
import type { Locale } from '../../../shared/localized'
import { CropPreviewImage } from './CropPreviewImage'
import { ecText } from './strings'

/** Props of {@link CropView}. */
export interface CropViewProps {
  locale: Locale
  imageUrl: string
  context: CropContext
  crop: CropState
  onChange: (crop: CropState) => void
  showXBand: boolean
  showFeed: boolean
  background: string
}

/**
 * The crop frame: the photo moves under a window of the output's shape. Drag to pan, wheel to zoom
 * about the pointer, arrow keys to nudge. Pointer moves are folded into one update per animation
 * frame, and only a CSS transform changes, so the frame and every live preview keep up at 60 fps.
 */
export function CropView({
  locale,
  imageUrl,
  context,
  crop,
  onChange,
  showXBand,
  showFeed,
  background,
}: CropViewProps): ReactElement {
  const frameRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(560)
  const latest = useRef(crop)
  const pending = useRef<{ dx: number; dy: number } | null>(null)
  const raf = useRef(0)
  const drag = useRef<{ x: number; y: number } | null>(null)

  useEffect(() => {
    latest.current = crop
  }, [crop])

  useEffect(() => {
    const el = frameRef.current
    if (!el) return
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width
      if (w && w > 0) setWidth(w)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => () => cancelAnimationFrame(raf.current), [])

  const height = (width * context.output.height) / context.output.width

  const flush = () => {
    raf.current = 0
    const move = pending.current
    pending.current = null
    if (!move) return
    const next = panCrop(latest.current, context, move.dx / width, move.dy / height)
    latest.current = next
    onChange(next)
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    e.currentTarget.focus()
    drag.current = { x: e.clientX, y: e.clientY }
  }

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    const dx = e.clientX - drag.current.x
    const dy = e.clientY - drag.current.y
    drag.current = { x: e.clientX, y: e.clientY }
    const p = pending.current ?? { dx: 0, dy: 0 }
    pending.current = { dx: p.dx + dx, dy: p.dy + dy }
    if (!raf.current) raf.current = requestAnimationFrame(flush)
  }

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null
    if (e.currentTarget.hasPointerCapture(e.pointerId))
      e.currentTarget.releasePointerCapture(e.pointerId)
  }

  // A native, non-passive listener: React's onWheel cannot prevent the page from scrolling.
  useEffect(() => {
    const el = frameRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const rect = el.getBoundingClientRect()
      const focus = {
        x: (e.clientX - rect.left) / rect.width,
        y: (e.clientY - rect.top) / rect.height,
      }
      const current = latest.current
      const next = zoomCrop(current, context, current.zoom * Math.exp(-e.deltaY * 0.0015), focus)
      latest.current = next
      onChange(next)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [context, onChange])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key.startsWith('Arrow')) {
      e.preventDefault()
      onChange(nudgeCrop(crop, context, e.key, e.shiftKey))
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault()
      onChange(zoomCrop(crop, context, crop.zoom * 1.1))
    } else if (e.key === '-') {
      e.preventDefault()
      onChange(zoomCrop(crop, context, crop.zoom / 1.1))
    }
  }

  const band = xSafeBand(context.output)
  const thumb = feedThumbnail(context.output)
  const range = zoomRange(crop, context)
  const preview = { kind: 'photo' as const, imageUrl, crop, context }

  return (
    <div className="ec-cropview">
      <div
        ref={frameRef}
        className="ec-frame"
        style={{ aspectRatio: `${context.output.width} / ${context.output.height}` }}
        tabIndex={0}
        role="application"
        aria-label={ecText(locale, 'cropFrame')}
        data-zoom={crop.zoom.toFixed(3)}
        data-zoom-min={range.min.toFixed(3)}
        data-testid="crop-frame"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <CropPreviewImage preview={preview} width={width} alt="" background={background} />
        {showXBand && band.visible.height < context.output.height && (
          <>
            <div
              className="ec-shade"
              style={percentRect(
                { left: 0, top: 0, width: context.output.width, height: band.visible.top },
                context.output,
              )}
            />
            <div
              className="ec-shade"
              style={percentRect(
                {
                  left: 0,
                  top: band.visible.top + band.visible.height,
                  width: context.output.width,
                  height: band.visible.top,
                },
                context.output,
              )}
            />
            <div
              className="ec-band-label"
              style={{ top: percentRect(band.visible, context.output).top }}
            >
              {ecText(locale, 'overlayX')}
            </div>
          </>
        )}
        {showXBand && band.visible.width < context.output.width && (
          <div className="ec-band-outline" style={percentRect(band.visible, context.output)} />
        )}
      </div>
      {showFeed && (
        <figure className="ec-feed-thumb">
          <CropPreviewImage
            preview={preview}
            width={thumb.width}
            alt={ecText(locale, 'overlayFeed')}
            background={background}
          />
          <figcaption>
            {ecText(locale, 'feedThumbnail')}（{Math.round(thumb.width)}×{Math.round(thumb.height)}
            px）
          </figcaption>
        </figure>
      )}
    </div>
  )
}
