import {
  DEFAULT_MARKDOWN_IN_FORCE,
  MARKDOWN_SETTING_KEYS,
  formatSetting,
  kramdownName,
  settingsOrigin,
  type MarkdownSettingsInForce,
  type SettingSource,
} from '../../../shared/markdown'
import { useI18n } from '../i18n/locale'
import type { MessageKey } from '../i18n/dictionary'

const SOURCE_LABEL: Record<SettingSource, MessageKey> = {
  default: 'markdown.source.default',
  'config.rb': 'markdown.source.config',
  profile: 'markdown.source.profile',
}

/**
 * A quiet line above the preview saying which kramdown options the preview follows and where they
 * came from (the blog's defaults, `config.rb`, the profile); opening it lists every option.
 */
export function MarkdownSettingsNote({ inForce }: { inForce: MarkdownSettingsInForce | null }) {
  const { t, text } = useI18n()
  const value = inForce ?? DEFAULT_MARKDOWN_IN_FORCE
  const origin = settingsOrigin(value)
  return (
    <details className="markdown-settings" data-testid="markdown-settings">
      <summary>
        {t('markdown.summary', { source: t(SOURCE_LABEL[origin]) })}
        {value.notes.length > 0 && (
          <span className="markdown-settings-count">
            {' '}
            {t('markdown.notes', { count: value.notes.length })}
          </span>
        )}
      </summary>
      <table>
        <caption>{t('markdown.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('markdown.option')}</th>
            <th scope="col">{t('markdown.value')}</th>
            <th scope="col">{t('markdown.from')}</th>
          </tr>
        </thead>
        <tbody>
          {MARKDOWN_SETTING_KEYS.map((key) => (
            <tr key={key} data-source={value.sources[key]}>
              <th scope="row">
                <code>{kramdownName(key)}</code>
              </th>
              <td>
                <code>{formatSetting(value.settings, key)}</code>
              </td>
              <td>{t(SOURCE_LABEL[value.sources[key]])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {value.notes.length > 0 && (
        <ul className="markdown-settings-notes">
          {value.notes.map((note, i) => (
            <li key={i}>{text(note)}</li>
          ))}
        </ul>
      )}
    </details>
  )
}
