import { memo, useId, type ReactNode } from 'react'
import type { Locale, LocalizedText } from '../../../shared/localized'
import type { AssetFile, Suggestions } from '../../../shared/ipc/metadata'
import { listValues } from '../../../shared/metadata/facets'
import type { FieldSpec } from '../../../shared/metadata/field-spec'
import type { FieldValue, FrontMatterFields } from '../../../shared/metadata/round-trip'
import type { MetadataSchema } from '../../../shared/metadata/schema'
import type { MetadataProblem } from '../../../shared/metadata/validate'
import { ChipInput } from './ChipInput'
import { DateControl, ImageControl, TextControl } from './FieldControls'
import { PostLocation, type MoveOutcome, type PostLocationInfo } from './PostLocation'
import { mdText } from './strings'
import './metadata.css'

/** Props of {@link MetadataPanel}. */
export interface MetadataPanelProps {
  /** The front matter as read from the editor's text (`readFields`). */
  fields: FrontMatterFields
  schema: MetadataSchema
  /** Problems of the same text (`validateFrontMatter`). */
  problems: readonly MetadataProblem[]
  /** Repository suggestions (tags, authors, categories with counts); null while loading. */
  suggestions: Suggestions | null
  /** Files of the post's asset folder; null while unknown. */
  assetFiles: readonly AssetFile[] | null
  locale: Locale
  /** A form edit: apply it to the editor's text (`applyFieldEdit` + `formEditTransaction`). */
  onEdit(field: string, value: FieldValue, options?: { typing?: boolean }): void
  /** Opens the eyecatch tools; the button shows only when given. */
  onOpenEyecatch?: () => void
  /** URL of a file of the asset folder (or an http(s) URL) for the eyecatch thumbnail. */
  resolveImage?: (name: string) => string | null
  /** Puts the value on a line in quotes (the YAML error banner's one-click fix). */
  onQuoteLine?(line: number): void
  /** Shows a line of the post in the editor (from the YAML error banner). */
  onShowLine?: (line: number) => void
  /** The clock for the date field's "now" button. */
  now?: () => number
  /** The post's slug and file-name day: shows the rename / move-to-date controls with `onMove`. */
  location?: PostLocationInfo
  /** Slugs of the other posts (rename collisions). */
  takenSlugs?: readonly string[]
  /** Saves, then moves the post and its asset folder (`posts:move`). */
  onMove?: (request: { slug?: string; date?: string }) => Promise<MoveOutcome>
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

function Problems({
  id,
  problems,
  locale,
  onFix,
}: {
  id: string
  problems: readonly MetadataProblem[]
  locale: Locale
  onFix?: (problem: MetadataProblem) => void
}) {
  if (problems.length === 0) return <ul id={id} className="pwm-problems" hidden />
  return (
    <ul id={id} className="pwm-problems" aria-live="polite">
      {problems.map((p, i) => (
        <li key={i} className="pwm-problem" data-severity={p.severity}>
          <span className="pwm-problem-kind">
            {mdText(locale, p.severity === 'error' ? 'errorLabel' : 'warnLabel')}
          </span>
          <span>{p.message[locale]}</span>
          {p.suggestion && onFix && (
            <button type="button" className="pwm-small-button" onClick={() => onFix(p)}>
              {mdText(locale, 'fixTo', { value: p.suggestion })}
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}

/**
 * The post's front matter as a form generated from the schema: text, chips with repository
 * suggestions, a date-time picker in Japan time, the draft toggle and the eyecatch picker. Every
 * change goes to `onEdit`, which rewrites the YAML in the editor (one source of truth); problems
 * show on their field, linked with `aria-describedby`. The form never blocks typing. Memoized: the
 * window re-renders when the post's save state changes, which the form does not show.
 */
export const MetadataPanel = memo(function MetadataPanel(props: MetadataPanelProps) {
  const { fields, schema, problems, suggestions, assetFiles, locale, onEdit, onShowLine } = props
  const baseId = useId()
  const readOnly = fields.error !== null
  const general = problems.filter(
    (p) => p.field === '' || !schema.fields.some((f) => f.key === p.field),
  )
  const label = (t: LocalizedText) => t[locale]

  const row = (spec: FieldSpec): ReactNode => {
    const id = `${baseId}-${spec.key}`
    const own = problems.filter((p) => p.field === spec.key)
    const problemsId = `${id}-problems`
    const helpId = spec.help ? `${id}-help` : undefined
    const describedBy =
      [helpId, own.length ? problemsId : undefined].filter(Boolean).join(' ') || undefined
    const invalid = own.some((p) => p.severity === 'error')
    const value = fields.data[spec.key]
    const base = { id, describedBy, invalid, disabled: readOnly, locale }
    const edit = (v: FieldValue, typing = false) =>
      onEdit(spec.key, v, typing ? { typing } : undefined)
    let control: ReactNode
    switch (spec.type) {
      case 'string':
      case 'text':
        control = (
          <TextControl
            {...base}
            value={textOf(value)}
            multiline={spec.type === 'text'}
            required={spec.required}
            maxLength={spec.maxLength}
            onEdit={(v) => edit(v, v !== null)}
          />
        )
        break
      case 'date':
        control = (
          <DateControl
            {...base}
            value={value}
            offset={schema.timezone}
            now={props.now}
            onEdit={(v, typing) => edit(v, typing)}
          />
        )
        break
      case 'boolean': {
        const on = spec.inverted ? value === false : value === true
        control = (
          <label className="pwm-toggle">
            <input
              id={id}
              type="checkbox"
              role="switch"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              disabled={readOnly}
              checked={on}
              onChange={(e) => edit(spec.inverted ? !e.target.checked : e.target.checked)}
            />
            <span>{label(spec.label)}</span>
          </label>
        )
        break
      }
      case 'list': {
        const severities = new Map<number, 'error' | 'warn'>()
        for (const p of own)
          if (p.item !== undefined && severities.get(p.item) !== 'error')
            severities.set(p.item, p.severity)
        control = (
          <ChipInput
            {...base}
            label={label(spec.label)}
            values={listValues(value)}
            entries={spec.suggest && suggestions ? suggestions[spec.suggest] : []}
            openOnFocus={spec.suggest === 'categories'}
            itemSeverity={severities}
            onChange={(v) => edit(v)}
          />
        )
        break
      }
      case 'choice':
        control = (
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            disabled={readOnly}
            value={textOf(value)}
            onChange={(e) => edit(e.target.value === '' ? null : e.target.value)}
          >
            {(!spec.required || textOf(value) === '') && (
              <option value="">{mdText(locale, 'none')}</option>
            )}
            {textOf(value) !== '' && !spec.choices?.includes(textOf(value)) && (
              <option value={textOf(value)}>{textOf(value)}</option>
            )}
            {(spec.choices ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )
        break
      case 'image':
        control = (
          <ImageControl
            {...base}
            value={value}
            assetFiles={assetFiles}
            resolveImage={props.resolveImage}
            onOpenEyecatch={props.onOpenEyecatch}
            onEdit={(v) => edit(v)}
          />
        )
        break
    }
    const fix = (p: MetadataProblem) => {
      if (p.suggestion === undefined || p.item === undefined) return
      const items = listValues(value)
      items[p.item] = p.suggestion
      edit([...new Set(items)])
    }
    return (
      <div
        key={spec.key}
        className="pwm-field"
        data-field={spec.key}
        data-invalid={invalid ? 'true' : undefined}
      >
        {spec.type !== 'boolean' && (
          <label htmlFor={id} className="pwm-label">
            {label(spec.label)}
            {spec.required && <span className="pwm-required">{mdText(locale, 'required')}</span>}
          </label>
        )}
        {/* A list's suggestions open below it: its problems go above, where they stay visible. */}
        {spec.type === 'list' && (
          <Problems id={problemsId} problems={own} locale={locale} onFix={fix} />
        )}
        {control}
        {spec.help && (
          <p id={helpId} className="pwm-help">
            {label(spec.help)}
          </p>
        )}
        {spec.type !== 'list' && (
          <Problems id={problemsId} problems={own} locale={locale} onFix={fix} />
        )}
      </div>
    )
  }

  return (
    <section className="pwm-panel" aria-label={mdText(locale, 'panelLabel')}>
      {readOnly && fields.error && (
        <div className="pwm-banner" role="alert">
          <p>{fields.error.message[locale]}</p>
          <p>{mdText(locale, 'readOnly')}</p>
          {onShowLine && (
            <button
              type="button"
              className="pwm-small-button"
              onClick={() => onShowLine(fields.error!.line)}
            >
              {mdText(locale, 'showLine', { line: fields.error.line })}
            </button>
          )}
          {fields.error.quote && props.onQuoteLine && (
            <button
              type="button"
              className="pwm-small-button"
              onClick={() => props.onQuoteLine?.(fields.error!.line)}
            >
              {mdText(locale, 'quoteFix')}
            </button>
          )}
        </div>
      )}
      {!readOnly && general.length > 0 && (
        <Problems id={`${baseId}-general`} problems={general} locale={locale} />
      )}
      <div className="pwm-fields">
        {schema.fields.map(row)}
        {props.location && props.onMove && (
          <PostLocation
            location={props.location}
            date={fields.data.date}
            takenSlugs={props.takenSlugs ?? []}
            locale={locale}
            disabled={readOnly}
            onMove={props.onMove}
          />
        )}
      </div>
    </section>
  )
})
