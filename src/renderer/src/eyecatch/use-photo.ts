import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { INITIAL_CROP, type CropContext, type CropState } from '../../../shared/eyecatch/crop'
import type { Size } from '../../../shared/eyecatch/geometry'
import { MAX_IMAGE_BYTES, type ImageInfo, type ImageSource } from '../../../shared/ipc/eyecatch'
import type { LocalizedText } from '../../../shared/localized'
import { eyecatchStrings } from './strings'
import type { AssetChoice, EyecatchStudioApi } from './types'

/** The photo being cropped: where main reads it, the URL the window shows, its facts. */
export interface Photo {
  source: ImageSource
  url: string
  info: ImageInfo
  assetPath: string | null
}

/**
 * Object URLs for files the writer dropped or pasted, released when the studio goes away. Returns
 * a function that makes (and remembers) one.
 */
export function useObjectUrls(): (file: File) => string {
  const urls = useRef<string[]>([])
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), [])
  return useCallback((file: File) => {
    const url = URL.createObjectURL(file)
    urls.current.push(url)
    return url
  }, [])
}

/**
 * The studio's photo and its crop: loading a dropped file (staged in main) or an asset (probed),
 * and the messages about the source (refusals, warnings). `onLoadStart` runs when a load begins,
 * `onStaged` when a dropped file is in.
 */
export function usePhoto(
  api: EyecatchStudioApi,
  output: Size,
  objectUrl: (file: File) => string,
  { onLoadStart, onStaged }: { onLoadStart: () => void; onStaged: () => void },
) {
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [crop, setCrop] = useState<CropState>(INITIAL_CROP)
  const [loading, setLoading] = useState(false)
  const [sourceMessage, setSourceMessage] = useState<LocalizedText[]>([])

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
      onLoadStart()
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
        setPhoto({
          source: { kind: 'staged', id: staged.id },
          url: objectUrl(file),
          info: staged.info,
          assetPath: null,
        })
        setCrop(INITIAL_CROP)
        setSourceMessage(staged.info.warnings)
        onStaged()
      } finally {
        setLoading(false)
      }
    },
    [api, objectUrl, onLoadStart, onStaged],
  )

  const loadAsset = useCallback(
    async (asset: AssetChoice) => {
      setLoading(true)
      onLoadStart()
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
    [api, onLoadStart],
  )

  return {
    photo,
    crop,
    setCrop,
    context,
    loading,
    sourceMessage,
    setSourceMessage,
    loadFile,
    loadAsset,
  }
}
