import { useRef, type ReactElement } from 'react'
import type { BackgroundChoice, TitleCardPreview } from '../../../shared/ipc/eyecatch'
import type { Locale } from '../../../shared/localized'
import { ecText } from './strings'

/** What the writer types for a title card (the studio turns it into a `TitleCardSpec`). */
export interface TitleCardFields {
  title: string
  author: string
  role: string
  logo: string
  /** A bundled background id, or 'photo' for the photo loaded in the photo tab. */
  background: string
}

/** Props of {@link TitleCardTab}. */
export interface TitleCardTabProps {
  locale: Locale
  fields: TitleCardFields
  onFields: (fields: TitleCardFields) => void
  backgrounds: BackgroundChoice[]
  /** A thumbnail URL of the photo-tab image, when there is one (offered as a background). */
  photoUrl: string | null
  avatarUrl: string | null
  onAvatar: (file: File | null) => void
  preview: TitleCardPreview | null
  busy: boolean
}

/** The title-card tab: fields on the left, main's rendering of the card on the right. */
export function TitleCardTab({
  locale,
  fields,
  onFields,
  backgrounds,
  photoUrl,
  avatarUrl,
  onAvatar,
  preview,
  busy,
}: TitleCardTabProps): ReactElement {
  const avatarInput = useRef<HTMLInputElement>(null)
  const set = (patch: Partial<TitleCardFields>) => onFields({ ...fields, ...patch })
  return (
    <div className="ec-titlecard">
      <div className="ec-fields">
        <label className="ec-field">
          {ecText(locale, 'title')}
          <textarea
            rows={3}
            value={fields.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            data-testid="title-card-title"
          />
          <small className="ec-muted">{ecText(locale, 'titleHint')}</small>
        </label>
        <div className="ec-row">
          <label className="ec-field">
            {ecText(locale, 'author')}
            <input value={fields.author} onChange={(e) => set({ author: e.currentTarget.value })} />
          </label>
          <label className="ec-field">
            {ecText(locale, 'role')}
            <input value={fields.role} onChange={(e) => set({ role: e.currentTarget.value })} />
          </label>
        </div>
        <div className="ec-row">
          <div className="ec-field">
            {ecText(locale, 'avatar')}
            <div className="ec-avatar">
              {avatarUrl && <img src={avatarUrl} alt="" />}
              <button type="button" onClick={() => avatarInput.current?.click()}>
                {ecText(locale, 'chooseFile')}
              </button>
              {avatarUrl && (
                <button type="button" onClick={() => onAvatar(null)}>
                  {ecText(locale, 'avatarRemove')}
                </button>
              )}
              <input
                ref={avatarInput}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                hidden
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0]
                  if (file) onAvatar(file)
                  e.currentTarget.value = ''
                }}
              />
            </div>
          </div>
          <label className="ec-field">
            {ecText(locale, 'logo')}
            <input value={fields.logo} onChange={(e) => set({ logo: e.currentTarget.value })} />
          </label>
        </div>
        <fieldset className="ec-backgrounds">
          <legend>{ecText(locale, 'background')}</legend>
          {backgrounds.map((bg) => (
            <label key={bg.id} className="ec-bg" title={bg.name[locale]}>
              <input
                type="radio"
                name="ec-bg"
                checked={fields.background === bg.id}
                onChange={() => set({ background: bg.id })}
              />
              <img src={bg.thumbnail} alt={bg.name[locale]} />
            </label>
          ))}
          {photoUrl && (
            <label className="ec-bg" title={ecText(locale, 'backgroundPhoto')}>
              <input
                type="radio"
                name="ec-bg"
                checked={fields.background === 'photo'}
                onChange={() => set({ background: 'photo' })}
              />
              <img src={photoUrl} alt={ecText(locale, 'backgroundPhoto')} />
            </label>
          )}
        </fieldset>
      </div>
      <div className="ec-card-preview" aria-busy={busy}>
        {preview?.kind === 'ok' && (
          <>
            <img
              src={preview.dataUrl}
              alt={ecText(locale, 'tabTitleCard')}
              data-testid="title-card-preview"
            />
            <p className="ec-muted">
              {ecText(locale, 'fontSize', { size: preview.fontSize, lines: preview.lines.length })}
            </p>
            {preview.warnings.map((w) => (
              <p key={w.en} className="ec-warning" role="status">
                {w[locale]}
              </p>
            ))}
          </>
        )}
        {preview?.kind === 'error' && (
          <p className="ec-error" role="alert">
            {preview.message[locale]}
          </p>
        )}
      </div>
    </div>
  )
}
