import type { Locale, LocalizedText } from '../../../shared/localized'
import { fillPlaceholders } from '../../../shared/text-format'

/** Labels of the metadata panel and the new-post wizard, Japanese first. */
export const metadataStrings = {
  panelLabel: { ja: '記事の情報', en: 'Post details' },
  sectionLabel: { ja: 'メタデータ', en: 'Metadata' },
  editRefused: {
    ja: 'フォームの変更を反映できませんでした: {message}',
    en: 'The form change was not applied: {message}',
  },
  readOnly: {
    ja: 'フロントマターの YAML に誤りがあるため、フォームは読むだけになっています。エディタで直すと、また編集できます。',
    en: 'The front-matter YAML has an error, so the form is read-only. Fix it in the editor to edit here again.',
  },
  showLine: { ja: '{line} 行目を表示', en: 'Show line {line}' },
  quoteFix: { ja: '引用符で囲む', en: 'Put it in quotes' },
  required: { ja: '必須', en: 'required' },
  addItem: { ja: '{label}を追加', en: 'Add to {label}' },
  addHint: {
    ja: '入力して Enter（候補は ↑↓ で選択）',
    en: 'Type and press Enter (↑↓ to pick a suggestion)',
  },
  removeItem: { ja: '「{value}」を外す', en: 'Remove “{value}”' },
  suggestions: { ja: '{label}の候補', en: '{label} suggestions' },
  usage: { ja: '{count} 件', en: '{count} posts' },
  newValue: { ja: '「{value}」を新しく追加', en: 'Add “{value}” as new' },
  fixTo: { ja: '「{value}」に直す', en: 'Change to “{value}”' },
  now: { ja: '今', en: 'Now' },
  dateInvalid: { ja: '今の値: {value}', en: 'Current value: {value}' },
  none: { ja: '（なし）', en: '(none)' },
  notFound: { ja: '{name}（見つかりません）', en: '{name} (not found)' },
  eyecatchAlt: { ja: '記事のアイキャッチ画像', en: 'The post’s eyecatch image' },
  openEyecatch: { ja: 'アイキャッチを作る…', en: 'Make an eyecatch…' },
  clear: { ja: '外す', en: 'Clear' },
  remote: { ja: 'Web 上の画像', en: 'Image on the web' },
  slugLabel: { ja: 'スラッグ（ファイル名と URL）', en: 'Slug (file name and URL)' },
  rename: { ja: '名前を変える', en: 'Rename' },
  renameHint: {
    ja: '記事のファイルと画像フォルダの名前がそろって変わります（git の履歴も引き継ぎます）。',
    en: 'The post file and its image folder are renamed together (git history follows).',
  },
  dayDiffers: {
    ja: 'date（{date}）がファイル名の日付（{file}）と違います。公開 URL は date の日付になります。',
    en: 'The date ({date}) is on another day than the file name ({file}); the published URL uses the date.',
  },
  moveToDate: { ja: 'ファイルを {date} に移す', en: 'Move the file to {date}' },
  errorLabel: { ja: 'エラー', en: 'Error' },
  warnLabel: { ja: '注意', en: 'Warning' },

  wizardTitle: { ja: '新しい記事', en: 'New post' },
  wizardPostTitle: { ja: 'タイトル', en: 'Title' },
  wizardTitlePlaceholder: {
    ja: '例: Kaigi on Rails 2025 に参加しました',
    en: 'e.g. We went to Kaigi on Rails 2025',
  },
  wizardTitleRequired: { ja: 'タイトルを入力してください。', en: 'Enter a title.' },
  wizardSlug: { ja: 'スラッグ（URL の一部）', en: 'Slug (part of the URL)' },
  wizardSlugHint: {
    ja: '半角英小文字・数字・ハイフンで。英語のタイトルなら自動で入ります。',
    en: 'Lower-case letters, digits and hyphens. Filled in from an English title.',
  },
  wizardSlugOk: { ja: 'URL: {url}', en: 'URL: {url}' },
  wizardDate: { ja: '公開日時', en: 'Date' },
  wizardAuthors: { ja: '著者', en: 'Authors' },
  wizardAuthorsHint: {
    ja: '前回の著者を入れてあります。',
    en: 'Filled in with the last authors you used.',
  },
  wizardAuthorsRequired: { ja: '著者を 1 人以上入れてください。', en: 'Add at least one author.' },
  wizardTags: { ja: 'タグ', en: 'Tags' },
  wizardTagsRequired: { ja: 'タグを 1 つ以上入れてください。', en: 'Add at least one tag.' },
  wizardCategories: { ja: 'カテゴリー', en: 'Categories' },
  wizardCategoriesHint: {
    ja: 'よく使われているカテゴリーを入れてあります。',
    en: 'Prefilled with the most used category.',
  },
  wizardCreate: { ja: '作成して開く', en: 'Create and open' },
  wizardCreating: { ja: '作成中…', en: 'Creating…' },
  wizardCancel: { ja: 'キャンセル', en: 'Cancel' },
} satisfies Record<string, LocalizedText>

/** A label in the locale, with `{name}` placeholders filled. */
export function mdText(
  locale: Locale,
  key: keyof typeof metadataStrings,
  values: Record<string, string | number> = {},
): string {
  return fill(metadataStrings[key][locale], values)
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return fillPlaceholders(template, values)
}
