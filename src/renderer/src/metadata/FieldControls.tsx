import { useState } from 'react'
import { checkEyecatchValue } from '../../../shared/card/post-location'
import type { Locale } from '../../../shared/localized'
import type { AssetFile } from '../../../shared/ipc/metadata'
import { nowAsFrontMatterDate, offsetLabel } from '../../../shared/metadata/date-input'
import { wallClockOf } from '../../../shared/metadata/date-text'
import { DateTimeField } from '../i18n/DateTimeField'
import { mdText } from './strings'

/** Attributes every control gets from its field row. */
export interface ControlBase {
  id: string
  describedBy?: string
  invalid: boolean
  disabled: boolean
  locale: Locale
}

/** Props of {@link TextControl}. */
export interface TextControlProps extends ControlBase {
  value: string
  multiline?: boolean
  required?: boolean
  maxLength?: number
  /** Called on every change (after IME composition ends); `null` removes an optional key left empty. */
  onEdit(value: string | null): void
}

/**
 * A one-line or multi-line text control. While it has focus it shows what the writer typed (so the
 * YAML being rewritten underneath never moves the caret); when it loses focus it shows the YAML's
 * value again. IME composition is sent only when it ends.
 */
export function TextControl(props: TextControlProps) {
  const { id, describedBy, invalid, disabled, value, multiline, required, maxLength, onEdit } =
    props
  const [draft, setDraft] = useState<string | null>(null)
  const [composing, setComposing] = useState(false)
  const shown = draft ?? value
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
    'aria-required': required,
    disabled,
    value: shown,
    onFocus: () => setDraft(value),
    onBlur: () => {
      setDraft(null)
      if (!required && shown === '' && value === '') onEdit(null)
    },
    onCompositionStart: () => setComposing(true),
    onCompositionEnd: (e: { currentTarget: { value: string } }) => {
      setComposing(false)
      onEdit(e.currentTarget.value)
    },
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value)
      if (!composing) onEdit(e.target.value)
    },
  }
  return multiline ? (
    <textarea {...common} rows={3} data-maxlength={maxLength} />
  ) : (
    <input {...common} type="text" spellCheck={false} data-maxlength={maxLength} />
  )
}

/** Props of {@link DateControl}. */
export interface DateControlProps extends ControlBase {
  /** The front-matter value as written (may be invalid). */
  value: unknown
  /** The offset dates are written with (`+09:00`). */
  offset: string
  now?: () => number
  /** A new date; `typing` while the writer types or steps it (one undo step). */
  onEdit(value: string, typing?: boolean): void
}

/** The date and time in the blog's fixed offset (Asia/Tokyo), in the UI language's format. */
export function DateControl(props: DateControlProps) {
  const { id, describedBy, invalid, disabled, locale, value, offset, onEdit } = props
  const raw =
    typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
  return (
    <div className="pwm-date">
      <DateTimeField
        id={id}
        value={value}
        offset={offset}
        locale={locale}
        describedBy={describedBy}
        invalid={invalid}
        disabled={disabled}
        onEdit={onEdit}
      >
        <span className="pwm-offset">{offsetLabel(offset)[locale]}</span>
        <button
          type="button"
          className="pwm-small-button"
          disabled={disabled}
          onClick={() => onEdit(nowAsFrontMatterDate((props.now ?? Date.now)(), offset))}
        >
          {mdText(locale, 'now')}
        </button>
      </DateTimeField>
      {raw !== '' && wallClockOf(value, offset) === null && (
        <span className="pwm-raw">{mdText(locale, 'dateInvalid', { value: raw })}</span>
      )}
    </div>
  )
}

/** Props of {@link ImageControl}. */
export interface ImageControlProps extends ControlBase {
  value: unknown
  /** Files of the post's asset folder; null while unknown. */
  assetFiles: readonly AssetFile[] | null
  /** URL to show a file of the asset folder (or an http(s) URL) as a thumbnail; null for none. */
  resolveImage?: (name: string) => string | null
  onOpenEyecatch?: () => void
  onEdit(value: string | null): void
}

/** The eyecatch: a thumbnail, a choice among the asset folder's images, and the eyecatch tools. */
export function ImageControl(props: ImageControlProps) {
  const {
    id,
    describedBy,
    invalid,
    disabled,
    locale,
    value,
    assetFiles,
    resolveImage,
    onOpenEyecatch,
    onEdit,
  } = props
  const ref = checkEyecatchValue(value)
  const current = ref.kind === 'file' ? ref.name : ref.kind === 'url' ? ref.url : null
  const images = (assetFiles ?? []).filter((f) => f.isImage)
  const known =
    ref.kind !== 'file' || assetFiles === null || assetFiles.some((f) => f.name === ref.name)
  // Only a file inside the asset folder or an http(s) URL is ever shown (P2).
  const thumbnail = current && resolveImage ? resolveImage(current) : null
  return (
    <div className="pwm-image">
      <div className="pwm-thumb" aria-hidden={thumbnail ? undefined : true}>
        {thumbnail && known ? <img src={thumbnail} alt={mdText(locale, 'eyecatchAlt')} /> : null}
      </div>
      <div className="pwm-image-controls">
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          disabled={disabled}
          value={current ?? ''}
          onChange={(e) => onEdit(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{mdText(locale, 'none')}</option>
          {ref.kind === 'url' && <option value={ref.url}>{mdText(locale, 'remote')}</option>}
          {ref.kind === 'file' && !known && (
            <option value={ref.name}>{mdText(locale, 'notFound', { name: ref.name })}</option>
          )}
          {images.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
        <div className="pwm-image-buttons">
          {onOpenEyecatch && (
            <button
              type="button"
              className="pwm-small-button"
              disabled={disabled}
              onClick={onOpenEyecatch}
            >
              {mdText(locale, 'openEyecatch')}
            </button>
          )}
          {value !== undefined && value !== null && value !== '' && (
            <button
              type="button"
              className="pwm-small-button"
              disabled={disabled}
              onClick={() => onEdit(null)}
            >
              {mdText(locale, 'clear')}
            </button>
          )}
        </div>
      </div>
    </div>
  )
}
