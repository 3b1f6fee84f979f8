import { useId, useState, type FormEvent } from 'react'
import type { CreateResult, RepoInfo } from '../../../shared/ipc/contract'
import type { LocalizedText } from '../../../shared/localized'
import { fillPattern } from '../../../shared/profile'
import { checkSlug, suggestSlug } from '../../../shared/slug'
import { useI18n } from '../i18n/locale'
import { Dialog } from './Dialog'

type Field = 'title' | 'slug' | 'date'

function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Props of {@link NewPostDialog}. */
export interface NewPostDialogProps {
  repo: RepoInfo | null
  onClose(): void
  onCreate(request: { title: string; slug: string; date?: string }): Promise<CreateResult>
}

/**
 * The new-post form: title, slug (suggested from the title until edited, checked as you type
 * against the allow-list), optional date. Errors from main land on their field.
 */
export function NewPostDialog({ repo, onClose, onCreate }: NewPostDialogProps) {
  const { t, text } = useI18n()
  const id = useId()
  const [title, setTitle] = useState('')
  const [slug, setSlug] = useState('')
  const [slugEdited, setSlugEdited] = useState(false)
  const [date, setDate] = useState('')
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', LocalizedText | string>>>({})

  const effectiveSlug = slugEdited ? slug : suggestSlug(title)
  const slugCheck = checkSlug(effectiveSlug)
  const showSlugProblem = effectiveSlug !== '' || slugEdited
  const dateForUrl = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today()
  const [y, m, d] = dateForUrl.split('-') as [string, string, string]
  const url =
    repo && slugCheck.kind === 'ok'
      ? fillPattern(repo.profile.postUrl, { year: y, month: m, day: d, slug: effectiveSlug })
      : null

  const message = (v: LocalizedText | string | undefined) =>
    v === undefined ? null : typeof v === 'string' ? v : text(v)
  const slugError =
    errors.slug ?? (showSlugProblem && slugCheck.kind === 'invalid' ? slugCheck.reason : undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    const next: typeof errors = {}
    if (title.trim() === '') next.title = t('newPost.titleRequired')
    if (slugCheck.kind === 'invalid') next.slug = slugCheck.reason
    setErrors(next)
    if (next.title || next.slug) {
      document.getElementById(`${id}-${next.title ? 'title' : 'slug'}`)?.focus()
      return
    }
    setBusy(true)
    const r = await onCreate({
      title: title.trim(),
      slug: effectiveSlug,
      ...(date ? { date } : {}),
    })
    setBusy(false)
    switch (r.kind) {
      case 'created':
        onClose()
        return
      case 'invalid':
        setErrors({ [r.field]: r.message })
        document.getElementById(`${id}-${r.field}`)?.focus()
        return
      case 'error':
        setErrors({ form: r.message })
        return
    }
  }

  const field = (name: Field) => ({
    id: `${id}-${name}`,
    'aria-invalid': (name === 'slug' ? slugError : errors[name]) !== undefined,
    'aria-describedby': `${id}-${name}-msg`,
  })

  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-heading`} className="dialog-narrow">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${id}-heading`} className="dialog-title">
          {t('newPost.title')}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('newPost.postTitle')}</label>
          <input
            {...field('title')}
            data-autofocus
            type="text"
            value={title}
            placeholder={t('newPost.titlePlaceholder')}
            onChange={(e) => {
              setTitle(e.target.value)
              setErrors((x) => ({ ...x, title: undefined }))
            }}
          />
          <p
            id={`${id}-title-msg`}
            className="field-error"
            role={errors.title ? 'alert' : undefined}
          >
            {message(errors.title)}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-slug`}>{t('newPost.slug')}</label>
          <input
            {...field('slug')}
            type="text"
            value={effectiveSlug}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            inputMode="url"
            onChange={(e) => {
              setSlugEdited(true)
              setSlug(e.target.value)
              setErrors((x) => ({ ...x, slug: undefined }))
            }}
          />
          <p
            id={`${id}-slug-msg`}
            className={slugError ? 'field-error' : 'field-hint'}
            aria-live="polite"
          >
            {slugError
              ? message(slugError)
              : url
                ? t('newPost.slugOk', { url })
                : t('newPost.slugHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('newPost.date')}</label>
          <input
            {...field('date')}
            type="date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value)
              setErrors((x) => ({ ...x, date: undefined }))
            }}
          />
          <p id={`${id}-date-msg`} className="field-error" role={errors.date ? 'alert' : undefined}>
            {message(errors.date)}
          </p>
        </div>
        {errors.form && (
          <p className="banner banner-danger" role="alert">
            {message(errors.form)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('newPost.creating') : t('newPost.create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
