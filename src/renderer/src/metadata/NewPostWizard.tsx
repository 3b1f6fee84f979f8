import { useId, useState, type FormEvent } from 'react'
import { datePartsOf } from '../../../shared/dates'
import type { Locale, LocalizedText } from '../../../shared/localized'
import { nowAsFrontMatterDate, offsetLabel } from '../../../shared/metadata/date-input'
import type { SuggestionEntry } from '../../../shared/metadata/fuzzy'
import { checkNewSlug } from '../../../shared/metadata/slug-check'
import { fillPattern, type Profile } from '../../../shared/profile'
import { suggestSlug } from '../../../shared/slug'
import { DateTimeField } from '../i18n/DateTimeField'
import { ChipInput } from './ChipInput'
import { mdText } from './strings'
import './metadata.css'

/** Where the wizard remembers the authors last used. */
export const LAST_AUTHORS_KEY = 'portal-writer.lastAuthors'

/** What the wizard asks main to create. */
export interface NewPostRequest {
  title: string
  slug: string
  /** ISO 8601 in the profile's offset. */
  date: string
  authors: string[]
  tags: string[]
  categories: string[]
}

/** What creating gave (the contract's `CreateResult` fits). */
export type NewPostOutcome =
  | { kind: 'created' }
  | { kind: 'invalid'; field: string; message: LocalizedText }
  | { kind: 'error'; message: LocalizedText }

/** The storage the wizard remembers authors in (`localStorage` by default). */
export type AuthorMemory = Pick<Storage, 'getItem' | 'setItem'>

/** Props of {@link NewPostWizard}. */
export interface NewPostWizardProps {
  locale: Locale
  profile: Pick<Profile, 'postUrl' | 'siteUrl' | 'timezone'>
  /** Slugs of the repository's posts (any date): a new post may not reuse one. */
  takenSlugs: readonly string[]
  /** Known authors with counts, for suggestions. */
  authors?: readonly SuggestionEntry[]
  /** Known tags with counts, for suggestions. */
  tags?: readonly SuggestionEntry[]
  /** Known categories with counts; the most used one is filled in until the writer changes them. */
  categories?: readonly SuggestionEntry[]
  /** Whether the schema requires at least one tag (default true, as the form marks it 必須). */
  tagsRequired?: boolean
  now?: () => number
  /** Where the last used authors are kept; null to remember nothing. */
  memory?: AuthorMemory | null
  onCreate(request: NewPostRequest): Promise<NewPostOutcome>
  onCancel(): void
  /** The heading's id (a dialog around the wizard is labelled by it). */
  headingId?: string
}

type Field = 'title' | 'slug' | 'date' | 'authors' | 'tags' | 'form'

function defaultMemory(): AuthorMemory | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function recall(memory: AuthorMemory | null): string[] {
  try {
    const parsed: unknown = JSON.parse(memory?.getItem(LAST_AUTHORS_KEY) ?? '[]')
    return Array.isArray(parsed)
      ? parsed.filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      : []
  } catch {
    return []
  }
}

/**
 * The new-post wizard: title, slug (suggested from an ASCII title until edited, checked live
 * against the allow-list and the repository's slugs), date-time in Japan time (now by default) and
 * authors (the last used remembered). `onCreate` makes the file and its asset folder and opens it.
 */
