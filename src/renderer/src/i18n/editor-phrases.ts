import type { Locale } from '../../../shared/localized'

/** Japanese phrases for CodeMirror's own UI (search panel, …); English is CodeMirror's default. */
const JA: Record<string, string> = {
  Find: '検索',
  Replace: '置換',
  next: '次へ',
  previous: '前へ',
  all: 'すべて',
  'match case': '大文字と小文字を区別',
  'by word': '単語単位',
  regexp: '正規表現',
  replace: '置換',
  'replace all': 'すべて置換',
  close: '閉じる',
  'current match': '現在の一致',
  'replaced $ matches': '$ 件置換しました',
  'replaced match on line $': '$ 行目を置換しました',
  'on line': '行目',
  'Go to line': '行へ移動',
  go: '移動',
  'Folded lines': '折りたたまれた行',
  'Unfolded lines': '展開された行',
  to: 'から',
  'folded code': '折りたたまれたコード',
  unfold: '展開',
  'Fold line': '行を折りたたむ',
  'Unfold line': '行を展開',
  'Control character': '制御文字',
}

/** CodeMirror phrases for a UI language. */
export function editorPhrases(locale: Locale): Record<string, string> {
  return locale === 'ja' ? JA : {}
}
