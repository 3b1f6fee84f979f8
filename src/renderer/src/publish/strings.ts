import type { Locale, LocalizedText } from '../../../shared/localized'
import type { PublishPhase } from '../../../shared/publish'
import { fillPlaceholders } from '../../../shared/text-format'

/** Labels of the publish panel, Japanese first. Messages from main arrive already localized. */
export const publishStrings = {
  panelLabel: { ja: 'レビューを依頼', en: 'Request review' },
  publish: { ja: 'レビューを依頼', en: 'Request review' },
  publishAgain: { ja: '変更を送る', en: 'Send changes' },
  publishing: { ja: '送信中…', en: 'Sending…' },
  update: { ja: '公開中の記事との差分を取り込む', en: 'Bring in the published changes' },
  updateReview: { ja: 'レビューでの変更を取り込む', en: 'Bring in the review changes' },
  updating: { ja: '取り込み中…', en: 'Bringing in…' },
  behind: {
    ja: '公開中の記事に新しい変更があります。取り込むとレビューが最新の状態で見られます。',
    en: 'The published blog has newer changes. Bring them in so the review shows the latest.',
  },
  keepMine: { ja: '自分の版を残す', en: 'Keep mine' },
  takeTheirs: { ja: '公開中の版を採る', en: 'Take the published version' },
  takeReview: { ja: 'レビューでの版を採る', en: "Take the reviewer's version" },
  compare: { ja: '見比べる', en: 'Compare' },
  compareTitle: { ja: '違いを見比べる', en: 'Compare the versions' },
  compareMine: { ja: 'あなたの版（このフォルダー）', en: 'Yours (this folder)' },
  compareBase: { ja: '公開中の版', en: 'Published' },
  compareSent: { ja: 'レビューに送った版', en: 'Sent for review' },
  compareNone: { ja: '（この版にはファイルがありません）', en: '(no such file in this version)' },
  close: { ja: '閉じる', en: 'Close' },
  folderOffBase: {
    ja: 'このフォルダーは公開中の記事（{base}）ではなく、別の場所を開いています。アプリが切り替えたものではありません。記事はすべて残っています。',
    en: 'This folder is not on the published branch ({base}) but on another one. The app did not switch it; every post is still there.',
  },
  folderDetached: { ja: 'ブランチなし', en: 'no branch' },
  folderReturn: { ja: '公開中の記事の状態に戻す', en: 'Go back to the published branch' },
  tokenStored: {
    ja: '{host} のアクセストークンを保存しています。',
    en: 'An access token for {host} is saved.',
  },
  tokenForget: { ja: 'トークンを削除', en: 'Delete token' },
  tokenForgotten: {
    ja: '{host} のアクセストークンを削除しました。',
    en: 'The access token for {host} was deleted.',
  },
  refresh: { ja: '状態を再読み込み', en: 'Refresh status' },
  loading: { ja: '状態を確認しています…', en: 'Checking status…' },
  noPost: { ja: '記事を開くと、ここから送信できます。', en: 'Open a post to send it from here.' },
  state: { ja: '状態', en: 'Status' },
  branch: { ja: 'レビュー用の場所', en: 'Review place' },
  branchHint: { ja: 'git のブランチ名', en: 'git branch name' },
  remote: { ja: '送り先', en: 'Remote' },
  noRemote: { ja: '送り先がありません', en: 'No remote' },
  unpushed: { ja: 'まだ送っていないコミット: {n} 件', en: 'Commits not sent yet: {n}' },
  files: {
    ja: '送るファイル（記事と画像フォルダーだけ）',
    en: 'Files included (the post and its image folder only)',
  },
  noFiles: { ja: 'ファイルがありません。', en: 'No files.' },
  message: { ja: 'コミットメッセージ', en: 'Commit message' },
  messageHint: {
    ja: '最初に送る前なら自由に直せます。',
    en: 'You can edit it before the first send.',
  },
  progress: { ja: '進み具合', en: 'Progress' },
  resultLink: { ja: 'プルリクエストのページ', en: 'Pull-request page' },
  open: { ja: 'ブラウザーで開く', en: 'Open in browser' },
  details: { ja: '詳しい情報（git のメッセージ）', en: 'Details (git’s own words)' },
  filesInvolved: { ja: '対象のファイル', en: 'Files involved' },
  checkFindings: { ja: 'チェックで見つかったエラー', en: 'Errors the check found' },
  tokenTitle: { ja: 'アクセストークン', en: 'Access token' },
  tokenHelp: {
    ja: '{host} 用のアクセストークンを入力してください。OS のキーチェーンで暗号化して保存し、git にだけ渡します。',
    en: 'Enter an access token for {host}. It is stored encrypted by your OS keychain and handed to git only.',
  },
  tokenSave: { ja: '保存してもう一度送る', en: 'Save and send again' },
  tokenWeak: {
    ja: 'この OS には安全な保存場所（キーチェーン）がないため、トークンは簡易的な暗号化で保存されました。',
    en: 'This system has no secure keychain, so the token is stored with a weak, obfuscating encryption.',
  },
  tokenMemory: {
    ja: 'この OS ではトークンを暗号化して保存できないため、アプリを閉じるまでの間だけ覚えておきます。',
    en: 'This system cannot encrypt the token, so it is kept only until you quit the app.',
  },
  identityTitle: { ja: 'コミットに記録する名前とメール', en: 'Name and e-mail for commits' },
  identityName: { ja: '名前', en: 'Name' },
  identityEmail: { ja: 'メールアドレス', en: 'E-mail' },
  identitySave: { ja: '保存してもう一度送る', en: 'Save and send again' },
  blockedTitle: { ja: 'いまは送れません', en: 'Cannot send right now' },
  warningTitle: { ja: '注意', en: 'Note' },
  commitKept: {
    ja: 'コミットはこのパソコンに残っています。もう一度押すと送ります。',
    en: 'Your commit is kept here; press again to send it.',
  },
} as const satisfies Record<string, LocalizedText>

/** A key of {@link publishStrings}. */
export type PublishStringKey = keyof typeof publishStrings

/** A label in `locale`, with `{name}` placeholders filled from `vars`. */
export function publishText(
  locale: Locale,
  key: PublishStringKey,
  vars?: Record<string, string | number>,
): string {
  return fillPlaceholders(publishStrings[key][locale], vars)
}

/** Labels of the progress phases. */
export const phaseStrings: Record<PublishPhase, LocalizedText> = {
  check: { ja: '確認しています', en: 'Checking' },
  save: { ja: '保存しています', en: 'Saving' },
  fetch: { ja: '最新の状態を取得しています', en: 'Fetching the latest' },
  branch: { ja: 'レビュー用の場所を準備しています', en: 'Preparing the review place' },
  commit: { ja: 'コミットしています', en: 'Committing' },
  push: { ja: '送信しています', en: 'Pushing' },
  done: { ja: '完了', en: 'Done' },
}

/** File change labels. */
export const changeStrings: Record<'added' | 'modified' | 'deleted' | 'unchanged', LocalizedText> =
  {
    added: { ja: '追加', en: 'added' },
    modified: { ja: '変更', en: 'changed' },
    deleted: { ja: '削除', en: 'deleted' },
    unchanged: { ja: '変更なし', en: 'unchanged' },
  }

export { formatBytes } from '../../../shared/text-format'
