import { readFileSync } from 'node:fs'
import { CARD_USAGE, cardCommand } from './card-command'
import { CHECK_USAGE, checkCommand } from './check-command'
import type { CliIo } from './output'
import { RENDER_USAGE, renderCommand } from './render-command'

export type { CliIo } from './output'

const HELP = [
  'portal-writer: 記事のカード・検査・HTML をコマンドラインで / post cards, checks and HTML from the command line',
  '',
  `  ${CARD_USAGE}`,
  '      フィードのカード（抜粋・相対日付・URL・og:description） / the feed card a post makes',
  `  ${CHECK_USAGE}`,
  '      全記事を検査し、エラーがあれば終了コード 1 / checks every post; exit code 1 on errors',
  `  ${RENDER_USAGE}`,
  '      プレビューと同じ記事 HTML（サニタイズ後） / the article HTML exactly as the preview shows it',
].join('\n')

function version(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: string }
    return pkg.version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

/** Runs `portal-writer` with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const full: CliIo = {
    out: io?.out ?? ((line) => process.stdout.write(line + '\n')),
    err: io?.err ?? ((line) => process.stderr.write(line + '\n')),
    cwd: io?.cwd ?? process.cwd(),
  }
  const [command, ...rest] = argv
  switch (command) {
    case 'card':
      return cardCommand(rest, full)
    case 'check':
      return checkCommand(rest, full)
    case 'render':
      return renderCommand(rest, full)
    case '--version':
    case '-v':
      full.out(version())
      return 0
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      full.out(HELP)
      return command === undefined ? 2 : 0
    default:
      full.err(`「${command}」というコマンドはありません / unknown command "${command}"\n\n${HELP}`)
      return 2
  }
}
