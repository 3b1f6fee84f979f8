/** `--help` of `portal-writer` and of each command: every option with one line and an example. */
import { msg, type Locale, type LocalizedText } from '../shared/localized'
import { CHECK_SOURCES } from './check-sources'

/** One option of a command. */
interface OptionHelp {
  flag: string
  text: LocalizedText
  example: string
}

/** The help of one command. */
interface CommandHelp {
  usage: string
  summary: LocalizedText
  options: OptionHelp[]
}

const LANG_OPTION: OptionHelp = {
  flag: '--lang <ja|en>',
  text: msg(
    '出力の言語（既定は LC_ALL・LANG から。未設定なら日本語）',
    'language of the output (default from LC_ALL/LANG; Japanese when unset)',
  ),
  example: '--lang en',
}
const HELP_OPTION: OptionHelp = {
  flag: '--help, -h',
  text: msg('この説明を表示する', 'show this help'),
  example: '--help',
}

/** Help of every command, by name. */
export const COMMAND_HELP = {
  card: {
    usage: 'portal-writer card <post-file> [--now <ISO date>] [--json]',
    summary: msg(
      'フィードのカード（抜粋・相対日付・URL・og:description）を表示する',
      'print the feed card a post makes (excerpt, relative date, URL, og:description)',
    ),
    options: [
      {
        flag: '--now <ISO date>',
        text: msg('相対日付の基準の日時', 'the moment relative dates are counted from'),
        example: '--now 2025-11-27T12:00:00+09:00',
      },
      {
        flag: '--json',
        text: msg('JSON 1 行で出力する', 'print one line of JSON'),
        example: '--json',
      },
    ],
  },
  check: {
    usage:
      'portal-writer check [<post-file|folder>...] [--changed [<base>]] [--format text|json|github]',
    summary: msg(
      '記事を検査し、エラーがあれば終了コード 1（使い方の誤り・記事が 0 件なら 2）',
      'check posts; exit code 1 on errors, 2 on a usage error or when no post was found',
    ),
    options: [
      {
        flag: '--changed [<base>]',
        text: msg(
          'ベースのブランチから変わった記事（と画像）だけを検査する（既定: origin/<baseBranch>）',
          'check only the posts (and their images) that differ from the base (default: origin/<baseBranch>)',
        ),
        example: '--changed origin/main',
      },
      {
        flag: '--format <text|json|github>',
        text: msg(
          '出力の形式。github は GitHub Actions の注釈（プルリクエストの差分に出る）',
          'output format; github prints GitHub Actions annotations shown on the pull request',
        ),
        example: '--format github',
      },
      {
        flag: '--json',
        text: msg('--format json と同じ', 'the same as --format json'),
        example: '--json',
      },
      {
        flag: '--quiet',
        text: msg('警告を出さず、エラーと集計だけを表示する', 'print only errors and the summary'),
        example: '--quiet',
      },
    ],
  },
  render: {
    usage: 'portal-writer render <post-file>... [--json] [--asset-base <url>]',
    summary: msg(
      'プレビューと同じ記事 HTML（サニタイズ後）を出力する',
      'print the article HTML exactly as the preview shows it',
    ),
    options: [
      {
        flag: '--json',
        text: msg(
          'ファイルごとに JSON 1 行（{"file", "html"}）',
          'one line of JSON per file ({"file", "html"})',
        ),
        example: '--json',
      },
      {
        flag: '--asset-base <url>',
        text: msg('ローカル画像の URL の前に付ける文字列', 'prefix for the URLs of local images'),
        example: '--asset-base http://localhost:8000/',
      },
    ],
  },
} as const satisfies Record<string, CommandHelp>

/** A command that has help. */
export type CommandName = keyof typeof COMMAND_HELP

const EXAMPLES: Record<CommandName, string[]> = {
  card: ['portal-writer card source/blog/2025-11-20-kaigi.html.md --json'],
  check: [
    'portal-writer check',
    'portal-writer check source/blog/2025-11-20-kaigi.html.md',
    'portal-writer check --changed --format github',
  ],
  render: ['portal-writer render source/blog/2025-11-20-kaigi.html.md > kaigi.html'],
}

const HEAD = {
  usage: msg('使い方', 'Usage'),
  options: msg('オプション', 'Options'),
  examples: msg('例', 'Examples'),
  commands: msg('コマンド', 'Commands'),
}

function optionLines(options: readonly OptionHelp[], lang: Locale): string[] {
  const width = Math.max(...options.map((o) => o.flag.length))
  return options.map(
    (o) =>
      `  ${o.flag.padEnd(width)}  ${o.text[lang]}${lang === 'ja' ? `（例: ${o.example}）` : ` (e.g. ${o.example})`}`,
  )
}

/** `portal-writer <command> --help`. */
export function commandHelp(name: CommandName, lang: Locale): string {
  const help: CommandHelp = COMMAND_HELP[name]
  const extra: OptionHelp[] =
    name === 'check'
      ? CHECK_SOURCES.map((s) => ({
          flag: `--${s.flag}`,
          text: s.help.text,
          example: s.help.example,
        }))
      : []
  return [
    `${HEAD.usage[lang]}: ${help.usage}`,
    '',
    help.summary[lang],
    '',
    `${HEAD.options[lang]}:`,
    ...optionLines([...help.options, ...extra, LANG_OPTION, HELP_OPTION], lang),
    '',
    `${HEAD.examples[lang]}:`,
    ...EXAMPLES[name].map((e) => `  ${e}`),
  ].join('\n')
}

/** `portal-writer --help`. */
export function mainHelp(lang: Locale): string {
  const names = Object.keys(COMMAND_HELP) as CommandName[]
  const width = Math.max(...names.map((n) => n.length))
  return [
    `${HEAD.usage[lang]}: portal-writer <command> [options]`,
    '',
    msg(
      '記事のカード・検査・HTML をコマンドラインで',
      'Post cards, checks and HTML from the command line',
    )[lang],
    '',
    `${HEAD.commands[lang]}:`,
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMAND_HELP[n].summary[lang]}`),
    '',
    `${HEAD.options[lang]}:`,
    ...optionLines(
      [
        {
          flag: '--version, -v',
          text: msg('バージョンを表示する', 'print the version'),
          example: '--version',
        },
        LANG_OPTION,
        HELP_OPTION,
      ],
      lang,
    ),
    '',
    `${HEAD.examples[lang]}:`,
    ...names.map((n) => `  ${EXAMPLES[n][0]}`),
    '  portal-writer check --help',
  ].join('\n')
}
