import type { CropContext, CropState } from '../../../shared/eyecatch/crop'
import type {
  BackgroundChoice,
  EstimateResult,
  ExportRequest,
  ExportResult,
  EyecatchEncoding,
  ImageSource,
  ProbeResult,
  StageResult,
  TitleCardPreview,
  TitleCardSpec,
} from '../../../shared/ipc/eyecatch'

/**
 * What the studio asks main for. The lead wires these to `window.portal.images.*` and
 * `window.portal.eyecatch.*`; tests pass fakes or the real handler table.
 */
export interface EyecatchStudioApi {
  stage(request: { name: string; data: Uint8Array }): Promise<StageResult>
  probe(request: { image: ImageSource }): Promise<ProbeResult>
  estimate(request: EyecatchEncoding): Promise<EstimateResult>
  export(request: ExportRequest): Promise<ExportResult>
  titleCardPreview(request: { card: TitleCardSpec }): Promise<TitleCardPreview>
  backgrounds(): Promise<BackgroundChoice[]>
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