export function NewPostWizard(props: NewPostWizardProps) {
  const { locale, profile, takenSlugs, onCreate, onCancel } = props
  const id = useId()
  const headingId = props.headingId ?? `${id}-heading`
  const [memory] = useState(() => (props.memory === undefined ? defaultMemory() : props.memory))
  const [title, setTitle] = useState('')
  const [slugTyped, setSlugTyped] = useState<string | null>(null)
  const [date, setDate] = useState(() =>
    nowAsFrontMatterDate((props.now ?? Date.now)(), profile.timezone),
  )
  const [authors, setAuthors] = useState<string[]>(() => recall(memory))
  const [remembered] = useState(() => authors.length > 0)
  const [tags, setTags] = useState<string[]>([])
  const [categoriesTyped, setCategories] = useState<string[] | null>(null)
  const usual = props.categories?.[0]?.value
  const categories = categoriesTyped ?? (usual ? [usual] : [])
  const [busy, setBusy] = useState(false)
  const [dateUnreadable, setDateUnreadable] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field, LocalizedText | string>>>({})

  const slug = slugTyped ?? suggestSlug(title)
  const slugCheck = checkNewSlug(slug, takenSlugs)
  const showSlugProblem = slug !== '' || slugTyped !== null
  const parts = datePartsOf(date)
  const url =
    slugCheck.kind === 'ok' && parts
      ? new URL(fillPattern(profile.postUrl, { ...parts, slug }), profile.siteUrl).href
      : null
  const message = (v: LocalizedText | string | undefined) =>
    v === undefined ? null : typeof v === 'string' ? v : v[locale]
  const slugError =
    errors.slug ?? (showSlugProblem && slugCheck.kind === 'invalid' ? slugCheck.reason : undefined)

  const focus = (field: Field) => document.getElementById(`${id}-${field}`)?.focus()
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const next: typeof errors = {}
    if (title.trim() === '') next.title = mdText(locale, 'wizardTitleRequired')
    if (slugCheck.kind === 'invalid') next.slug = slugCheck.reason
    if (authors.length === 0) next.authors = mdText(locale, 'wizardAuthorsRequired')
    if ((props.tagsRequired ?? true) && tags.length === 0)
      next.tags = mdText(locale, 'wizardTagsRequired')
    setErrors(next)
    const first = (['title', 'slug', 'tags', 'authors'] as const).find((f) => next[f] !== undefined)
    if (first) {
      focus(first)
      return
    }
    // The date field says itself that its text is not a date; the post is not made with another.
    if (dateUnreadable) {
      focus('date')
      return
    }
    setBusy(true)
    const outcome = await onCreate({ title: title.trim(), slug, date, authors, tags, categories })
    setBusy(false)
    switch (outcome.kind) {
      case 'created':
        try {
          memory?.setItem(LAST_AUTHORS_KEY, JSON.stringify(authors))
        } catch {
          // Remembering is a convenience; a full or blocked storage changes nothing else.
        }
        return
      case 'invalid': {
        const field =
          (['title', 'slug', 'date', 'authors'] as const).find((f) => f === outcome.field) ?? 'form'
        setErrors({ [field]: outcome.message })
        if (field !== 'form') focus(field)
        return
      }
      case 'error':
        setErrors({ form: outcome.message })
        return
    }
  }

  const attrs = (field: Field, invalid: boolean) => ({
    id: `${id}-${field}`,
    'aria-invalid': invalid,
    'aria-describedby': `${id}-${field}-msg`,
  })

  return (
    <form
      className="pwm-wizard"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="pwm-wizard-title">
        {mdText(locale, 'wizardTitle')}
      </h2>
      <div className="pwm-field">
        <label htmlFor={`${id}-title`} className="pwm-label">
          {mdText(locale, 'wizardPostTitle')}
        </label>
        <input
          {...attrs('title', errors.title !== undefined)}
          data-autofocus
          type="text"
          value={title}
          placeholder={mdText(locale, 'wizardTitlePlaceholder')}
          onChange={(e) => {
            setTitle(e.target.value)
            setErrors((x) => ({ ...x, title: undefined }))
          }}
        />
        <p id={`${id}-title-msg`} className="pwm-error" role={errors.title ? 'alert' : undefined}>
          {message(errors.title)}
        </p>
      </div>
      <div className="pwm-field">
        <label htmlFor={`${id}-slug`} className="pwm-label">
          {mdText(locale, 'wizardSlug')}
        </label>
        <input
          {...attrs('slug', slugError !== undefined)}
          type="text"
          value={slug}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          inputMode="url"
          onChange={(e) => {
            setSlugTyped(e.target.value)
            setErrors((x) => ({ ...x, slug: undefined }))
          }}
        />
        <p
          id={`${id}-slug-msg`}
          className={slugError ? 'pwm-error' : 'pwm-help'}
          aria-live="polite"
        >
          {slugError
            ? message(slugError)
            : url
              ? mdText(locale, 'wizardSlugOk', { url })
              : mdText(locale, 'wizardSlugHint')}
        </p>
      </div>
      <div className="pwm-field">
        <label htmlFor={`${id}-date`} className="pwm-label">
          {mdText(locale, 'wizardDate')}
        </label>
        <div className="pwm-date">
          <DateTimeField
            id={`${id}-date`}
            value={date}
            offset={profile.timezone}
            locale={locale}
            invalid={errors.date !== undefined}
            describedBy={`${id}-date-msg`}
            onEdit={(next) => {
              setDate(next)
              setErrors((x) => ({ ...x, date: undefined }))
            }}
            onUnreadable={setDateUnreadable}
          >
            <span className="pwm-offset">{offsetLabel(profile.timezone)[locale]}</span>
          </DateTimeField>
        </div>
        <p id={`${id}-date-msg`} className="pwm-error" role={errors.date ? 'alert' : undefined}>
          {message(errors.date)}
        </p>
      </div>
      <div className="pwm-field">
        <label htmlFor={`${id}-tags`} className="pwm-label">
          {mdText(locale, 'wizardTags')}
          {(props.tagsRequired ?? true) && (
            <span className="pwm-required">{mdText(locale, 'required')}</span>
          )}
        </label>
        <ChipInput
          id={`${id}-tags`}
          label={mdText(locale, 'wizardTags')}
          values={tags}
          entries={props.tags ?? []}
          locale={locale}
          describedBy={`${id}-tags-msg`}
          onChange={(next) => {
            setTags(next)
            setErrors((x) => ({ ...x, tags: undefined }))
          }}
        />
        <p id={`${id}-tags-msg`} className="pwm-error" role={errors.tags ? 'alert' : undefined}>
          {message(errors.tags)}
        </p>
      </div>
      <div className="pwm-field">
        <label htmlFor={`${id}-categories`} className="pwm-label">
          {mdText(locale, 'wizardCategories')}
        </label>
        <ChipInput
          id={`${id}-categories`}
          label={mdText(locale, 'wizardCategories')}
          values={categories}
          entries={props.categories ?? []}
          locale={locale}
          openOnFocus
          describedBy={`${id}-categories-msg`}
          onChange={(next) => setCategories(next)}
        />
        <p id={`${id}-categories-msg`} className="pwm-help">
          {categoriesTyped === null && usual ? mdText(locale, 'wizardCategoriesHint') : null}
        </p>
      </div>
      <div className="pwm-field">
        <label htmlFor={`${id}-authors`} className="pwm-label">
          {mdText(locale, 'wizardAuthors')}
        </label>
        <ChipInput
          id={`${id}-authors`}
          label={mdText(locale, 'wizardAuthors')}
          values={authors}
          entries={props.authors ?? []}
          locale={locale}
          describedBy={`${id}-authors-msg`}
          onChange={(next) => {
            setAuthors(next)
            setErrors((x) => ({ ...x, authors: undefined }))
          }}
        />
        <p
          id={`${id}-authors-msg`}
          className={errors.authors ? 'pwm-error' : 'pwm-help'}
          aria-live="polite"
        >
          {errors.authors
            ? message(errors.authors)
            : remembered
              ? mdText(locale, 'wizardAuthorsHint')
              : null}
        </p>
      </div>
      {errors.form && (
        <p className="pwm-banner" role="alert">
          {message(errors.form)}
        </p>
      )}
      <div className="pwm-actions">
        <button type="button" className="pwm-button" onClick={onCancel}>
          {mdText(locale, 'wizardCancel')}
        </button>
        <button type="submit" className="pwm-button pwm-button-primary" disabled={busy}>
          {busy ? mdText(locale, 'wizardCreating') : mdText(locale, 'wizardCreate')}
        </button>
      </div>
    </form>
  )
}
