import type { Locale, LocalizedText } from '../../../shared/localized'
import { fillPlaceholders } from '../../../shared/text-format'

/** Labels of the eyecatch studio, Japanese first. */
export const eyecatchStrings = {
  studioLabel: { ja: 'アイキャッチ', en: 'Eyecatch' },
  tabsLabel: { ja: 'アイキャッチの作り方', en: 'How to make the eyecatch' },
  tabPhoto: { ja: '写真を切り抜く', en: 'Crop a photo' },
  tabTitleCard: { ja: 'タイトルカード', en: 'Title card' },
  dropHere: {
    ja: '画像をここにドロップ、貼り付け（{paste}）、または',
    en: 'Drop an image here, paste it ({paste}), or',
  },
  chooseFile: { ja: 'ファイルを選ぶ…', en: 'Choose a file…' },
  fromAssets: { ja: 'アセットフォルダから', en: 'From the asset folder' },
  fromAssetsNone: { ja: '（画像はありません）', en: '(no images)' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  cropFrame: {
    ja: '切り抜き範囲。ドラッグか矢印キーで移動（Shift で大きく）、ホイールか + と - で拡大縮小',
    en: 'Crop area. Drag or use the arrow keys to move (Shift: larger steps), wheel or + and - to zoom',
  },
  zoom: { ja: '拡大', en: 'Zoom' },
  rotateLeft: { ja: '左に 90° 回転', en: 'Rotate 90° left' },
  rotateRight: { ja: '右に 90° 回転', en: 'Rotate 90° right' },
  flipH: { ja: '左右反転', en: 'Flip horizontally' },
  flipV: { ja: '上下反転', en: 'Flip vertically' },
  fit: { ja: '全体を表示', en: 'Fit' },
  fill: { ja: '枠いっぱい', en: 'Fill' },
  overlays: { ja: 'ガイド', en: 'Guides' },
  overlayX: { ja: 'X（2:1）で見える範囲', en: 'What X shows (2:1)' },
  overlayFeed: { ja: 'フィードのサムネイル', en: 'Feed thumbnail' },
  feedThumbnail: { ja: 'フィードでの大きさ', en: 'Size in the feed' },
  format: { ja: '形式', en: 'Format' },
  quality: { ja: '品質', en: 'Quality' },
  qualityPng: { ja: 'PNG は可逆圧縮です', en: 'PNG is lossless' },
  scale: { ja: '大きさ', en: 'Size' },
  estimate: { ja: '推定ファイルサイズ', en: 'Estimated file size' },
  estimating: { ja: '計算中…', en: 'Calculating…' },
  budget: { ja: '目安 {budget}', en: 'budget {budget}' },
  replace: { ja: '今の {name} を置き換える', en: 'Replace the current {name}' },
  export: { ja: 'アイキャッチとして書き出す', en: 'Export as eyecatch' },
  exporting: { ja: '書き出し中…', en: 'Exporting…' },
  exported: { ja: '{name} を書き出しました（{size}）。', en: 'Wrote {name} ({size}).' },
  noAssetDir: {
    ja: 'この記事にはアセットフォルダがないため書き出せません。ファイル名が設定の規則に合っているか確かめてください。',
    en: 'This post has no asset folder, so nothing can be written. Check that its file name follows the profile.',
  },
  noImage: { ja: '画像を選んでください。', en: 'Choose an image.' },
  title: { ja: 'タイトル', en: 'Title' },
  titleHint: {
    ja: '改行した位置はできるだけそのまま使います。54px から 24px まで自動で縮めて最大 4 行に収めます。',
    en: 'Your line breaks are kept where possible. The size shrinks from 54px to 24px to fit at most 4 lines.',
  },
  author: { ja: '名前', en: 'Name' },
  role: { ja: '所属・役割', en: 'Team or role' },
  avatar: { ja: 'アバター画像', en: 'Avatar' },
  avatarRemove: { ja: 'アバターを外す', en: 'Remove avatar' },
  logo: { ja: 'ロゴの文字', en: 'Logo text' },
  background: { ja: '背景', en: 'Background' },
  backgroundPhoto: { ja: '写真タブの画像', en: 'The photo from the Photo tab' },
  fontSize: { ja: '文字サイズ {size}px・{lines} 行', en: '{size}px, {lines} lines' },
  emptyFile: {
    ja: 'ファイルが空です（0 バイト）。保存し直した画像をもう一度選んでください。',
    en: 'The file is empty (0 bytes). Save the image again and choose it once more.',
  },
  tooLarge: {
    ja: 'ファイルが大きすぎます（上限 50 MB）。画像編集アプリで小さくしてから使ってください。',
    en: 'The file is too large (the limit is 50 MB). Make it smaller in an image editor first.',
  },
  previewFailed: { ja: 'プレビューを作れませんでした。', en: 'The preview could not be made.' },
} satisfies Record<string, LocalizedText>

/** A key of {@link eyecatchStrings}. */
export type EyecatchStringKey = keyof typeof eyecatchStrings

/** The label for `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function ecText(
  locale: Locale,
  key: EyecatchStringKey,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(eyecatchStrings[key][locale], vars)
}

export { formatBytes } from '../../../shared/text-format'
