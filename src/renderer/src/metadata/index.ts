/** The metadata form, the new-post wizard, and their editor wiring (transactions, lint). */
export { MetadataPanel } from './MetadataPanel'
export type { MetadataPanelProps } from './MetadataPanel'
export { NewPostWizard, LAST_AUTHORS_KEY } from './NewPostWizard'
export type {
  AuthorMemory,
  NewPostOutcome,
  NewPostRequest,
  NewPostWizardProps,
} from './NewPostWizard'
export { PostLocation } from './PostLocation'
export type { MoveOutcome, PostLocationInfo, PostLocationProps } from './PostLocation'
export { ChipInput } from './ChipInput'
export type { ChipInputProps } from './ChipInput'
export { applyFormEdit, formEditTransaction, metadataEdit } from './transaction'
export type { FormEditOptions } from './transaction'
export { metadataLint, problemsToDiagnostics, refreshMetadataLint } from './lint'
export type { MetadataLintOptions } from './lint'
export { metadataStrings, mdText } from './strings'
export { MetadataSection, METADATA_OPEN_KEY } from './MetadataSection'
export type { MetadataSectionProps } from './MetadataSection'
export { NewPostWizardDialog } from './NewPostWizardDialog'
export type { NewPostWizardDialogProps } from './NewPostWizardDialog'
export { MetadataEditorLink, type FrontMatterSource } from './editor-link'
