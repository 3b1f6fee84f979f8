import { msg, type LocalizedText } from '../localized'

/** Messages of the metadata form, its edits and its checks, in plain words with the next step. */
export const METADATA_MESSAGES = {
  notClosed: msg(
    'フロントマターが閉じていないため、フォームから書き換えられません。YAML の終わりに「---」だけの行を置いてください。',
    'The front matter is not closed, so the form cannot change it. Add a line with only "---" after the YAML.',
  ),
  codeFrontMatter: (lang: string) =>
    msg(
      `「---${lang}」のフロントマターには対応していません（コードは実行しません）。YAML で書いてください。`,
      `"---${lang}" front matter is not supported (no code is run). Write it in YAML.`,
    ),
  invalidYaml: (line: number, reason: LocalizedText) =>
    msg(
      `${reason.ja}（エディタで ${line} 行目を直すまで、フォームからは書き換えません。本文はそのまま編集できます）`,
      `${reason.en} (the form will not change the front matter until line ${line} is fixed in the editor; the body stays editable)`,
    ),
  notMapping: msg(
    'フロントマターが「キー: 値」の並びではないため、フォームから書き換えられません。エディタで直してください。',
    'The front matter is not a list of "key: value" lines, so the form cannot change it. Fix it in the editor.',
  ),
  multipleDocuments: msg(
    'フロントマターに YAML の文書が 2 つ以上あります（「---」が途中にあります）。1 つにまとめてください。',
    'The front matter holds more than one YAML document (a "---" inside it). Keep just one.',
  ),
  indented: msg(
    'フロントマターのキーが字下げされているため、フォームから書き換えられません。キーを行頭から書いてください。',
    'The front-matter keys are indented, so the form cannot change them. Start each key at the beginning of its line.',
  ),
  badKey: (key: string) =>
    msg(
      `「${key}」はフロントマターのキーとして使えません（英数字・_・- だけにしてください）。`,
      `"${key}" cannot be a front-matter key (use letters, digits, _ and - only).`,
    ),
  unsafeEdit: (key: string) =>
    msg(
      `「${key}」を書き換えると他の項目が変わってしまうため、変更しませんでした。エディタで YAML を直接直してください。`,
      `Changing "${key}" would have changed other fields, so nothing was changed. Edit the YAML in the editor instead.`,
    ),

  missingFrontMatter: msg(
    'フロントマターがありません。1 行目を「---」にして、title・date・tags・authors を書いてください。',
    'There is no front matter. Start the file with a "---" line and give title, date, tags and authors.',
  ),
  missing: (label: LocalizedText, key: string, rule: LocalizedText) =>
    msg(
      `フロントマターに${label.ja}（${key}）がありません。${rule.ja}`,
      `The front matter has no ${key}. ${rule.en}`,
    ),
  noTags: msg(
    'タグがありません。読者が関連する記事を見つけられるよう、タグを 1 つ以上付けてください。',
    'The post has no tags. Add at least one so readers can find related posts.',
  ),
  titleTooLong: (chars: number, visible: number) =>
    msg(
      `タイトルが長いため、フィードのカードでは 3 行に収まらず「…」で切れます（${chars} 文字中およそ ${visible} 文字まで表示）。短くすると読者に全部伝わります。`,
      `The title is too long for the feed card’s 3 lines and will be cut with "…" (about ${visible} of ${chars} characters show). A shorter title reaches readers whole.`,
    ),
  dateNotIso: (key: string) =>
    msg(
      `${key} は「2025-01-31T10:00:00+09:00」のように、時刻と時差つきの ISO 形式で書いてください。`,
      key === 'date'
        ? 'Write the date in ISO form with a time and an offset, like 2025-01-31T10:00:00+09:00.'
        : `Write ${key} as a date in ISO form with a time and an offset, like 2025-01-31T10:00:00+09:00.`,
    ),
  dateOffset: (offset: string) =>
    msg(
      `日付は日本時間（${offset}）で書くのがこのブログの決まりです。フォームの日時から選び直すと ${offset} で書き直します。`,
      `This blog writes dates in Japan time (${offset}). Pick the date in the form to rewrite it with ${offset}.`,
    ),
  tooManyItems: (label: LocalizedText, count: number, max: number) =>
    msg(
      `${label.ja}が ${count} 個あります。${max} 個までに絞ると、読者が関連記事を見つけやすくなります。`,
      `There are ${count} ${label.en.toLowerCase()}; keep to ${max} or fewer so readers can find related posts.`,
    ),
  tooFewItems: (label: LocalizedText, min: number) =>
    msg(
      `${label.ja}を ${min} つ以上入れてください。`,
      `Add at least ${min} ${min === 1 ? 'entry' : 'entries'} to ${label.en.toLowerCase()}.`,
    ),
  duplicateItem: (label: LocalizedText, value: string, first: string) =>
    value === first
      ? msg(
          `${label.ja}「${value}」が 2 回あります。1 つにしてください。`,
          `"${value}" appears twice in ${label.en.toLowerCase()}; keep one.`,
        )
      : msg(
          `${label.ja}「${value}」と「${first}」は同じページにまとまります（大文字・小文字や全角・半角の違いだけです）。どちらか 1 つにしてください。`,
          `"${value}" and "${first}" in ${label.en.toLowerCase()} lead to the same page (they differ only in case or width). Keep one.`,
        ),
  tagVariant: (value: string, known: string, count: number) =>
    msg(
      `タグ「${value}」は、ほかの記事で使われている「${known}」（${count} 件）と同じタグページになります。表記をそろえますか？`,
      `The tag "${value}" leads to the same tag page as "${known}" (used in ${count} posts). Use the same spelling?`,
    ),
  unknownAuthor: (value: string, nearest: string | null) =>
    nearest
      ? msg(
          `著者「${value}」はほかの記事にいません。「${nearest}」のことですか？ 初めて書く人ならこのままで大丈夫です。`,
          `No other post has the author "${value}". Did you mean "${nearest}"? If this is a first post, it is fine as is.`,
        )
      : msg(
          `著者「${value}」はほかの記事にいません。初めて書く人ならこのままで大丈夫です。綴りを確かめてください。`,
          `No other post has the author "${value}". If this is a first post, it is fine as is; check the spelling.`,
        ),
  eyecatchMissing: (name: string, folder: string | null) =>
    msg(
      `アイキャッチ「${name}」が${folder ? `画像フォルダ（${folder}）` : '画像フォルダ'}にありません。ファイルを置くか、一覧から選び直してください。`,
      `The eyecatch "${name}" is not in the image folder${folder ? ` (${folder})` : ''}. Add the file, or choose another from the list.`,
    ),
  eyecatchNotImage: (name: string) =>
    msg(
      `アイキャッチ「${name}」は画像のファイル名に見えません（.png・.jpg・.webp・.gif などにしてください）。`,
      `The eyecatch "${name}" does not look like an image file (use .png, .jpg, .webp, .gif…).`,
    ),
  notText: (label: LocalizedText, key: string) =>
    msg(
      `${label.ja}（${key}）は文字で書いてください。`,
      `Write ${key} (${label.en.toLowerCase()}) as text.`,
    ),
  notList: (label: LocalizedText, key: string) =>
    msg(
      `${label.ja}（${key}）はリスト（「- 値」を 1 行ずつ）で書いてください。空なら「${key}: []」にします。`,
      `Write ${key} as a list ("- value", one per line); use "${key}: []" for none.`,
    ),
  notBoolean: (key: string) =>
    msg(`${key} は true か false にしてください。`, `Set ${key} to true or false.`),
  notImage: (key: string) =>
    msg(`${key} には画像のファイル名を書いてください。`, `Write ${key} as an image file name.`),
  tooLong: (label: LocalizedText, length: number, max: number) =>
    msg(
      `${label.ja}は ${max} 文字以内にしてください（今は ${length} 文字）。`,
      `Keep ${label.en.toLowerCase()} within ${max} characters (it has ${length}).`,
    ),
  pattern: (label: LocalizedText, value: string, pattern: string) =>
    msg(
      `${label.ja}「${value}」がこのリポジトリの決まり（${pattern}）に合いません。`,
      `${label.en} "${value}" does not follow this repository’s rule (${pattern}).`,
    ),
  notAChoice: (label: LocalizedText, value: string, choices: readonly string[]) =>
    msg(
      `${label.ja}「${value}」は選べる値ではありません。${choices.join('・')} から選んでください。`,
      `"${value}" is not one of the ${label.en.toLowerCase()} choices: ${choices.join(', ')}.`,
    ),
} as const

/** The rule each default field follows, said once (the CLI's check shows these). */
export const FIELD_RULES: Readonly<Record<string, LocalizedText>> = {
  title: msg('title（タイトル）を文字で書いてください。', 'Give the post a title (text).'),
  date: METADATA_MESSAGES.dateNotIso('date'),
  tags: msg(
    'tags はリスト（「- タグ」を 1 行ずつ）で書いてください。タグがなければ「tags: []」にします。',
    'Write tags as a list ("- tag", one per line); use "tags: []" for none.',
  ),
  authors: msg(
    'authors に書いた人を 1 人以上、リスト（「- 名前」）で書いてください。',
    'List at least one author under authors ("- name").',
  ),
  categories: msg('categories はリストで書いてください。', 'Write categories as a list.'),
  eyecatch: msg(
    'eyecatch には画像のファイル名を書いてください。',
    'Write the eyecatch as an image file name.',
  ),
  published: msg('published は true か false にしてください。', 'Set published to true or false.'),
  description: msg(
    'description（説明文）は文字で書いてください。',
    'Write the description as text.',
  ),
}
