/**
 * Rule messages in Japanese. Most Japanese rules already report in Japanese; the few that report in
 * English are translated here (the English original is kept after the translation when it is not
 * recognised). Messages never carry positions, so a paragraph linted alone reads the same as in
 * the whole post.
 */

type Translate = (m: RegExpExecArray) => string

const TRANSLATIONS: Array<[RegExp, Translate]> = [
  [
    /^Line \d+ sentence length\((\d+)\) exceeds the maximum sentence length of (\d+)\.\s*Over (\d+) characters?\.?/,
    (m) => `一文が長すぎます（${m[1]} 文字、上限 ${m[2]} 文字を ${m[3]} 文字超えています）。`,
  ],
  [
    /^This sentence exceeds the maximum count of comma\. Maximum is (\d+)\./,
    (m) => `一文のカンマ（,）が多すぎます。上限は ${m[1]} 個です。`,
  ],
  [/^Zero width space is disallowed\./, () => 'ゼロ幅スペースが含まれています。'],
  [
    /^Disallow to use NFD\(well-known as UTF8-MAC 濁点\): "(.*)" => "(.*)"/s,
    (m) => `濁点が分離した文字（NFD）です: "${m[1]}" → "${m[2]}"`,
  ],
  [/^Found invalid control character\((.*)\)/, (m) => `不正な制御文字があります（${m[1]}）。`],
  [
    /^Cannot find a pairing character for (.+?)\.\s*You should close this sentence with (.+?)\.\s*This pair of marks is called (.+?)\.$/s,
    (m) =>
      `「${m[1]}」に対応する閉じ記号がありません。文を「${m[2]}」で閉じてください（${m[3]}）。`,
  ],
  [/^Disallow to use 半角カタカナ: "(.*)"/s, (m) => `半角カタカナは使いません: "${m[1]}"`],
  [/^Disallow to use "(.*)"\.?$/s, (m) => `「${m[1]}」は使いません。`],
]

/** A rule's message in Japanese (see the module comment). */
export function japaneseMessage(message: string, ruleId = ''): string {
  let text = message.trim()
  if (ruleId.endsWith('no-doubled-joshi')) {
    // The rule names the word before each particle only when its document offsets happen to line
    // up with the sentence's: keep just the particle, the same wherever the sentence sits.
    text = text.replace(/^- .*?("[^"\n]+")$/gm, '- $1')
  }
  for (const [re, translate] of TRANSLATIONS) {
    const m = re.exec(text)
    if (m) return translate(m)
  }
  return text
}
