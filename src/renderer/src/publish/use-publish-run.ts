import { useCallback, useEffect, useState } from 'react'
import type { LocalizedText } from '../../../shared/localized'
import type { PublishError, PublishProgress, PublishStatus } from '../../../shared/publish'
import type { PublishActions } from './publish-port'

/** What the last action ended with. */
export type Outcome =
  | { kind: 'published'; message: LocalizedText; link: string | null; warnings: LocalizedText[] }
  | { kind: 'updated'; message: LocalizedText; warnings: LocalizedText[] }
  | { kind: 'error'; error: PublishError }
  | { kind: 'notice'; message: LocalizedText; tone: 'error' | 'success' }

/** Loads one post's publish status; `refresh` re-reads it. */
export function usePublishStatus(actions: PublishActions, path: string | null, refreshKey: number) {
  const [status, setStatus] = useState<PublishStatus | null>(null)
  const [error, setError] = useState<LocalizedText | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!path) return
    let live = true
    void actions.status(path).then((r) => {
      if (!live) return
      setStatus(r.kind === 'ok' ? r.status : null)
      setError(r.kind === 'ok' ? null : r.message)
    })
    return () => {
      live = false
    }
  }, [actions, path, refreshKey, tick])
  const refresh = useCallback(() => setTick((n) => n + 1), [])
  return { status, error, refresh }
}

/** Options of {@link usePublishRun}. */
export interface RunOptions {
  actions: PublishActions
  path: string | null
  /** Flushes the editor's save first; false stops the action. */
  beforeRun?: () => Promise<boolean>
  /** Told after each finished send or update. */
  onChanged?: () => void
  /** Re-reads the status after each action. */
  refresh: () => void
}

/** Sending and bringing in changes: busy state, progress and the outcome. */
export function usePublishRun({ actions, path, beforeRun, onChanged, refresh }: RunOptions) {
  const [busy, setBusy] = useState<'publish' | 'update' | null>(null)
  const [progress, setProgress] = useState<PublishProgress | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  useEffect(
    () =>
      actions.onProgress((p) => {
        if (p.path === path) setProgress(p)
      }),
    [actions, path],
  )

  /** Runs one action with the shared busy/refresh bookkeeping. */
  const run = useCallback(
    async (kind: 'publish' | 'update', job: () => Promise<Outcome | null>) => {
      if (!path || busy) return
      setBusy(kind)
      setOutcome(null)
      setProgress(kind === 'publish' ? { path, phase: 'check', percent: 0 } : null)
      try {
        if (beforeRun && !(await beforeRun())) {
          setProgress(null)
          return
        }
        const result = await job()
        if (result?.kind !== 'published') setProgress(null)
        setOutcome(result)
        onChanged?.()
      } finally {
        setBusy(null)
        refresh()
      }
    },
    [beforeRun, busy, onChanged, path, refresh],
  )

  const send = useCallback(
    (message?: string) =>
      run('publish', async () => {
        const r = await actions.publish({ path: path!, message })
        return r.kind === 'published'
          ? { kind: 'published', message: r.message, link: r.pullRequestUrl, warnings: r.warnings }
          : { kind: 'error', error: r }
      }),
    [actions, path, run],
  )

  const update = useCallback(
    (resolution?: 'mine' | 'theirs') =>
      run('update', async () => {
        const r = await actions.update({ path: path!, ...(resolution ? { resolution } : {}) })
        return r.kind === 'updated'
          ? { kind: 'updated', message: r.message, warnings: r.warnings }
          : { kind: 'error', error: r }
      }),
    [actions, path, run],
  )

  return { busy, progress, outcome, setOutcome, send, update }
}
