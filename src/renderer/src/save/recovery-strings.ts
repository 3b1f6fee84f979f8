import { format } from '../i18n/locale'
import type { Locale, LocalizedText } from '../../../shared/localized'

/** Words of the crash-recovery notice and its compare dialog, Japanese first. */
export const recoveryStrings = {
  notice: {
    ja: '前回は保存される前にアプリが終了したため、保存していなかった編集を復元しました（{n} 件）。内容を確かめてから続けてください。',
    en: 'The app closed last time before some edits were saved, so they have been restored ({n}). Check them, then carry on.',
  },
  savedAt: { ja: '{time} の編集', en: 'edited {time}' },
  missing: { ja: 'ディスク上にファイルがありません', en: 'file missing on disk' },
  compare: { ja: 'ディスクの版と比べる', en: 'Compare with disk' },
  discard: { ja: '復元した編集を捨てる', en: 'Discard restored edits' },
  keep: { ja: 'このまま続ける', en: 'Keep and continue' },
  dialogTitle: { ja: '復元した編集とディスクの版', en: 'Restored edits and the file on disk' },
  dialogBody: {
    ja: '「{name}」の復元した編集（左）と、いまディスクにある版（右）です。',
    en: 'The restored edits of “{name}” (left) and the version on disk now (right).',
  },
  restored: { ja: '復元した編集', en: 'Restored edits' },
  disk: { ja: 'ディスクの版', en: 'On disk' },
  noDisk: {
    ja: 'ディスク上にこの記事のファイルがありません。保存すると作り直します。',
    en: 'This post’s file is not on disk. Saving creates it again.',
  },
  close: { ja: '閉じる', en: 'Close' },
} satisfies Record<string, LocalizedText>

/** One of {@link recoveryStrings} in a language, with `{name}` placeholders filled. */
export function recoveryText(
  key: keyof typeof recoveryStrings,
  locale: Locale,
  vars?: Record<string, string | number>,
): string {
  return format(recoveryStrings[key][locale], vars)
}
