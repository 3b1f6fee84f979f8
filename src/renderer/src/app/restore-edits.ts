import type { PortalApi } from '../../../shared/ipc/contract'
import type { RecoveredPost } from '../shell/workspace-view'
import type { PostSessions } from './post-sessions'
import { missingDocument } from '../save/recovered'

/**
 * Puts the journal's unsaved edits of the open repository back into editor buffers (D6). Each
 * restored post is dirty but waits for the writer (compare, discard, keep) before it is saved;
 * its base is the disk version the edits started from, so a file changed since gives a conflict.
 */
export async function restoreEdits(
  api: Pick<PortalApi, 'posts' | 'recovery'>,
  sessions: PostSessions,
): Promise<RecoveredPost[]> {
  let entries: Awaited<ReturnType<PortalApi['recovery']['list']>>
  try {
    entries = await api.recovery.list()
  } catch {
    return []
  }
  const recovered: RecoveredPost[] = []
  for (const entry of entries) {
    if (sessions.has(entry.path)) continue
    const r = await api.posts.read({ path: entry.path }).catch(() => null)
    const disk = r?.kind === 'ok' ? r.doc : null
    if (disk?.text === entry.text) {
      void api.recovery.remove({ path: entry.path }).catch(() => undefined)
      continue
    }
    // Changed on disk since the edits were journaled: a conflict the writer settles (D2), not a save.
    const changed = disk !== null && entry.baseHash !== null && disk.hash !== entry.baseHash
    const doc = disk
      ? { ...disk, hash: entry.baseHash ?? disk.hash, text: changed ? '' : disk.text }
      : missingDocument(entry.path)
    const session = sessions.add(entry.path, doc, entry.text, true)
    session.markRestored()
    if (!disk) session.diskChanged({ kind: 'deleted', text: null, hash: null })
    if (changed) {
      session.diskChanged({ kind: 'modified', text: disk.text, hash: disk.hash })
      session.setConflictOpen(false)
    }
    recovered.push({ path: entry.path, diskText: disk?.text ?? null, savedAt: entry.savedAt })
  }
  return recovered
}
