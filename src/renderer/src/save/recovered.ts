import type { PostDocument } from '../../../shared/post'

/** A post whose unsaved edits were restored from the crash-recovery journal (D6). */
export interface RecoveredPost {
  path: string
  /** The file on disk when the edits were restored; null when it is gone. */
  diskText: string | null
  /** When the edits were journaled (ms since the epoch). */
  savedAt: number
}

/** The document of a restored post whose file is gone: saving recreates it (D3). */
export function missingDocument(path: string): PostDocument {
  return { path, text: '', hash: '', eol: 'lf', bom: false, readOnly: null, assetDir: null }
}
