import type { CropContext, CropState } from '../../../shared/eyecatch/crop'
import type { PortalApi } from '../../../shared/ipc/contract'

type Images = PortalApi['images']
type Eyecatch = PortalApi['eyecatch']

/**
 * What the studio asks main for: `window.portal.images.*` and `window.portal.eyecatch.*` as the IPC
 * contract types them, except that `stage` takes any bytes (eyecatchApiFor copies them onto a
 * plain buffer when needed). Tests pass fakes or the real handler table.
 */
export interface EyecatchStudioApi {
  stage(
    request: Omit<Parameters<Images['stage']>[0], 'data'> & { data: Uint8Array },
  ): ReturnType<Images['stage']>
  probe: Images['probe']
  estimate: Eyecatch['estimate']
  export: Eyecatch['export']
  titleCardPreview: Eyecatch['titleCardPreview']
  backgrounds: Eyecatch['backgrounds']
}

/** An image in the post's asset folder, with a URL the window can show. */
export interface AssetChoice {
  name: string
  /** Repository-relative path. */
  path: string
  /** URL for `<img src>` (the asset protocol). */
  url: string
}

/**
 * The eyecatch as it would be exported, reported while the writer works so the card and share
 * previews can show it at once. A photo is an already-loaded image plus a crop: show it with
 * `<CropPreviewImage>` (CSS transforms only, no pixels are made). A title card is a rendered image.
 */
export type EyecatchLivePreview =
  | { kind: 'photo'; imageUrl: string; crop: CropState; context: CropContext }
  | { kind: 'titleCard'; imageUrl: string }

/** The file an export wrote: its name goes into the front matter's `eyecatch`. */
export interface ExportedEyecatch {
  fileName: string
  /** Repository-relative path. */
  path: string
  bytes: number
}
