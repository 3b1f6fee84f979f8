import { useId, useState } from 'react'
import type { Locale } from '../../../shared/localized'
import { publishText } from './strings'

/** Asks for an access token for a host; the value never leaves this form except to main. */
export function TokenForm({
  host,
  locale,
  disabled,
  onSave,
}: {
  host: string
  locale: Locale
  disabled: boolean
  onSave(token: string): void
}) {
  const id = useId()
  const [token, setToken] = useState('')
  return (
    <form
      className="pwp-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!token.trim()) return
        onSave(token)
        setToken('')
      }}
    >
      <label htmlFor={`${id}-token`}>{publishText(locale, 'tokenTitle')}</label>
      <p className="pwp-muted">{publishText(locale, 'tokenHelp', { host })}</p>
      <input
        id={`${id}-token`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={token}
        onChange={(e) => setToken(e.target.value)}
      />
      <button type="submit" className="pwp-primary" disabled={!token.trim() || disabled}>
        {publishText(locale, 'tokenSave')}
      </button>
    </form>
  )
}

/** Asks for the name and e-mail git records on commits. */
export function IdentityForm({
  locale,
  disabled,
  onSave,
}: {
  locale: Locale
  disabled: boolean
  onSave(identity: { name: string; email: string }): void
}) {
  const id = useId()
  const [identity, setIdentity] = useState({ name: '', email: '' })
  const ready = identity.name.trim() !== '' && identity.email.trim() !== ''
  return (
    <form
      className="pwp-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (ready) onSave(identity)
      }}
    >
      <strong>{publishText(locale, 'identityTitle')}</strong>
      <label htmlFor={`${id}-name`}>{publishText(locale, 'identityName')}</label>
      <input
        id={`${id}-name`}
        value={identity.name}
        onChange={(e) => setIdentity({ ...identity, name: e.target.value })}
      />
      <label htmlFor={`${id}-email`}>{publishText(locale, 'identityEmail')}</label>
      <input
        id={`${id}-email`}
        type="email"
        value={identity.email}
        onChange={(e) => setIdentity({ ...identity, email: e.target.value })}
      />
      <button type="submit" className="pwp-primary" disabled={!ready || disabled}>
        {publishText(locale, 'identitySave')}
      </button>
    </form>
  )
}

/** The saved token for the remote's host, with a button to delete it. */
export function StoredToken({
  host,
  locale,
  onForget,
}: {
  host: string
  locale: Locale
  onForget(): void
}) {
  return (
    <p className="pwp-token">
      <span className="pwp-muted">{publishText(locale, 'tokenStored', { host })}</span>{' '}
      <button type="button" className="pwp-link-button" onClick={onForget}>
        {publishText(locale, 'tokenForget')}
      </button>
    </p>
  )
}
