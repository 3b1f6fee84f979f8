import type { Locale, LocalizedText } from '../../../shared/localized'
import { fillPlaceholders } from '../../../shared/text-format'

/**
 * Labels of the card, feed and share previews, Japanese first.
 * Texts that copy the feed page itself (alt texts, 「フィード」) stay Japanese in both languages,
 * because that is what readers of the feed see.
 */
export const cardStrings = {
  eyecatchAlt: { ja: '記事のアイキャッチ画像', en: '記事のアイキャッチ画像' },
  hatenaAlt: { ja: 'はてなブックマークアイコン', en: 'はてなブックマークアイコン' },
  hatenaTitle: { ja: 'はてなブックマーク数', en: 'はてなブックマーク数' },
  feedHeading: { ja: 'フィード', en: 'フィード' },
  untitled: { ja: '（タイトル未入力）', en: '(no title yet)' },
  noDate: { ja: '日付なし', en: 'no date' },
  panelLabel: { ja: 'フィードのカード', en: 'Feed card' },
  asOf: { ja: '表示する時点', en: 'As of' },
  asOfPublication: { ja: '公開時', en: 'At publication' },
  asOfWeek: { ja: '1 週間後', en: 'A week later' },
  asOfMonth: { ja: '1 か月後', en: 'A month later' },
  asOfNow: { ja: '現在', en: 'Now' },
  asOfCustom: { ja: '日時を指定', en: 'Custom' },
  asOfCustomInput: { ja: '表示する日時', en: 'Date and time to show' },
  asOfAt: { ja: '{date} 時点の表示', en: 'As shown on {date}' },
  layout: { ja: '画面の幅', en: 'Screen' },
  layoutPhone: { ja: 'スマートフォン', en: 'Phone' },
  layoutDesktop: { ja: 'パソコン', en: 'Desktop' },
  inspectorLabel: { ja: '抜粋の確認', en: 'Excerpt inspector' },
  inspectorCount: { ja: '{n} / {max} 文字', en: '{n} / {max} characters' },
  inspectorVisible: {
    ja: 'フィードで見える部分（約 2 行）',
    en: 'Visible in the feed (about 2 lines)',
  },
  inspectorToc: { ja: '目次から', en: 'From the table of contents' },
  inspectorCode: { ja: 'コードから', en: 'From code' },
  inspectorHidden: {
    ja: 'ページ内にはあるが折りたたまれる部分',
    en: 'In the page but clamped away',
  },
  inspectorNoWarnings: { ja: '気になる点はありません。', en: 'Nothing to fix.' },
  inspectorWarning: { ja: '注意', en: 'Warning' },
  inspectorInfo: { ja: 'お知らせ', en: 'Note' },
  feedViewLabel: { ja: 'フィードでの見え方', en: 'Feed view' },
  thisPost: { ja: 'この記事', en: 'This post' },
  shareLabel: { ja: '共有したときの見え方', en: 'Share previews' },
  shareX: { ja: 'X（旧 Twitter）', en: 'X (Twitter)' },
  shareFacebook: { ja: 'Facebook', en: 'Facebook' },
  shareSlack: { ja: 'Slack', en: 'Slack' },
  shareHatena: { ja: 'はてなブックマーク', en: 'Hatena Bookmark' },
  shareLost: {
    ja: '切り取られる部分: {edges}各 {pct}%',
    en: 'Cropped away: {pct}% at each of the {edges}',
  },
  shareNoLoss: { ja: '切り取られる部分はありません', en: 'Nothing is cropped' },
  edgesVertical: { ja: '上下', en: 'top and bottom' },
  edgesHorizontal: { ja: '左右', en: 'left and right' },
  shareNoImage: {
    ja: 'アイキャッチがないため、共有カードにはサイトの既定の画像が使われます。',
    en: 'There is no eyecatch, so share cards use the site’s default image.',
  },
  shareImage: { ja: '画像', en: 'Image' },
  shareDescription: { ja: 'og:description', en: 'og:description' },
  sharePageTitle: { ja: 'ページのタイトル', en: 'Page title' },
  hatenaUsers: { ja: '{n} users', en: '{n} users' },
  slackAppName: { ja: 'Slack', en: 'Slack' },
  noPost: {
    ja: '記事を開くと、フィードに出るカードがここに表示されます。',
    en: 'Open a post to see the card it makes in the feed.',
  },
  stripShow: { ja: 'カードを表示', en: 'Show the card' },
  stripHide: { ja: 'カードを隠す', en: 'Hide the card' },
  bookmarksToggle: { ja: 'はてなブックマーク数を表示する', en: 'Show Hatena Bookmark counts' },
  bookmarksHint: {
    ja: 'オンにすると、公開済みの記事の URL をはてなブックマーク（bookmark.hatenaapis.com）に問い合わせます。数は 6 時間保存し、オフラインのときは表示しません。',
    en: 'When on, published posts’ URLs are sent to Hatena Bookmark (bookmark.hatenaapis.com). Counts are kept for 6 hours; offline, none are shown.',
  },
  bookmarksPending: { ja: 'ブックマーク数を取得中…', en: 'Fetching bookmark counts…' },
  feedLoading: {
    ja: 'ほかの記事のカードを読み込んでいます…',
    en: 'Loading the other posts’ cards…',
  },
  feedPage: {
    ja: 'この記事が載るページ: {page} / {pages}（1 ページ {size} 件）',
    en: 'This post’s page: {page} of {pages} ({size} a page)',
  },
  feedUnpublished: {
    ja: 'この記事は「published: false」なので、公開するまでフィードには出ません。公開したときに並ぶ位置に表示しています。',
    en: 'This post says "published: false", so it is not in the feed until it is published. It is shown where it will appear.',
  },
  shareProbeFailed: {
    ja: 'アイキャッチの画像を確認できませんでした: {message}',
    en: 'The eyecatch image could not be checked: {message}',
  },
} as const satisfies Record<string, LocalizedText>

/** A key of {@link cardStrings}. */
export type CardStringKey = keyof typeof cardStrings

/** A label in `locale`, with `{name}` placeholders filled from `vars`. */
export function cardText(
  locale: Locale,
  key: CardStringKey,
  vars?: Record<string, string | number>,
): string {
  return fillPlaceholders(cardStrings[key][locale], vars)
}
