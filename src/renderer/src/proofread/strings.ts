import type { Locale } from '../../../shared/localized'
import { fillPlaceholders } from '../../../shared/text-format'

/** Labels of proofreading, Japanese first. Rule messages come from textlint in Japanese. */
export const proofreadStrings = {
  tab: { ja: '校正', en: 'Proofread' },
  panelLabel: { ja: '校正の指摘', en: 'Proofreading findings' },
  count: { ja: '指摘 {n} 件', en: '{n} findings' },
  none: { ja: '指摘はありません。', en: 'No findings.' },
  noPost: {
    ja: '記事を開くと、ここに校正の指摘が出ます。',
    en: 'Open a post to see proofreading findings here.',
  },
  checking: { ja: '校正しています…', en: 'Proofreading…' },
  documentPending: {
    ja: '文書全体のルール（ですます/である など）は入力が止まったら確認します。',
    en: 'Rules that look at the whole post (desu/masu vs. de aru…) run when typing pauses.',
  },
  sourceFile: { ja: '{file} の設定で校正しています。', en: 'Proofreading with {file}.' },
  sourceDefault: {
    ja: '内蔵の設定（技術文書向けルール＋用語辞書）で校正しています。',
    en: 'Proofreading with the built-in rules (technical writing + tech terms).',
  },
  fix: { ja: '修正', en: 'Fix' },
  fixTo: { ja: '「{text}」に直す', en: 'Change to “{text}”' },
  disableRule: { ja: 'このルールを無効にする', en: 'Turn this rule off' },
  disabledRules: {
    ja: 'このリポジトリで無効にしたルール',
    en: 'Rules turned off for this repository',
  },
  enableRule: { ja: '有効に戻す', en: 'Turn back on' },
  jump: { ja: '{line} 行目へ移動', en: 'Go to line {line}' },
  line: { ja: '{line} 行', en: 'line {line}' },
  more: {
    ja: 'ほかに {n} 件あります（エディタの下線で確認できます）。',
    en: '{n} more (underlined in the editor).',
  },
} satisfies Record<string, Record<Locale, string>>

/** A proofreading label in a language, with `{name}` placeholders filled. */
export function prText(
  locale: Locale,
  key: keyof typeof proofreadStrings,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(proofreadStrings[key][locale], vars)
}
