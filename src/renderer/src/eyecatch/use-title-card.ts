import { useCallback, useEffect, useMemo, useState } from 'react'
import type {
  BackgroundChoice,
  ImageSource,
  TitleCardPreview,
  TitleCardSpec,
} from '../../../shared/ipc/eyecatch'
import type { LocalizedText } from '../../../shared/localized'
import type { TitleCardFields } from './TitleCardTab'
import type { EyecatchStudioApi } from './types'
import { useDebounced } from './use-debounced'

/**
 * The title card: its fields, the bundled backgrounds, the avatar, the spec main draws, and main's
 * preview of it while `shown` (asked again shortly after typing stops). `photoSource` is the
 * studio's photo, usable as a background; `onError` reports a refused avatar.
 */
export function useTitleCard(
  api: EyecatchStudioApi,
  defaults: { title: string; author: string; role?: string; logo: string },
  photoSource: ImageSource | null,
  shown: boolean,
  objectUrl: (file: File) => string,
  onError: (message: LocalizedText) => void,
) {
  const [fields, setFields] = useState<TitleCardFields>({
    title: defaults.title,
    author: defaults.author,
    role: defaults.role ?? '',
    logo: defaults.logo,
    background: 'sunrise',
  })
  const [avatar, setAvatar] = useState<{ source: ImageSource; url: string } | null>(null)
  const [backgrounds, setBackgrounds] = useState<BackgroundChoice[]>([])
  const [cardPreview, setCardPreview] = useState<TitleCardPreview | null>(null)

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

  const loadAvatar = useCallback(
    async (file: File | null) => {
      if (!file) return setAvatar(null)
      const staged = await api.stage({
        name: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      })
      if (staged.kind === 'error') return onError(staged.message)
      setAvatar({ source: { kind: 'staged', id: staged.id }, url: objectUrl(file) })
    },
    [api, objectUrl, onError],
  )

  const spec: TitleCardSpec | null = useMemo(() => {
    const background: TitleCardSpec['background'] | null =
      fields.background === 'photo'
        ? photoSource
          ? { kind: 'image', image: photoSource }
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
  }, [fields, avatar, photoSource])

  // The title card is drawn by main with the shipped font; ask again shortly after typing stops.
  const debouncedSpec = useDebounced(spec, 250)
  useEffect(() => {
    if (!shown || !debouncedSpec) return
    let live = true
    api.titleCardPreview({ card: debouncedSpec }).then((p) => live && setCardPreview(p))
    return () => {
      live = false
    }
  }, [api, shown, debouncedSpec])

  return {
    fields,
    setFields,
    backgrounds,
    avatar,
    loadAvatar,
    spec,
    cardPreview,
    drawing: debouncedSpec !== spec,
  }
}
