/** The eyecatch studio's public surface for the rest of the renderer. */
export { EyecatchStudio, type EyecatchStudioProps } from './EyecatchStudio'
export { CropPreviewImage, type CropPreviewImageProps } from './CropPreviewImage'
export type { AssetChoice, EyecatchLivePreview, EyecatchStudioApi, ExportedEyecatch } from './types'
export { eyecatchStrings, ecText } from './strings'
