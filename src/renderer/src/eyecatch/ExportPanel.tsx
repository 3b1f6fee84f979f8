import type { ReactElement } from 'react'
import type { EstimateResult, EyecatchFormat } from '../../../shared/ipc/eyecatch'
import type { Locale, LocalizedText } from '../../../shared/localized'
import { ecText, formatBytes } from './strings'

/** Encoding choices the writer makes. */
export interface EncodingChoice {
  format: EyecatchFormat
  quality: number
  scale: 1 | 2
}

/** Props of {@link ExportPanel}. */
export interface ExportPanelProps {
  locale: Locale
  output: { width: number; height: number }
  encoding: EncodingChoice
  onEncoding: (encoding: EncodingChoice) => void
  estimate: EstimateResult | null
  estimating: boolean
  /** The current eyecatch file name when replacing it is possible (same format). */
  replaceName: string | null
  replace: boolean
  onReplace: (replace: boolean) => void
  canExport: boolean
  exporting: boolean
  onExport: () => void
  /** What happened on the last export: written, or why not. */
  result: { kind: 'ok'; text: string } | { kind: 'error'; message: LocalizedText } | null
  warnings: LocalizedText[]
}

const FORMATS: { value: EyecatchFormat; label: string }[] = [
  { value: 'webp', label: 'WebP' },
  { value: 'jpeg', label: 'JPEG' },
  { value: 'png', label: 'PNG' },
]

/** Format, quality, size, the live file-size estimate against the budget, and the export button. */
export function ExportPanel(props: ExportPanelProps): ReactElement {
  const { locale, encoding, onEncoding, estimate } = props
  const set = (patch: Partial<EncodingChoice>) => onEncoding({ ...encoding, ...patch })
  return (
    <section className="ec-export" aria-label={ecText(locale, 'export')}>
      <div className="ec-row">
        <label className="ec-field">
          {ecText(locale, 'format')}
          <select
            value={encoding.format}
            onChange={(e) => set({ format: e.currentTarget.value as EyecatchFormat })}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="ec-field ec-quality">
          {ecText(locale, 'quality')} {encoding.format === 'png' ? '' : encoding.quality}
          <input
            type="range"
            min={40}
            max={100}
            step={1}
            value={encoding.quality}
            disabled={encoding.format === 'png'}
            title={encoding.format === 'png' ? ecText(locale, 'qualityPng') : undefined}
            onChange={(e) => set({ quality: Number(e.currentTarget.value) })}
          />
        </label>
        <label className="ec-field">
          {ecText(locale, 'scale')}
          <select
            value={encoding.scale}
            onChange={(e) => set({ scale: Number(e.currentTarget.value) === 2 ? 2 : 1 })}
          >
            <option value={1}>
              1× ({props.output.width}×{props.output.height})
            </option>
            <option value={2}>
              2× ({props.output.width * 2}×{props.output.height * 2})
            </option>
          </select>
        </label>
        <div className="ec-field" aria-live="polite" data-testid="eyecatch-estimate">
          {ecText(locale, 'estimate')}
          <strong
            data-over-budget={estimate?.kind === 'ok' && estimate.overBudget ? true : undefined}
          >
            {props.estimating
              ? ecText(locale, 'estimating')
              : !estimate
                ? '—'
                : estimate.kind === 'ok'
                  ? `${formatBytes(estimate.bytes)}（${ecText(locale, 'budget', { budget: formatBytes(estimate.budgetBytes) })}）`
                  : '—'}
          </strong>
        </div>
      </div>
      {props.warnings.map((w) => (
        <p key={w.en} className="ec-warning" role="status">
          {w[locale]}
        </p>
      ))}
      <div className="ec-row ec-actions">
        {props.replaceName && (
          <label>
            <input
              type="checkbox"
              checked={props.replace}
              onChange={(e) => props.onReplace(e.currentTarget.checked)}
            />
            {ecText(locale, 'replace', { name: props.replaceName })}
          </label>
        )}
        <button
          type="button"
          className="ec-primary"
          disabled={!props.canExport || props.exporting}
          onClick={props.onExport}
        >
          {props.exporting ? ecText(locale, 'exporting') : ecText(locale, 'export')}
        </button>
      </div>
      {props.result?.kind === 'ok' && (
        <p className="ec-success" role="status">
          {props.result.text}
        </p>
      )}
      {props.result?.kind === 'error' && (
        <p className="ec-error" role="alert">
          {props.result.message[locale]}
        </p>
      )}
    </section>
  )
}
