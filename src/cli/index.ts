/**
 * `portal-writer`: the entry loads nothing heavy. Each command is imported only when it runs, so
 * `--version` and `--help` start at once and sharp is loaded only by a rule that measures an image.
 */
import { msg } from '../shared/localized'
import { mainHelp } from './help'
import { langFromEnv } from './lang'
import { langOption, type CliIo } from './output'

export type { CliIo } from './output'

declare const __PORTAL_WRITER_VERSION__: string | undefined

/** The version, written into the bundle at build time (read from package.json from the sources). */
async function version(): Promise<string> {
  if (typeof __PORTAL_WRITER_VERSION__ === 'string') return __PORTAL_WRITER_VERSION__
  const { readFile } = await import('node:fs/promises')
  try {
    const url = new URL('../../package.json', import.meta.url)
    return (JSON.parse(await readFile(url, 'utf8')) as { version?: string }).version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

const COMMANDS = ['card', 'check', 'render'] as const

/** A transient progress line on stderr, only when it is a terminal and not in CI. */
function terminalProgress(env: CliIo['env']): CliIo['progress'] {
  if (!process.stderr.isTTY || env.CI) return undefined
  let last = 0
  return (text) => {
    const now = Date.now()
    if (text === null) process.stderr.write('\r\x1b[K')
    else if (now - last > 50) {
      last = now
      process.stderr.write(`\r\x1b[K${text}`)
    }
  }
}

/** Runs `portal-writer` with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const env = io?.env ?? process.env
  const full: CliIo = {
    out: io?.out ?? ((line) => process.stdout.write(line + '\n')),
    err: io?.err ?? ((line) => process.stderr.write(line + '\n')),
    cwd: io?.cwd ?? process.cwd(),
    env,
    progress: io ? io.progress : terminalProgress(env),
  }
  const [command, ...rest] = argv
  switch (command) {
    case 'card':
      return (await import('./card-command')).cardCommand(rest, full)
    case 'check': {
      const { checkCommand } = await import('./check-command')
      return checkCommand(rest, full)
    }
    case 'render':
      return (await import('./render-command')).renderCommand(rest, full)
    case '--version':
    case '-v':
      full.out(await version())
      return 0
  }
  // Top-level options: --help, --lang.
  const envLang = langFromEnv(env)
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const langValue =
    langAt < 0 ? undefined : argv[langAt]!.includes('=') ? argv[langAt]!.slice(7) : argv[langAt + 1]
  const lang = langOption(langValue ?? (langAt < 0 ? undefined : ''), envLang) ?? envLang
  const wantsHelp = argv.some((a) => a === '--help' || a === '-h' || a === 'help')
  if (wantsHelp) {
    full.out(mainHelp(lang))
    return 0
  }
  if (command === undefined || langAt === 0) {
    full.err(mainHelp(lang))
    return 2
  }
  const { closestName } = await import('../shared/closest-name')
  const near = closestName(command.replace(/^-+/, ''), COMMANDS)
  const unknown = command.startsWith('-')
    ? msg(`不明なオプション ${command}。`, `Unknown option ${command}.`)
    : msg(`「${command}」というコマンドはありません。`, `There is no command "${command}".`)
  const hint = near
    ? msg(`${near} のことですか？`, `Did you mean ${near}?`)
    : msg('portal-writer --help でコマンドを確かめてください。', 'See portal-writer --help.')
  full.err(`${unknown[lang]}${lang === 'ja' ? '' : ' '}${hint[lang]}`)
  return 2
}
