import { useEffect, useMemo, useState } from 'react'
import type { EstimateResult, EyecatchSource } from '../../../shared/ipc/eyecatch'
import type { Locale, LocalizedText } from '../../../shared/localized'
import type { EncodingChoice } from './ExportPanel'
import { ecText, formatBytes } from './strings'
import type { EyecatchStudioApi, ExportedEyecatch } from './types'
import { useDebounced } from './use-debounced'

/** What the last export said (null before one, or after a new source was loaded). */
export type ExportResult =
  { kind: 'ok'; text: string } | { kind: 'error'; message: LocalizedText } | null

const EXTENSION: Record<EncodingChoice['format'], string> = {
  webp: 'webp',
  jpeg: 'jpg',
  png: 'png',
}

/**
 * The export: the encoding, main's size estimate after the writer pauses (shown only for the
 * request it answers), replacing the current eyecatch, and the export itself. `setResult` is the
 * studio's (a new source clears it too).
 */
export function useExport(
  api: EyecatchStudioApi,
  locale: Locale,
  source: EyecatchSource | null,
  target: { assetDir: string | null; currentEyecatch: string | null },
  setResult: (result: ExportResult) => void,
  onExported: (exported: ExportedEyecatch) => void,
) {
  const [encoding, setEncoding] = useState<EncodingChoice>({
    format: 'webp',
    quality: 82,
    scale: 1,
  })
  const [estimated, setEstimated] = useState<{ key: unknown; result: EstimateResult } | null>(null)
  const [replace, setReplace] = useState(false)
  const [exporting, setExporting] = useState(false)

  // The size estimate: encoded by main, after the writer pauses.
  const estimateRequest = useMemo(
    () => (source ? { source, ...encoding } : null),
    [source, encoding],
  )
  const estimateKey = useDebounced(estimateRequest, 400)
  useEffect(() => {
    if (!estimateKey) return
    let live = true
    api.estimate(estimateKey).then((r) => live && setEstimated({ key: estimateKey, result: r }))
    return () => {
      live = false
    }
  }, [api, estimateKey])
  // Shown only for the request it answers; anything newer is still being calculated.
  const estimate = estimated && estimated.key === estimateKey ? estimated.result : null
  const estimating =
    estimateRequest !== null && (estimateKey !== estimateRequest || estimate === null)

  const { assetDir, currentEyecatch } = target
  const replaceName =
    currentEyecatch && currentEyecatch.toLowerCase().endsWith(`.${EXTENSION[encoding.format]}`)
      ? currentEyecatch
      : null

  const doExport = async () => {
    if (!source || !assetDir) return
    setExporting(true)
    setResult(null)
    try {
      const r = await api.export({
        source,
        ...encoding,
        assetDir,
        replace: replace && replaceName ? replaceName : null,
      })
      if (r.kind === 'error') return setResult({ kind: 'error', message: r.message })
      setResult({
        kind: 'ok',
        text: ecText(locale, 'exported', { name: r.fileName, size: formatBytes(r.bytes) }),
      })
      onExported({ fileName: r.fileName, path: r.path, bytes: r.bytes })
    } finally {
      setExporting(false)
    }
  }

  return {
    encoding,
    setEncoding,
    estimate,
    estimating,
    replace,
    setReplace,
    replaceName,
    exporting,
    doExport,
  }
}
