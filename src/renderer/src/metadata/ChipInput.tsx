import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { rankSuggestions, type SuggestionEntry } from '../../../shared/metadata/fuzzy'
import type { Locale } from '../../../shared/localized'
import { mdText } from './strings'

/** Props of {@link ChipInput}. */
export interface ChipInputProps {
  id: string
  /** The field's name, for screen readers ("タグ"). */
  label: string
  values: readonly string[]
  /** Repository suggestions with usage counts. */
  entries: readonly SuggestionEntry[]
  locale: Locale
  disabled?: boolean
  /** Show the suggestions as soon as the input is focused (a choice among known values). */
  openOnFocus?: boolean
  /** Items with a problem, by index. */
  itemSeverity?: ReadonlyMap<number, 'error' | 'warn'>
  describedBy?: string
  onChange(values: string[]): void
}

type Option = { kind: 'entry'; entry: SuggestionEntry } | { kind: 'new'; value: string }

/**
 * A list edited as chips: type, pick from fuzzy suggestions (kana/romaji-insensitive, with usage
 * counts) or press Enter to add; × or Backspace removes. Typing is never blocked; IME composition
 * is left alone until it ends.
 */
export function ChipInput(props: ChipInputProps) {
  const {
    id,
    label,
    values,
    entries,
    locale,
    disabled,
    openOnFocus,
    itemSeverity,
    describedBy,
    onChange,
  } = props
  const listId = useId()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)

  const options = useMemo<Option[]>(() => {
    if (!open || (!openOnFocus && query.trim() === '')) return []
    const ranked = rankSuggestions(query, entries, {
      exclude: values,
      limit: openOnFocus && query === '' ? 50 : 8,
    })
    const list: Option[] = ranked.map((entry) => ({ kind: 'entry', entry }))
    const typed = query.trim()
    if (typed !== '' && !entries.some((e) => e.value === typed) && !values.includes(typed))
      list.push({ kind: 'new', value: typed })
    return list
  }, [open, openOnFocus, query, entries, values])
  const activeIndex = Math.min(active, Math.max(0, options.length - 1))

  const add = (value: string) => {
    const v = value.trim()
    setQuery('')
    setActive(0)
    if (v === '' || values.includes(v)) return
    onChange([...values, v])
  }
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index))

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        setOpen(true)
        setActive(options.length === 0 ? 0 : (activeIndex + 1) % options.length)
        return
      case 'ArrowUp':
        e.preventDefault()
        setActive(options.length === 0 ? 0 : (activeIndex - 1 + options.length) % options.length)
        return
      case 'Enter': {
        const option = options[activeIndex]
        if (query.trim() === '' && !option) return
        e.preventDefault()
        if (option && (open || query.trim() !== ''))
          add(option.kind === 'entry' ? option.entry.value : option.value)
        else add(query)
        return
      }
      case ',':
      case '、':
        if (query.trim() !== '') {
          e.preventDefault()
          add(query)
        }
        return
      case 'Escape':
        if (open) {
          e.preventDefault()
          setOpen(false)
        }
        return
      case 'Backspace':
        if (query === '' && values.length > 0) remove(values.length - 1)
        return
    }
  }

  const optionId = (i: number) => `${listId}-opt-${i}`
  return (
    <div className="pwm-chips" data-disabled={disabled ? 'true' : undefined}>
      <ul className="pwm-chip-list" aria-label={label}>
        {values.map((value, index) => (
          <li
            key={`${index}:${value}`}
            className="pwm-chip"
            data-severity={itemSeverity?.get(index)}
          >
            <span>{value}</span>
            <button
              type="button"
              className="pwm-chip-remove"
              aria-label={mdText(locale, 'removeItem', { value })}
              disabled={disabled}
              onClick={() => remove(index)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="pwm-combo">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={options.length > 0 ? optionId(activeIndex) : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          value={query}
          placeholder={mdText(locale, 'addItem', { label })}
          title={mdText(locale, 'addHint')}
          onChange={(e) => {
            setQuery(e.target.value)
            setOpen(true)
            setActive(0)
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {options.length > 0 && (
          <ul
            id={listId}
            role="listbox"
            className="pwm-options"
            // The form scrolls inside the editor pane: bring the whole list into sight there.
            ref={revealList}
            aria-label={mdText(locale, 'suggestions', { label })}
          >
            {options.map((option, i) => (
              <li
                key={option.kind === 'entry' ? `e:${option.entry.value}` : `n:${option.value}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className="pwm-option"
                // Keep focus in the input while choosing with the mouse.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(option.kind === 'entry' ? option.entry.value : option.value)}
                onMouseEnter={() => setActive(i)}
              >
                {option.kind === 'entry' ? (
                  <>
                    <span className="pwm-option-value">{option.entry.value}</span>
                    <span className="pwm-option-count">
                      {mdText(locale, 'usage', { count: option.entry.count })}
                    </span>
                  </>
                ) : (
                  <span className="pwm-option-value">
                    {mdText(locale, 'newValue', { value: option.value })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

/** Scrolls the form so a suggestion list that just appeared or changed is entirely visible. */
function revealList(list: HTMLUListElement | null): void {
  // (jsdom, where the component tests run, has no scrollIntoView.)
  list?.scrollIntoView?.({ block: 'nearest' })
}
