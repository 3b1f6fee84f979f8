import type { LocalizedText } from '../../../shared/localized'
import type { PublishState } from '../../../shared/publish'

/**
 * A post's lifecycle state in words a writer understands (no branch jargon), shared by the post
 * list's badge and the publish tab.
 */
export const publishStateStrings: Record<
  PublishState,
  { label: LocalizedText; hint: LocalizedText }
> = {
  draft: {
    label: { ja: '未送信', en: 'Not sent' },
    hint: {
      ja: 'まだレビューに送っていない新しい記事です。',
      en: 'A new post, never sent for review.',
    },
  },
  published: {
    label: { ja: '公開中', en: 'Published' },
    hint: {
      ja: '公開中の記事と同じ内容です。レビュー中のものはありません。',
      en: 'Same as the published post; nothing is under review.',
    },
  },
  edited: {
    label: { ja: '公開中・編集あり', en: 'Published, edited' },
    hint: {
      ja: '公開中の記事を手直ししています。まだレビューに送っていません。',
      en: 'You are editing a published post; the edits are not sent yet.',
    },
  },
  sent: {
    label: { ja: 'レビュー待ち', en: 'In review' },
    hint: {
      ja: '送った内容のままです。レビューを待ちましょう。',
      en: 'Exactly as sent. Waiting for review.',
    },
  },
  'unsent-commit': {
    label: { ja: '送信待ち', en: 'Not sent yet' },
    hint: {
      ja: 'レビュー用に記録しましたが、まだサーバーに届いていません。もう一度送ってください。',
      en: 'Recorded for review on this computer but not on the server yet. Send again.',
    },
  },
  changed: {
    label: { ja: '送信後に変更あり', en: 'Changed since sent' },
    hint: {
      ja: '前回送ったあとに変更があります。送るとレビュー中の内容が更新されます。',
      en: 'Changed since the last send. Sending updates what reviewers see.',
    },
  },
  merged: {
    label: { ja: 'マージ済み', en: 'Merged' },
    hint: {
      ja: 'レビューが済み、送った内容のまま公開中の記事に取り込まれています。',
      en: 'Reviewed and in the published blog exactly as sent.',
    },
  },
}

/**
 * What a draft (`published: false`) in these states is called instead: the same content is on the
 * base branch, but the site does not show it, so 「公開中」 would be false.
 */
const draftStateStrings: Partial<typeof publishStateStrings> = {
  published: {
    label: { ja: '取り込み済み', en: 'In the blog (draft)' },
    hint: {
      ja: '公開中の記事のブランチと同じ内容の下書きです。サイトには表示されません。',
      en: 'A draft with the same content as on the published branch; the site does not show it.',
    },
  },
  edited: {
    label: { ja: '取り込み済み・編集あり', en: 'In the blog (draft), edited' },
    hint: {
      ja: '取り込み済みの下書きを手直ししています。まだレビューに送っていません。',
      en: 'You are editing a draft that is in the blog; the edits are not sent yet.',
    },
  },
}

/** The label and hint of a post's state, worded for a draft when the post is one. */
export function publishStateText(
  state: PublishState,
  draft: boolean,
): { label: LocalizedText; hint: LocalizedText } {
  return (draft ? draftStateStrings[state] : undefined) ?? publishStateStrings[state]
}
