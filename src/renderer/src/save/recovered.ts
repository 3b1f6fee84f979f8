import type { PostDocument } from '../../../shared/post'

/** The document of a restored post whose file is gone: saving recreates it (D3). */
export function missingDocument(path: string): PostDocument {
  return { path, text: '', hash: '', eol: 'lf', bom: false, readOnly: null, assetDir: null }
}
