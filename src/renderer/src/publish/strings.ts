import type { Locale, LocalizedText } from '../../../shared/localized'
import type { PublishPhase, PublishState } from '../../../shared/publish'

/** Labels of the publish panel, Japanese first. Messages from main arrive already localized. */
export const publishStrings = {
  panelLabel: { ja: 'レビューを依頼', en: 'Request review' },
  publish: { ja: 'レビューを依頼', en: 'Request review' },
  publishAgain: { ja: '変更を送る', en: 'Send changes' },
  publishing: { ja: '送信中…', en: 'Sending…' },
  update: { ja: 'ベースから更新', en: 'Update from base' },
  updating: { ja: '更新中…', en: 'Updating…' },
  refresh: { ja: '状態を再読み込み', en: 'Refresh status' },
  loading: { ja: '状態を確認しています…', en: 'Checking status…' },
  noPost: { ja: '記事を開くと、ここから送信できます。', en: 'Open a post to send it from here.' },
  state: { ja: '状態', en: 'Status' },
  branch: { ja: 'ブランチ', en: 'Branch' },
  currentBranch: { ja: '（いまの作業ブランチ: {branch}）', en: '(checked out now: {branch})' },
  detached: { ja: 'どのブランチでもない状態', en: 'no branch' },
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
    ja: '最初の送信の前なら自由に直せます。',
    en: 'You can edit it before the first send.',
  },
  progress: { ja: '進み具合', en: 'Progress' },
  resultLink: { ja: 'プルリクエストのページ', en: 'Pull-request page' },
  open: { ja: 'ブラウザーで開く', en: 'Open in browser' },
  details: { ja: '詳しい情報（git のメッセージ）', en: 'Details (git’s own words)' },
  filesInvolved: { ja: '対象のファイル', en: 'Files involved' },
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
  const template = publishStrings[key][locale]
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  )
}

/** The state badges, with a line saying what the state means. */
export const stateStrings: Record<PublishState, { label: LocalizedText; hint: LocalizedText }> = {
  new: {
    label: { ja: '新規', en: 'New' },
    hint: { ja: 'まだ一度も送っていない記事です。', en: 'This post has never been sent.' },
  },
  changed: {
    label: { ja: '変更あり', en: 'Changed' },
    hint: {
      ja: '前回から変更があります。送るとレビュー中の内容が更新されます。',
      en: 'Changed since the last send. Sending updates what reviewers see.',
    },
  },
  committed: {
    label: { ja: 'コミット済み・未送信', en: 'Committed, not sent' },
    hint: {
      ja: 'このパソコンに保存済みで、まだサーバーに送っていません。',
      en: 'Saved in git on this computer, not sent to the server yet.',
    },
  },
  pushed: {
    label: { ja: '送信済み', en: 'Sent' },
    hint: {
      ja: 'サーバーに送ってあります。レビューを待ちましょう。',
      en: 'Sent to the server. Waiting for review.',
    },
  },
  merged: {
    label: { ja: 'マージ済み', en: 'Merged' },
    hint: { ja: 'ベースブランチに取り込まれています。', en: 'It is in the base branch.' },
  },
}

/** Labels of the progress phases. */
export const phaseStrings: Record<PublishPhase, LocalizedText> = {
  check: { ja: '確認しています', en: 'Checking' },
  save: { ja: '保存しています', en: 'Saving' },
  fetch: { ja: '最新の状態を取得しています', en: 'Fetching the latest' },
  branch: { ja: 'ブランチを準備しています', en: 'Preparing the branch' },
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

/** A size in KB or MB, for people. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
