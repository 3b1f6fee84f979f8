import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Locale } from '../../../shared/localized'
import './date-time-field.css'
import {
  dateTextExample,
  formatDateText,
  formatWallClock,
  frontMatterDateOf,
  parseDateText,
  stepWallClock,
  unitAt,
  unitEnd,
  wallClockOf,
} from '../../../shared/metadata/date-text'

const TEXT = {
  hint: {
    ja: '例: {example}（↑↓ でカーソルのある部分を変更）',
    en: 'e.g. {example} (↑↓ change the part at the cursor)',
  },
  error: {
    ja: '日時として読めません。{example} の形で入力してください（Esc で元に戻ります）。',
    en: 'This is not a date and time. Type it as {example} (Esc restores the saved value).',
  },
  calendar: { ja: 'カレンダーから日付を選ぶ', en: 'Pick the day from a calendar' },
} as const

const say = (key: keyof typeof TEXT, locale: Locale) =>
  TEXT[key][locale].replace('{example}', dateTextExample(locale))

/** Props of {@link DateTimeField}. */
export interface DateTimeFieldProps {
  id?: string
  /** The front-matter date (`2026-11-26T20:00:00+09:00`); anything else shows an empty field. */
  value: unknown
  /** The blog's fixed offset the wall clock is shown and written in. */
  offset: string
  locale: Locale
  disabled?: boolean
  /** An error the caller knows about (the field row's problems). */
  invalid?: boolean
  /** Ids of the caller's help and problem texts. */
  describedBy?: string
  /** Name for a field with no `<label for>` (the card's "as of" time). */
  ariaLabel?: string
  className?: string
  /** More controls on the field's line, after the calendar button (the offset, a "now" button). */
  children?: ReactNode
  /** A new front-matter date; `typing` while the writer types or steps it with arrow keys. */
  onEdit(value: string, typing: boolean): void
  /** Whether the field holds text that is not a date (a form may refuse to be sent then). */
  onUnreadable?(unreadable: boolean): void
}

/**
 * A date-and-time text field in the UI language's format (`2026/11/26 20:00`, `Nov 26, 2026 20:00`)
 * instead of Chromium's `datetime-local`, which follows the computer's locale (a US-English one
 * showed `11/26/2026, 08:00:00 PM` in the Japanese UI). Typed text is written as soon as it reads
 * as a date; ↑/↓ change the part at the caret (Shift: by 10); text that is not a date stays as
 * typed, the saved value untouched, with an error said on leaving the field or Enter; Escape gives
 * the saved value back. A calendar button opens Chromium's date picker for the day.
 */
export function DateTimeField(props: DateTimeFieldProps) {
  const { value, offset, locale, disabled, onEdit } = props
  const ownId = useId()
  const id = props.id ?? ownId
  const input = useRef<HTMLInputElement>(null)
  const picker = useRef<HTMLInputElement>(null)
  const caret = useRef<number | null>(null)
  const [draft, setDraft] = useState<string | null>(null)
  const [shownError, setShownError] = useState(false)
  const saved = formatDateText(value, locale, offset)
  const text = draft ?? saved
  const bad = draft !== null && parseDateText(draft, offset) === null
  const error = bad && shownError

  useLayoutEffect(() => {
    if (caret.current !== null && input.current) {
      input.current.setSelectionRange(caret.current, caret.current)
      caret.current = null
    }
  })

  const commit = (next: string) => {
    const w = parseDateText(next, offset)
    if (!w) return
    const date = frontMatterDateOf(w, offset)
    if (date !== value) onEdit(date, true)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && draft !== null) {
      e.preventDefault()
      e.stopPropagation()
      setDraft(null)
      setShownError(false)
      props.onUnreadable?.(false)
    } else if (e.key === 'Enter') {
      // A form around the field (the new-post wizard) is not sent with a date it cannot read.
      if (bad) {
        e.preventDefault()
        setShownError(true)
      } else setDraft(null)
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const w = parseDateText(text, offset) ?? wallClockOf(value, offset)
      if (!w) return
      e.preventDefault()
      const shown = formatWallClock(w, locale)
      const unit = unitAt(shown, e.currentTarget.selectionStart ?? shown.length, locale)
      const next = stepWallClock(w, unit, (e.key === 'ArrowUp' ? 1 : -1) * (e.shiftKey ? 10 : 1))
      const nextText = formatWallClock(next, locale)
      caret.current = unitEnd(nextText, unit, locale)
      setDraft(nextText)
      setShownError(false)
      props.onUnreadable?.(false)
      commit(nextText)
    }
  }

  const hintId = `${id}-format`
  const errorId = `${id}-error`
  const describedBy = [props.describedBy, error ? errorId : hintId].filter(Boolean).join(' ')
  const day = wallClockOf(value, offset)
  return (
    <span className={`pw-datetime ${props.className ?? ''}`.trim()}>
      <span className="pw-datetime__row">
        <input
          ref={input}
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="pw-datetime__input"
          aria-label={props.ariaLabel}
          aria-describedby={describedBy}
          aria-invalid={bad || props.invalid ? true : false}
          disabled={disabled}
          placeholder={dateTextExample(locale)}
          value={text}
          onChange={(e) => {
            const readable = parseDateText(e.target.value, offset) !== null
            setDraft(e.target.value)
            if (readable) setShownError(false)
            props.onUnreadable?.(!readable)
            commit(e.target.value)
          }}
          onBlur={() => {
            if (bad) setShownError(true)
            else setDraft(null)
          }}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="pw-datetime__calendar"
          aria-label={say('calendar', locale)}
          title={say('calendar', locale)}
          disabled={disabled}
          onClick={() => picker.current?.showPicker?.()}
        >
          <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true">
            <path
              fill="currentColor"
              d="M4 1h1v2h6V1h1v2h2v12H2V3h2zm-1 5v8h10V6zm1 2h2v2H4zm3 0h2v2H7zm3 0h2v2h-2z"
            />
          </svg>
        </button>
        {/* Chromium's calendar for the day only: the field above stays the one people read and type in. */}
        <input
          ref={picker}
          type="date"
          className="pw-datetime__picker"
          tabIndex={-1}
          aria-hidden="true"
          value={day ? frontMatterDateOf(day, offset).slice(0, 10) : ''}
          onChange={(e) => {
            const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.target.value)
            if (!m) return
            const base = day ?? { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
            const w = { ...base, year: +m[1]!, month: +m[2]!, day: +m[3]! }
            setDraft(null)
            setShownError(false)
            props.onUnreadable?.(false)
            onEdit(frontMatterDateOf(w, offset), false)
          }}
        />
        {props.children}
      </span>
      {error ? (
        <span id={errorId} className="pw-datetime__error" role="alert">
          {say('error', locale)}
        </span>
      ) : (
        <span id={hintId} className="pw-datetime__hint">
          {say('hint', locale)}
        </span>
      )}
    </span>
  )
}
