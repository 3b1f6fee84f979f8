import { useId, useState } from 'react'
import { datePartsOf } from '../../../shared/dates'
import type { Locale, LocalizedText } from '../../../shared/localized'
import { checkNewSlug } from '../../../shared/metadata/slug-check'
import { mdText } from './strings'

/** Where the open post lives: its slug and the day its file name carries. */
export interface PostLocationInfo {
  slug: string
  /** `YYYY-MM-DD` from the file name. */
  day: string
}

/** What a move gave (the contract's `MovePostResult` fits). */
export type MoveOutcome =
  | { kind: 'moved' }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; field: string; message: LocalizedText }
  | { kind: 'conflict'; message: LocalizedText }
  | { kind: 'error'; message: LocalizedText }

/** Props of {@link PostLocation}. */
export interface PostLocationProps {
  location: PostLocationInfo
  /** The front matter's `date` as written. */
  date: unknown
  /** Slugs of the other posts. */
  takenSlugs: readonly string[]
  locale: Locale
  disabled?: boolean
  /** Saves, then moves the file and its asset folder (`posts:move`). */
  onMove(request: { slug?: string; date?: string }): Promise<MoveOutcome>
}

/**
 * Renaming the slug, and moving the file when the front matter's date is on another day than its
 * file name: the post and its asset folder move together (git is told, so history follows).
 */
export function PostLocation(props: PostLocationProps) {
  const { location, date, takenSlugs, locale, disabled, onMove } = props
  const id = useId()
  const [slug, setSlug] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<LocalizedText | string | null>(null)
  const shown = slug ?? location.slug
  const check = checkNewSlug(shown, takenSlugs, location.slug)
  const parts = typeof date === 'string' ? datePartsOf(date) : null
  const dateDay = parts ? `${parts.year}-${parts.month}-${parts.day}` : null
  const dayDiffers = dateDay !== null && dateDay !== location.day

  const run = async (request: { slug?: string; date?: string }) => {
    setBusy(true)
    const outcome = await onMove(request)
    setBusy(false)
    switch (outcome.kind) {
      case 'moved':
      case 'unchanged':
        setSlug(null)
        setResult(null)
        return
      case 'invalid':
      case 'conflict':
      case 'error':
        setResult(outcome.message)
        return
    }
  }
  const message = typeof result === 'string' ? result : result ? result[locale] : null
  const problem = check.kind === 'invalid' ? check.reason[locale] : null

  return (
    <div className="pwm-field" data-field="(location)">
      <label htmlFor={`${id}-slug`} className="pwm-label">
        {mdText(locale, 'slugLabel')}
      </label>
      <div className="pwm-date">
        <input
          id={`${id}-slug`}
          type="text"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={problem !== null}
          aria-describedby={`${id}-slug-msg`}
          disabled={disabled || busy}
          value={shown}
          onChange={(e) => setSlug(e.target.value)}
        />
        <button
          type="button"
          className="pwm-small-button"
          disabled={disabled || busy || problem !== null || shown === location.slug}
          onClick={() => void run({ slug: shown })}
        >
          {mdText(locale, 'rename')}
        </button>
      </div>
      <p
        id={`${id}-slug-msg`}
        className={problem || message ? 'pwm-error' : 'pwm-help'}
        aria-live="polite"
      >
        {problem ?? message ?? mdText(locale, 'renameHint')}
      </p>
      {dayDiffers && typeof date === 'string' && (
        <div className="pwm-problem" data-severity="warn">
          <span>{mdText(locale, 'dayDiffers', { file: location.day, date: dateDay })}</span>
          <button
            type="button"
            className="pwm-small-button"
            disabled={disabled || busy}
            onClick={() => void run({ date })}
          >
            {mdText(locale, 'moveToDate', { date: dateDay })}
          </button>
        </div>
      )}
    </div>
  )
}
