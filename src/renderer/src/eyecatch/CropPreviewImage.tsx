import type { CSSProperties, ReactElement } from 'react'
import { cropPreviewStyle } from '../../../shared/eyecatch/preview-transform'
import type { EyecatchLivePreview } from './types'

/** Props of {@link CropPreviewImage}. */
export interface CropPreviewImageProps {
  preview: EyecatchLivePreview
  /** Width of the box in CSS pixels; the height follows the output's shape. */
  width: number
  alt: string
  /** Colour shown where a zoomed-out crop leaves margins (the export's background). */
  background?: string
  className?: string
}

/**
 * Shows a live eyecatch (a crop of an already-loaded photo, or a rendered title card) in a box of
 * the output's shape. A crop is drawn with one CSS transform on the `<img>`, so dragging costs the
 * browser a composite, not a decode: cheap enough for every pointer move.
 */
export function CropPreviewImage({
  preview,
  width,
  alt,
  background = '#ffffff',
  className,
}: CropPreviewImageProps): ReactElement {
  if (preview.kind === 'titleCard') {
    return (
      <img
        className={className}
        src={preview.imageUrl}
        alt={alt}
        style={{ width, display: 'block' }}
      />
    )
  }
  const { output } = preview.context
  const height = (width * output.height) / output.width
  const style = cropPreviewStyle(preview.crop, preview.context, { width, height })
  const box: CSSProperties = {
    position: 'relative',
    width,
    height,
    flex: 'none',
    overflow: 'hidden',
    background,
  }
  // Every box property is set here: the geometry must not depend on where the preview is placed
  // (a card's `img { max-height; object-fit: contain }` once showed another part of the photo).
  const img: CSSProperties = {
    position: 'absolute',
    left: 0,
    top: 0,
    display: 'block',
    width: style.width,
    height: style.height,
    minWidth: 0,
    minHeight: 0,
    maxWidth: 'none',
    maxHeight: 'none',
    margin: 0,
    padding: 0,
    border: 0,
    objectFit: 'fill',
    transformOrigin: '0 0',
    transform: style.transform,
    willChange: 'transform',
  }
  return (
    <div
      className={className}
      style={box}
      // Without a text alternative the picture is decoration (its label is next to it).
      role={alt ? 'img' : undefined}
      aria-label={alt || undefined}
      aria-hidden={alt ? undefined : true}
    >
      <img src={preview.imageUrl} alt="" draggable={false} style={img} />
    </div>
  )
}
